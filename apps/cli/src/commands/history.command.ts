import { Command, Option } from 'nest-commander';
import { HistoryQueries, ParticipantHistoryQuestion, validateQuery } from '@app/history';
import type { HistorySpell } from '@app/projections';
import { evidenced, renderSections, type Evidence } from '../output/sections';
import { namesOf } from './state.command';
import { QueryCommand, type QueryFlags } from '../query-command';
import { runQuery } from '../run-query';

interface HistoryFlags extends QueryFlags {
  org?: string;
}

@Command({
  name: 'history',
  arguments: '<participant>',
  description: "one participant's spells: signatory, party, member, suspended, frozen, observer, partner",
})
export class HistoryCommand extends QueryCommand<HistoryFlags> {
  constructor(private readonly queries: HistoryQueries) {
    super();
  }

  async run([participant]: string[], flags: HistoryFlags): Promise<void> {
    let evidence: Evidence;
    await runQuery({ command: 'history', names: { id: '<participant>' }, json: flags.json, render: (history) => renderHistory(history, evidence) }, async () => {
      const history = await this.queries.participantHistory(validateQuery(ParticipantHistoryQuestion, { id: participant, org: flags.org, knownAt: flags.knownAt }));
      if (flags.evidence) evidence = namesOf(await this.queries.factNames());
      return history;
    });
  }

  @Option({ flags: '--org <org>', description: 'only this organisation: its membership, statuses and instruments' })
  parseOrg(value: string): string {
    return value;
  }
}

function renderHistory({ participant, spells }: { participant: string; spells: readonly HistorySpell[] }, evidence: Evidence): string {
  return renderSections(`history of ${participant}`, [
    evidenced(
      ['spells', ['status', 'organisation/instrument', 'body', 'from', 'to', 'basis'], spells.map((s) => [s.status, s.organisation ?? s.instrument, s.body, s.from, s.to ?? 'open', s.basis])],
      spells.map((s) => s.eventIds),
      evidence,
    ),
  ]);
}
