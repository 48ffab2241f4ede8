import { Command } from 'nest-commander';
import { HistoryReplay, type Replay, ReplayQuestion, validateQuery } from '@app/history';
import { PeriodQueryCommand, type PeriodQueryFlags } from '../query-command';
import { runQuery } from '../run-query';

@Command({
  name: 'replay',
  arguments: '<org>',
  description: "the organisation's history day by day between --from and --to: what changed, in plain words",
})
export class ReplayCommand extends PeriodQueryCommand {
  constructor(private readonly history: HistoryReplay) {
    super();
  }

  async run([organisation]: string[], flags: PeriodQueryFlags): Promise<void> {
    await runQuery(
      { command: 'replay', names: { org: '<org>' }, json: flags.json, render: renderReplay },
      () =>
        this.history.replay(
          validateQuery(ReplayQuestion, {
            org: organisation,
            from: flags.from,
            to: flags.to,
            knownAt: flags.knownAt,
          }),
        ),
    );
  }
}

function renderReplay(replay: Replay): string {
  const lines = replay.days.map((day) => `${day.date}: ${day.changes.join('; ')}`);
  return lines.length > 0
    ? lines.join('\n')
    : `nothing changed in ${replay.organisation} from ${replay.from} to ${replay.to}`;
}
