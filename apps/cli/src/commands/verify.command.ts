import { Command, Option } from 'nest-commander';
import { isChainHash } from '@app/event-store';
import { LogVerifier, type LogReport } from '@app/history';
import { EXIT } from '../exit-codes';
import { renderTable } from '../output/table';
import { JsonCommand } from '../query-command';

interface VerifyFlags {
  json?: boolean;
  expect?: string;
}

@Command({
  name: 'verify',
  description:
    "check the whole log: the hash chain and the store's guards, positions, contiguous revisions, every event still valid, corrections, metadata, imports; finishes an unfinished import first; exit 1 on problems",
})
export class VerifyCommand extends JsonCommand<VerifyFlags> {
  constructor(private readonly verifier: LogVerifier) {
    super();
  }

  async run(_params: string[], flags: VerifyFlags): Promise<void> {
    if (flags.expect !== undefined && !isChainHash(flags.expect)) {
      process.stderr.write(
        `annals verify: --expect: a head hash is 64 lower-case hexadecimal digits, got "${flags.expect}"\n`,
      );
      process.exitCode = EXIT.USAGE;
      return;
    }
    const report = await this.verifier.verify(
      flags.expect === undefined ? {} : { expectedHead: flags.expect },
    );
    // An empty log has nothing wrong in it, but nothing right either: never "no problems" for a store holding nothing.
    if (report.events === 0) {
      if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
      process.stderr.write(
        'annals verify: the log is empty: nothing to verify (import the chronology with `annals import`)\n',
      );
      process.exitCode = EXIT.PROBLEMS;
      return;
    }
    if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else process.stdout.write(describe(report));
    if (report.problems.length > 0) process.exitCode = EXIT.PROBLEMS;
  }

  @Option({
    flags: '--expect <hash>',
    description:
      'a head hash printed by an earlier verify: fails if the log no longer holds it (rolled back or rewritten)',
  })
  parseExpect(value: string): string {
    return value;
  }
}

function describe(report: LogReport): string {
  const lines = report.finishedImports.map(
    (done) =>
      `import ${done.importId} of ${done.source} had been left unfinished: finished it (${done.count} events)`,
  );
  if (report.unchained > 0) {
    lines.push(
      report.head === null
        ? `none of the ${report.unchained} events carries a hash: they were recorded before the store kept a hash chain, which starts with the next event`
        : `the first ${report.unchained} events were recorded before the store kept a hash chain: it starts at the event after them`,
    );
  }
  lines.push(
    `${report.events} events in ${report.streams} streams: ${report.problems.length === 0 ? 'no problems' : `${report.problems.length} problem(s)`}`,
  );
  if (report.head !== null) lines.push(`head ${report.head}`);
  if (report.problems.length > 0) {
    lines.push(
      renderTable(
        ['position', 'id', 'problem'],
        report.problems.map((p) => [p.position ?? '-', p.id ?? '-', p.reason]),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
