import type { OrganisationState } from '@app/projections';
import { html } from './dom';
import type { Names } from './names';
import type { StateEvidence } from './state-evidence';

type ShowEvidence = (title: string, eventIds: readonly string[]) => void;

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
  evidence: StateEvidence,
  names: Names,
  showEvidence: ShowEvidence,
): void {
  const day = state.asOf;
  const name = (id: string): string => names.full(id);
  const evidenceButton = (title: string, eventIds: readonly string[]): HTMLElement => {
    if (eventIds.length === 0) return html('span', { class: 'muted' }, 'no linked fact');
    const count = `${eventIds.length} fact${eventIds.length === 1 ? '' : 's'}`;
    // The accessible name starts with the visible text, so that speech control finds the button by what it shows.
    const button = html(
      'button',
      { type: 'button', class: 'evidence-link', 'aria-label': `${count}: ${title}` },
      count,
    );
    button.addEventListener('click', () => showEvidence(title, eventIds));
    return button;
  };
  const table = <R>(
    caption: string,
    rows: readonly R[],
    columns: readonly Column<R>[],
    attributes: (row: R) => Record<string, string>,
    facts: (row: R) => [string, readonly string[]],
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
          ...rows.map((row) => {
            const [title, ids] = facts(row);
            return html(
              'tr',
              attributes(row),
              ...columns.map((c, i) =>
                html(
                  'td',
                  { class: c.date ? 'date' : undefined, 'data-heading': i === 0 ? undefined : c.heading },
                  c.cell(row),
                ),
              ),
              html('td', { 'data-heading': 'evidence' }, evidenceButton(title, ids)),
            );
          }),
        ),
      ),
    );
  };

  const existence = state.exists
    ? 'in existence'
    : state.members.length > 0
      ? 'not yet in existence: the members are the parties to its predecessor treaty'
      : 'not in existence';
  container.replaceChildren(
    html(
      'h2',
      { id: 'state-heading', 'data-as-of': day },
      `${state.organisation.toUpperCase()} on ${day}`,
      html('span', { class: 'existence' }, ` — ${existence}`),
    ),
    table(
      'Members',
      state.members,
      [
        { heading: 'participant', cell: (m) => name(m.participant) },
        { heading: 'status', cell: (m) => m.status },
        { heading: 'basis', cell: (m) => m.basis },
        { heading: 'member since', cell: (m) => m.since, date: true },
        { heading: 'status since', cell: (m) => m.statusSince, date: true },
      ],
      (m) => ({ 'data-member': m.participant, 'data-status': m.status, class: `status-${m.status}` }),
      (m) => [`${name(m.participant)} ${m.status} on ${day}`, evidence.member(m, day)],
    ),
    table(
      'Signatories not yet bound',
      state.signatories,
      [
        { heading: 'participant', cell: (s) => name(s.participant) },
        { heading: 'instrument', cell: (s) => s.instrument },
        { heading: 'signed', cell: (s) => s.since, date: true },
      ],
      (s) => ({ 'data-signatory': s.participant }),
      (s) => [
        `${name(s.participant)} signatory of ${s.instrument}`,
        evidence.signatory(s.participant, s.instrument, day),
      ],
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
        (g) => [
          `${name(g.participant)} ${role.slice(0, -1)} of ${name(g.body)}`,
          evidence.grant(g.participant, role === 'observers' ? 'observer' : 'partner', g.body, day),
        ],
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
      (e) => [
        `${name(state.organisation)} ${e.status} in ${name(e.body)}`,
        evidence.external(e.body, e.status, day),
      ],
    ),
    table(
      'Instruments',
      state.instruments,
      [
        { heading: 'instrument', cell: (i) => i.id },
        { heading: 'in force', cell: (i) => (i.inForce ? `since ${i.since ?? '?'}` : 'no') },
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
      (i) => [`entry into force of ${i.id}`, evidence.instrument(i.id)],
    ),
    table(
      'Deployments',
      state.deployments,
      [
        { heading: 'deployment', cell: (d) => d.id },
        { heading: 'host', cell: (d) => name(d.host) },
        { heading: 'phase', cell: (d) => d.status },
        { heading: 'contributors', cell: (d) => d.contributors.map(name).join(', ') || '—' },
      ],
      (d) => ({ 'data-deployment': d.id }),
      (d) => [`deployment ${d.id}`, evidence.deployment(d.id)],
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
                `${name(u.participant ?? u.subject)}: ${u.status} between ${u.from} and ${u.to} — ${u.because}`,
              ),
            ),
          ),
        ),
  );
}
