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

  async show(title: string, eventIds: readonly string[]): Promise<void> {
    const request = ++this.shown;
    const active = document.activeElement;
    if (!this.container.contains(active))
      this.opener = active instanceof HTMLElement || active instanceof SVGElement ? active : null;
    this.container.replaceChildren(
      html('h2', { tabindex: '-1' }, `Evidence: ${title}`),
      html('p', { class: 'muted' }, 'loading…'),
    );
    this.container.hidden = false;
    const settled = await Promise.allSettled(eventIds.map((id) => this.api.event(id)));
    if (request !== this.shown) return;
    const heading = html('h2', { tabindex: '-1' }, `Evidence: ${title}`);
    const close = html(
      'button',
      { type: 'button', class: 'close', 'aria-label': 'Close the evidence (Escape)' },
      '×',
    );
    close.addEventListener('click', () => this.close());
    this.container.replaceChildren(
      close,
      heading,
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
    heading.focus();
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
