import { Command } from 'nest-commander';
import { LiveRecord } from '@app/history';
import { ProgressBar } from '../output/progress-bar';
import { JsonCommand } from '../query-command';

@Command({
  name: 'rebuild',
  description: 'fold the whole log again from position 0 into the projections, and time it',
})
export class RebuildCommand extends JsonCommand {
  constructor(private readonly record: LiveRecord) {
    super();
  }

  async run(_params: string[], flags: { json?: boolean }): Promise<void> {
    const progress = new ProgressBar('rebuilding');
    const { events, milliseconds } = await this.record.rebuild((done, total) => progress.update(done, total));
    progress.finish();
    // A rebuild too quick to time on this clock still folded every event: report the rate as unmeasured.
    const perSecond = milliseconds > 0 ? Math.round((events / milliseconds) * 1000) : null;
    process.stdout.write(
      flags.json
        ? `${JSON.stringify({ events, milliseconds, eventsPerSecond: perSecond })}\n`
        : `rebuilt the projections from ${events} events in ${milliseconds.toFixed(1)} ms (${perSecond ?? '—'} events/s)\n`,
    );
  }
}
