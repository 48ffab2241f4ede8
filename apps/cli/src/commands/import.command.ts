import { Command, CommandRunner, Option } from 'nest-commander';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { ChronologyImporter, type ChronologyProblem } from '@app/history';
import { EXIT } from '../exit-codes';
import { ProgressBar } from '../output/progress-bar';

interface ImportFlags {
  as?: string;
  json?: boolean;
}

@Command({
  name: 'import',
  arguments: '[path]',
  description: 'import chronology files (a YAML file or a directory, default ./events); all or nothing',
})
export class ImportCommand extends CommandRunner {
  constructor(private readonly importer: ChronologyImporter) {
    super();
  }

  async run([path = 'events']: string[], flags: ImportFlags): Promise<void> {
    if (!existsSync(path)) {
      process.stderr.write(`annals import: path: no file or directory at ${path}\n`);
      process.exitCode = EXIT.USAGE;
      return;
    }
    const progress = new ProgressBar('importing');
    const report = await this.importer.import(path, {
      recordedBy: flags.as ?? `import:${userInfo().username}`,
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.finish();
    for (const done of report.finished) {
      process.stderr.write(
        `annals import: import ${done.importId} of ${done.source} had been left unfinished: finished it (${done.count} events)\n`,
      );
    }
    if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    if (report.problems.length > 0) {
      for (const problem of report.problems) process.stderr.write(`${describe(problem)}\n`);
      process.stderr.write(
        `annals import: ${report.problems.length} problem(s) in ${path}; nothing was imported\n`,
      );
      process.exitCode = EXIT.PROBLEMS;
      return;
    }
    if (!flags.json) {
      process.stdout.write(
        report.appended === 0
          ? `nothing to import: all ${report.facts} facts from ${report.files.length} files are already recorded\n`
          : `imported ${report.appended} new facts from ${report.files.length} files (${report.alreadyRecorded} already recorded)\n`,
      );
    }
  }

  @Option({
    flags: '--as <name>',
    description: 'who is recording (stored with every event); default import:<user>',
  })
  parseAs(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the import report as JSON' })
  parseJson(): boolean {
    return true;
  }
}

function describe(problem: ChronologyProblem): string {
  const where = [problem.file, problem.line].filter((part) => part !== undefined).join(':');
  const what = [problem.factId, problem.path].filter(Boolean).join(' ');
  return `${where}: ${what ? `${what}: ` : ''}${problem.reason}`;
}
