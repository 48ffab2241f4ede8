import { Command } from 'nest-commander';
import { HistoryQueries, InstrumentStatusQuestion, validateQuery } from '@app/history';
import type { DatesCompared, InstrumentStatus } from '@app/projections';
import { evidenced, renderSections, uncertainSection, type Evidence } from '../output/sections';
import { DatedQueryCommand, type DatedQueryFlags } from '../query-command';
import { runQuery } from '../run-query';

@Command({
  name: 'instrument',
  arguments: '<id>',
  description:
    'an instrument on a day: the participants table (signature, ratification, deposit, in force, withdrawal)',
})
export class InstrumentCommand extends DatedQueryCommand {
  constructor(private readonly queries: HistoryQueries) {
    super();
  }

  async run([instrument]: string[], flags: DatedQueryFlags): Promise<void> {
    const factNames = flags.evidence ? () => this.queries.factNames() : undefined;
    await runQuery(
      { command: 'instrument', names: { id: '<id>' }, json: flags.json, render: renderStatus, factNames },
      () =>
        this.queries.instrumentStatus(
          validateQuery(InstrumentStatusQuestion, {
            id: instrument,
            asOf: flags.asOf,
            knownAt: flags.knownAt,
          }),
        ),
    );
  }
}

function renderStatus(status: InstrumentStatus, evidence: Evidence): string {
  const known = status.knownAt ? ` as recorded by ${status.knownAt}` : '';
  const title = status.title ?? status.instrument;
  const force =
    status.inForce === 'undetermined'
      ? `in force on a day from ${status.undetermined?.from ?? '?'} to ${status.undetermined?.to ?? '?'}: undetermined on this day`
      : status.inForce
        ? `in force since ${status.entryIntoForce.governing ?? '?'}`
        : 'not in force';
  return renderSections(
    `${title} (${status.instrument}) on ${status.asOf}${known}: ${status.exists ? `adopted ${status.adopted ?? '?'}, ${force}` : 'not adopted yet'}${disagreement(status.entryIntoForce)}`,
    [
      evidenced(
        [
          'participants',
          [
            'participant',
            'status',
            'signature',
            'ratification',
            'deposit',
            'in force',
            'withdrawal notified',
            'withdrawal effective',
          ],
          status.participants.map((p) => [
            p.participant,
            p.status,
            p.signature,
            p.ratification
              ? `${p.ratification.date}${p.ratification.number ? ` (${p.ratification.number})` : ''}`
              : null,
            p.deposit ? `${p.deposit.date} ${p.deposit.kind}` : null,
            p.inForce,
            p.withdrawal.notified,
            p.withdrawal.effective,
          ]),
        ],
        status.participants.map((p) => p.eventIds),
        evidence,
      ),
      uncertainSection(status.uncertain),
    ],
  );
}

/** Where the date derived from the deposits and the reported date differ, both are shown. */
function disagreement(dates: DatesCompared): string {
  return dates.disagreement ? ` (derived ${dates.derived ?? '—'}, reported ${dates.reported ?? '—'})` : '';
}
