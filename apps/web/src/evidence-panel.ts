import type { Source } from '@app/domain';
import type { AuditTrail } from '@app/history';
import type { Api } from './api';
import { html } from './dom';

/** The facts behind a status: each fact's type, date, sources, who recorded it from where, and its corrections. */
export class EvidencePanel {
  private shown = 0;
  private opener: HTMLElement | SVGElement | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly api: Api,
  ) {
    container.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
    });
  }

  /** Hides the panel and gives the focus back to the mark or button that opened it. */
  close(): void {
    this.container.hidden = true;
    this.opener?.focus();
  }

  /**
   * The facts behind a status, loaded from the server, after any notes the answer itself gives about it (the range
   * in which it is undetermined, the readings of a dispute).
   */
  async show(title: string, eventIds: readonly string[], notes: readonly Node[] = []): Promise<void> {
    const request = this.open(`Evidence: ${title}`, html('p', { class: 'muted' }, 'loading…'));
    const settled = await Promise.allSettled(eventIds.map((id) => this.api.event(id)));
    if (request !== this.shown) return;
    this.open(
      `Evidence: ${title}`,
      ...notes,
      html(
        'ol',
        { class: 'facts' },
        ...settled.map((result, i) =>
          result.status === 'fulfilled'
            ? fact(result.value)
            : html('li', { class: 'error' }, `${eventIds[i] ?? ''}: ${String(result.reason)}`),
        ),
      ),
    );
  }

  /** Shows any content under a heading, focused, with a close button; returns the request's number. */
  open(title: string, ...content: Node[]): number {
    const active = document.activeElement;
    if (!this.container.contains(active))
      this.opener = active instanceof HTMLElement || active instanceof SVGElement ? active : null;
    const heading = html('h2', { tabindex: '-1' }, title);
    const close = html(
      'button',
      { type: 'button', class: 'close', 'aria-label': 'Close the evidence (Escape)' },
      '×',
    );
    close.addEventListener('click', () => this.close());
    this.container.replaceChildren(close, heading, ...content);
    this.container.hidden = false;
    heading.focus();
    return ++this.shown;
  }
}

function fact(trail: AuditTrail): HTMLElement {
  const { event } = trail;
  const where = trail.importedFrom ? `${trail.importedFrom.file}:${trail.importedFrom.line}` : 'the API';
  return html(
    'li',
    { 'data-event': trail.id },
    html(
      'p',
      {},
      html('strong', {}, event.type),
      ` effective ${event.effectiveDate}`,
      ' · ',
      html('a', { href: `/events/${encodeURIComponent(trail.id)}` }, 'audit trail (JSON)'),
    ),
    html('p', { class: 'muted' }, `recorded ${trail.recordedAt} by ${trail.recordedBy} from ${where}`),
    html('ul', { class: 'sources' }, ...event.sources.map(source)),
    event.dispute === undefined
      ? null
      : html(
          'div',
          { class: 'dispute' },
          html(
            'p',
            {},
            html('strong', {}, 'Disputed. '),
            `Followed: ${event.effectiveDate}. ${event.dispute.followed}`,
          ),
          html(
            'ul',
            { class: 'readings' },
            ...event.dispute.readings.map((reading) =>
              html(
                'li',
                { 'data-reading': reading.effectiveDate ?? '' },
                html(
                  'strong',
                  {},
                  `Other reading${reading.effectiveDate ? `, ${reading.effectiveDate}` : ''}: `,
                ),
                reading.claim,
                html('ul', { class: 'sources' }, ...reading.sources.map(source)),
              ),
            ),
          ),
        ),
    trail.supersededBy.length > 0
      ? html(
          'p',
          { class: 'corrected' },
          `superseded by: ${trail.supersededBy.map((s) => `${s.event.type} ${s.id}`).join(', ')}`,
        )
      : null,
  );
}

function source(item: Source): HTMLElement {
  if ('seed' in item)
    return html('li', {}, html('span', { class: 'muted' }, `seed ${item.seed}: `), html('q', {}, item.quote));
  return html(
    'li',
    {},
    html('a', { href: item.url, rel: 'noreferrer' }, item.title),
    item.publisher ? ` — ${item.publisher}` : '',
  );
}
