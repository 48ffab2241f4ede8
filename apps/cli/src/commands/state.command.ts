import { Command } from 'nest-commander';
import { HistoryQueries, OrganisationStateQuestion, validateQuery } from '@app/history';
import type { OrganisationState } from '@app/projections';
import { evidenced, renderSections, uncertainSection, type Evidence } from '../output/sections';
import { DatedQueryCommand, type DatedQueryFlags } from '../query-command';
import { runQuery } from '../run-query';

@Command({
  name: 'state',
  arguments: '<org>',
  description:
    'the organisation on a day: members, signatories, observers, partners, instruments, deployments',
})
export class StateCommand extends DatedQueryCommand {
  constructor(private readonly queries: HistoryQueries) {
    super();
  }

  async run([organisation]: string[], flags: DatedQueryFlags): Promise<void> {
    const factNames = flags.evidence ? () => this.queries.factNames() : undefined;
    await runQuery(
      { command: 'state', names: { org: '<org>' }, json: flags.json, render: renderState, factNames },
      () =>
        this.queries.organisationState(
          validateQuery(OrganisationStateQuestion, {
            org: organisation,
            asOf: flags.asOf,
            knownAt: flags.knownAt,
          }),
        ),
    );
  }
}

/** `yes`, `no`, or the period in which it entered into force when the record cannot tell the day. */
export function inForceWords(row: {
  inForce: boolean | 'undetermined';
  undetermined?: { from: string; to: string };
}): string {
  if (row.inForce === 'undetermined')
    return `undetermined (${row.undetermined?.from ?? '?'}/${row.undetermined?.to ?? '?'})`;
  return row.inForce ? 'yes' : 'no';
}

/** A row's doubts in words: undetermined between two days, disputed. */
function doubt(row: {
  undetermined?: { from: string; to: string };
  disputed?: { effect: string };
}): string | null {
  const words = [
    row.undetermined ? `undetermined ${row.undetermined.from}/${row.undetermined.to}` : '',
    row.disputed ? `disputed: ${row.disputed.effect}` : '',
  ];
  return words.filter((w) => w !== '').join('; ') || null;
}

function renderState(state: OrganisationState, evidence: Evidence): string {
  const known = state.knownAt ? ` as recorded by ${state.knownAt}` : '';
  const ids = (rows: readonly { eventIds: readonly string[] }[]): (readonly string[])[] =>
    rows.map((row) => row.eventIds);
  const membersTitle = state.exists
    ? 'members'
    : 'members (parties to the predecessor treaty: the organisation does not exist yet)';
  return renderSections(
    `${state.organisation} on ${state.asOf}${known}: ${state.exists ? 'in existence' : 'not (yet) in existence'}`,
    [
      evidenced(
        [
          membersTitle,
          ['participant', 'status', 'basis', 'since', 'status since', 'doubt'],
          state.members.map((m) => [m.participant, m.status, m.basis, m.since, m.statusSince, doubt(m)]),
        ],
        ids(state.members),
        evidence,
      ),
      evidenced(
        [
          'signatories',
          ['participant', 'instrument', 'since', 'doubt'],
          state.signatories.map((s) => [s.participant, s.instrument, s.since, doubt(s)]),
        ],
        ids(state.signatories),
        evidence,
      ),
      evidenced(
        [
          'observers',
          ['participant', 'body', 'since', 'doubt'],
          state.observers.map((o) => [o.participant, o.body, o.since, doubt(o)]),
        ],
        ids(state.observers),
        evidence,
      ),
      evidenced(
        [
          'partners',
          ['participant', 'body', 'since', 'doubt'],
          state.partners.map((p) => [p.participant, p.body, p.since, doubt(p)]),
        ],
        ids(state.partners),
        evidence,
      ),
      evidenced(
        [
          'statuses in other bodies',
          ['body', 'status', 'since', 'doubt'],
          state.externalStatuses.map((e) => [e.body, e.status, e.since, doubt(e)]),
        ],
        ids(state.externalStatuses),
        evidence,
      ),
      evidenced(
        [
          'instruments',
          ['instrument', 'in force', 'since', 'parties'],
          state.instruments.map((i) => [i.id, inForceWords(i), i.since, i.parties.join(' ')]),
        ],
        ids(state.instruments),
        evidence,
      ),
      evidenced(
        [
          'deployments',
          ['deployment', 'host', 'status', 'contributors'],
          state.deployments.map((d) => [d.id, d.host, d.status, d.contributors.join(' ')]),
        ],
        ids(state.deployments),
        evidence,
      ),
      evidenced(
        [
          'pending deployments',
          ['deployment', 'host', 'status'],
          state.pendingDeployments.map((d) => [d.id, d.host, d.status]),
        ],
        ids(state.pendingDeployments),
        evidence,
      ),
      uncertainSection(state.uncertain),
    ],
  );
}
