import type { DeploymentRow, InstrumentRow, OrganisationState, Undetermined } from '@app/projections';
import { html, withWholeDates } from './dom';
import type { Names } from './names';

type ShowEvidence = (title: string, eventIds: readonly string[], notes: readonly Node[]) => void;

/** What every row of the state answer may carry besides its own fields: its facts, and any doubt about it. */
interface Answered {
  readonly eventIds: readonly string[];
  readonly undetermined?: Undetermined;
  readonly disputed?: {
    readonly eventId: string;
    readonly followed: string;
    readonly readings: readonly { readonly claim: string; readonly effectiveDate: string | null }[];
    readonly effect: string;
  };
}

interface Column<R> {
  readonly heading: string;
  readonly cell: (row: R) => string;
  /** A date is never broken across lines. */
  readonly date?: boolean;
}

/** The organisation on the chosen day: who was a member and in what status, and on what evidence. */
export function renderState(
  container: HTMLElement,
  state: OrganisationState,
  names: Names,
  showEvidence: ShowEvidence,
): void {
  const day = state.asOf;
  const name = (id: string): string => names.full(id);
  /** The row's own facts, as the server gives them: the page matches nothing itself. */
  const evidenceButton = (title: string, row: Answered): HTMLElement => {
    const { eventIds } = row;
    if (eventIds.length === 0) return html('span', { class: 'muted' }, 'no linked fact');
    const count = `${eventIds.length} fact${eventIds.length === 1 ? '' : 's'}`;
    // The accessible name starts with the visible text, so that speech control finds the button by what it shows.
    const button = html(
      'button',
      { type: 'button', class: 'evidence-link', 'aria-label': `${count}: ${title}` },
      count,
    );
    button.addEventListener('click', () => showEvidence(title, eventIds, doubtNotes(row)));
    return button;
  };
  const table = <R extends Answered>(
    caption: string,
    rows: readonly R[],
    columns: readonly Column<R>[],
    attributes: (row: R) => Record<string, string>,
    title: (row: R) => string,
  ): HTMLElement => {
    if (rows.length === 0) return html('p', { class: 'empty' }, `${caption}: none`);
    return html(
      'div',
      { class: 'table-frame' },
      html(
        'table',
        {},
        html('caption', {}, `${caption} (${rows.length})`),
        html(
          'thead',
          {},
          html(
            'tr',
            {},
            ...columns.map((c) => html('th', { scope: 'col' }, c.heading)),
            html('th', { scope: 'col' }, 'evidence'),
          ),
        ),
        html(
          'tbody',
          {},
          ...rows.map((row) =>
            html(
              'tr',
              { ...attributes(row), ...doubtAttributes(row) },
              ...columns.map((c, i) =>
                html(
                  'td',
                  { class: c.date ? 'date' : undefined, 'data-heading': i === 0 ? undefined : c.heading },
                  ...withWholeDates(c.cell(row)),
                  i === 0 ? doubtFlag(row) : null,
                ),
              ),
              html('td', { 'data-heading': 'evidence' }, evidenceButton(title(row), row)),
            ),
          ),
        ),
      ),
    );
  };

  const existence = state.exists
    ? 'in existence'
    : state.members.length > 0
      ? 'not yet in existence: the members are the parties to its predecessor treaty'
      : 'not in existence';
  const deploymentTable = (caption: string, rows: readonly DeploymentRow[], attribute: string): HTMLElement =>
    table(
      caption,
      rows,
      [
        { heading: 'deployment', cell: (d) => d.id },
        { heading: 'host', cell: (d) => name(d.host) },
        { heading: 'phase', cell: (d) => d.status },
        { heading: 'contributors', cell: (d) => d.contributors.map(name).join(', ') || '—' },
      ],
      (d) => ({ [attribute]: d.id, 'data-status': d.status }),
      (d) => `deployment ${d.id} (${d.status}) on ${day}`,
    );
  container.replaceChildren(
    html(
      'h2',
      { id: 'state-heading', 'data-as-of': day },
      `${state.organisation.toUpperCase()} on ${day}`,
      html('span', { class: 'existence' }, ` — ${existence}`),
    ),
    table(
      state.exists
        ? 'Members'
        : 'Parties to the predecessor treaty (the members before the Organization existed)',
      state.members,
      [
        { heading: 'participant', cell: (m) => name(m.participant) },
        { heading: 'status', cell: (m) => m.status },
        { heading: 'basis', cell: (m) => m.basis },
        { heading: 'member since', cell: (m) => m.since, date: true },
        { heading: 'status since', cell: (m) => m.statusSince, date: true },
      ],
      (m) => ({ 'data-member': m.participant, 'data-status': m.status, class: `status-${m.status}` }),
      (m) => `${name(m.participant)} ${state.exists ? m.status : `party to ${m.basis}`} on ${day}`,
    ),
    table(
      'Signatories not yet bound',
      state.signatories,
      [
        { heading: 'participant', cell: (s) => name(s.participant) },
        { heading: 'instrument', cell: (s) => s.instrument },
        { heading: 'signed', cell: (s) => s.since, date: true },
      ],
      (s) => ({ 'data-signatory': s.participant, 'data-signatory-of': s.instrument }),
      (s) => `${name(s.participant)} signatory of ${s.instrument}`,
    ),
    ...(['observers', 'partners'] as const).map((role) =>
      table(
        role === 'observers' ? 'Observers' : 'Partners',
        state[role],
        [
          { heading: 'participant', cell: (g) => name(g.participant) },
          { heading: 'granted by', cell: (g) => name(g.body) },
          { heading: 'since', cell: (g) => g.since, date: true },
        ],
        (g) => ({ [`data-${role.slice(0, -1)}`]: g.participant }),
        (g) => `${name(g.participant)} ${role.slice(0, -1)} of ${name(g.body)}`,
      ),
    ),
    table(
      'Statuses in other bodies',
      state.externalStatuses,
      [
        { heading: 'body', cell: (e) => name(e.body) },
        { heading: 'status', cell: (e) => e.status },
        { heading: 'since', cell: (e) => e.since, date: true },
      ],
      (e) => ({ 'data-external': e.body }),
      (e) => `${name(state.organisation)} ${e.status} in ${name(e.body)}`,
    ),
    table(
      'Instruments',
      state.instruments,
      [
        { heading: 'instrument', cell: (i) => i.id },
        { heading: 'in force', cell: inForceText },
        { heading: 'parties', cell: (i) => i.parties.join(' ') || '—' },
        {
          heading: 'note',
          cell: (i) =>
            i.disagreement
              ? `derived ${i.disagreement.derived ?? '—'}, reported ${i.disagreement.reported ?? '—'}`
              : '',
        },
      ],
      (i) => ({ 'data-instrument': i.id, 'data-in-force': String(i.inForce) }),
      (i) => `entry into force of ${i.id}`,
    ),
    deploymentTable(
      'Deployments present (contingents arrived or withdrawing)',
      state.deployments,
      'data-deployment',
    ),
    deploymentTable(
      'Deployments requested or authorised, no contingent arrived yet',
      state.pendingDeployments,
      'data-pending-deployment',
    ),
    state.uncertain.length === 0
      ? html('p', { class: 'empty' }, 'Uncertain on this day: nothing')
      : html(
          'section',
          { class: 'uncertain' },
          html('h3', {}, 'Uncertain on this day'),
          html(
            'ul',
            {},
            ...state.uncertain.map((u) =>
              html(
                'li',
                {},
                `${name(u.participant ?? u.subject)}: ${u.status} between ${u.from} and ${u.to}: ${u.because}`,
              ),
            ),
          ),
        ),
  );
}

