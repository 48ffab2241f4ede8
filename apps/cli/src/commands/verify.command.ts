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
