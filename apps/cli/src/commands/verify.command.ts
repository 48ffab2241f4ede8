import { Command } from 'nest-commander';
import { LogVerifier } from '@app/history';
import { EXIT } from '../exit-codes';
import { renderTable } from '../output/table';
import { JsonCommand } from '../query-command';

@Command({
  name: 'verify',
  description: 'check the whole log: positions, contiguous revisions, every event still valid, corrections, metadata; exit 1 on problems',
})
export class VerifyCommand extends JsonCommand {
  constructor(private readonly verifier: LogVerifier) {
    super();
  }

  async run(_params: string[], flags: { json?: boolean }): Promise<void> {
    const report = await this.verifier.verify();
    // An empty log has nothing wrong in it, but nothing right either: never "no problems" for a store holding nothing.
    if (report.events === 0) {
      if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
      process.stderr.write('annals verify: the log is empty: nothing to verify (import the chronology with `annals import`)\n');
      process.exitCode = EXIT.PROBLEMS;
      return;
    }
    if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      process.stdout.write(`${report.events} events in ${report.streams} streams: ${report.problems.length === 0 ? 'no problems' : `${report.problems.length} problem(s)`}\n`);
      if (report.problems.length > 0) {
        process.stdout.write(`${renderTable(['position', 'id', 'problem'], report.problems.map((p) => [p.position, p.id, p.reason]))}\n`);
      }
    }
    if (report.problems.length > 0) process.exitCode = EXIT.PROBLEMS;
  }
}