/** "since 2003-09-18", "undetermined: between … and …" (the server cannot tell), or "no". */
function inForceText(row: InstrumentRow): string {
  if (row.inForce === 'undetermined')
    return `undetermined: in force on a day between ${row.undetermined?.from ?? '?'} and ${row.undetermined?.to ?? '?'}`;
  return row.inForce ? `since ${row.since ?? '?'}` : 'no';
}

function doubtAttributes(row: Answered): Record<string, string> {
  return {
    ...(row.undetermined ? { 'data-undetermined': `${row.undetermined.from}/${row.undetermined.to}` } : {}),
    ...(row.disputed ? { 'data-disputed': row.disputed.eventId } : {}),
  };
}

/**
 * A short flag under the row's first cell: the reader sees at once that the row may not hold, or is disputed; the
 * evidence gives the whole of it.
 */
function doubtFlag(row: Answered): HTMLElement | null {
  if (row.undetermined === undefined && row.disputed === undefined) return null;
  return html(
    'span',
    { class: 'doubt-flags' },
    row.undetermined
      ? html(
          'span',
          { class: 'flag undetermined' },
          `undetermined: ${row.undetermined.from} to ${row.undetermined.to}`,
        )
      : null,
    row.disputed
      ? html(
          'span',
          { class: 'flag disputed' },
          `disputed: other readings ${row.disputed.readings.map((r) => r.effectiveDate ?? 'undated').join(', ')} (see the evidence)`,
        )
      : null,
  );
}

/** The answer's own words on a row's doubt: for the row's flag and for the evidence panel. */
function doubtNotes(row: Answered): HTMLElement[] {
  const notes: HTMLElement[] = [];
  if (row.undetermined)
    notes.push(
      html(
        'p',
        { class: 'flag undetermined' },
        `undetermined: decided on a day between ${row.undetermined.from} and ${row.undetermined.to}, which the record cannot tell`,
      ),
    );
  if (row.disputed)
    notes.push(
      html(
        'div',
        { class: 'dispute', 'data-disputed': row.disputed.eventId },
        html(
          'p',
          {},
          html('strong', {}, 'Disputed. '),
          `The answer follows one reading: ${row.disputed.followed}`,
        ),
        html(
          'ul',
          { class: 'readings' },
          ...row.disputed.readings.map((r) =>
            html('li', {}, html('strong', {}, `${r.effectiveDate ?? 'undated'}: `), r.claim),
          ),
        ),
        html('p', {}, `${row.disputed.effect.charAt(0).toUpperCase()}${row.disputed.effect.slice(1)}.`),
      ),
    );
  return notes;
}
