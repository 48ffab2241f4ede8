import { Command } from 'nest-commander';
import { HistoryQueries, OrganisationStateQuestion, validateQuery } from '@app/history';
import type { OrganisationState } from '@app/projections';
import { renderSections, uncertainSection } from '../output/sections';
import { DatedQueryCommand, type DatedQueryFlags } from '../query-command';
import { runQuery } from '../run-query';

@Command({
  name: 'state',
  arguments: '<org>',
  description: 'the organisation on a day: members, signatories, observers, partners, instruments, deployments',
})
export class StateCommand extends DatedQueryCommand {
  constructor(private readonly queries: HistoryQueries) {
    super();
  }

  async run([organisation]: string[], flags: DatedQueryFlags): Promise<void> {
    await runQuery({ command: 'state', names: { org: '<org>' }, json: flags.json, render: renderState }, () =>
      this.queries.organisationState(validateQuery(OrganisationStateQuestion, { org: organisation, asOf: flags.asOf, knownAt: flags.knownAt })),
    );
  }
}

/** `yes`, `no`, or the period in which it entered into force when the record cannot tell the day. */
export function inForceWords(row: { inForce: boolean | 'undetermined'; undetermined?: { from: string; to: string } }): string {
  if (row.inForce === 'undetermined') return `undetermined (${row.undetermined?.from ?? '?'}/${row.undetermined?.to ?? '?'})`;
  return row.inForce ? 'yes' : 'no';
}

function renderState(state: OrganisationState): string {
  const known = state.knownAt ? ` as recorded by ${state.knownAt}` : '';
  return renderSections(`${state.organisation} on ${state.asOf}${known}: ${state.exists ? 'in existence' : 'not (yet) in existence'}`, [
    ['members', ['participant', 'status', 'basis', 'since', 'status since'], state.members.map((m) => [m.participant, m.status, m.basis, m.since, m.statusSince])],
    ['signatories', ['participant', 'instrument', 'since'], state.signatories.map((s) => [s.participant, s.instrument, s.since])],
    ['observers', ['participant', 'body', 'since'], state.observers.map((o) => [o.participant, o.body, o.since])],
    ['partners', ['participant', 'body', 'since'], state.partners.map((p) => [p.participant, p.body, p.since])],
    ['statuses in other bodies', ['body', 'status', 'since'], state.externalStatuses.map((e) => [e.body, e.status, e.since])],
    ['instruments', ['instrument', 'in force', 'since', 'parties'], state.instruments.map((i) => [i.id, inForceWords(i), i.since, i.parties.join(' ')])],
    ['deployments', ['deployment', 'host', 'status', 'contributors'], state.deployments.map((d) => [d.id, d.host, d.status, d.contributors.join(' ')])],
    uncertainSection(state.uncertain),
  ]);
}
