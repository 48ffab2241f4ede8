import { Command, Option } from 'nest-commander';
import { HistoryQueries, ParticipantHistoryQuestion, validateQuery } from '@app/history';
import type { HistorySpell } from '@app/projections';
import { evidenced, renderSections, type Evidence } from '../output/sections';
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
    const factNames = flags.evidence ? () => this.queries.factNames() : undefined;
    await runQuery(
      {
        command: 'history',
        names: { id: '<participant>' },
        json: flags.json,
        render: renderHistory,
        factNames,
      },
      () =>
        this.queries.participantHistory(
          validateQuery(ParticipantHistoryQuestion, {
            id: participant,
            org: flags.org,
            knownAt: flags.knownAt,
          }),
        ),
    );
  }

  @Option({
    flags: '--org <org>',
    description: 'only this organisation: its membership, statuses and instruments',
  })
  parseOrg(value: string): string {
    return value;
  }
}

function renderHistory(
  { participant, spells }: { participant: string; spells: readonly HistorySpell[] },
  evidence: Evidence,
): string {
  return renderSections(`history of ${participant}`, [
    evidenced(
      [
        'spells',
        ['status', 'organisation/instrument', 'body', 'from', 'to', 'basis'],
        spells.map((s) => [
          s.status,
          s.organisation ?? s.instrument,
          s.body,
          s.from,
          s.to ?? 'open',
          s.basis,
        ]),
      ],
      spells.map((s) => s.eventIds),
      evidence,
    ),
  ]);
}
