import { Command, CommandRunner, Option } from 'nest-commander';
import { Exports, RecordedTimeQuery, StateYearQuery, validateQuery } from '@app/history';
import { EXIT } from '../exit-codes';
import { writeChunks, writeChunksToFile } from '../output/write-chunks';
import { catchQueryErrors } from '../run-query';

interface ExportFlags {
  out?: string;
  org?: string;
  knownAt?: string;
}

const FEEDS = {
  events: (exports: Exports) => exports.eventsNdjson(),
  spells: (exports: Exports, flags: ExportFlags) =>
    exports.membershipSpellsCsv(validateQuery(RecordedTimeQuery, { knownAt: flags.knownAt })),
  'state-year': (exports: Exports, flags: ExportFlags) =>
    exports.stateYearCsv(validateQuery(StateYearQuery, { organisation: flags.org, knownAt: flags.knownAt })),
} satisfies Record<string, (exports: Exports, flags: ExportFlags) => AsyncIterable<string>>;

@Command({
  name: 'export',
  arguments: '<feed>',
  description:
    'stream an analytics feed: events (NDJSON log), spells (membership spells CSV), state-year (COW-style panel CSV)',
})
export class ExportCommand extends CommandRunner {
  constructor(private readonly exports: Exports) {
    super();
  }

  async run([feed = '']: string[], flags: ExportFlags): Promise<void> {
    if (!Object.hasOwn(FEEDS, feed)) {
      process.stderr.write(
        `annals export: <feed>: must be one of ${Object.keys(FEEDS).join(', ')}, got "${feed}"\n`,
      );
      process.exitCode = EXIT.USAGE;
      return;
    }
    const { out } = flags;
    await catchQueryErrors({ command: 'export', names: { organisation: '--org' } }, async () => {
      const chunks = FEEDS[feed as keyof typeof FEEDS](this.exports, flags);
      return out === undefined ? writeChunks(chunks, process.stdout) : writeChunksToFile(chunks, out);
    });
  }

  @Option({ flags: '--out <file>', description: 'write to this file instead of stdout' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--org <org>', description: 'state-year: only this organisation' })
  parseOrg(value: string): string {
    return value;
  }

  @Option({
    flags: '--known-at <instant>',
    description: 'spells, state-year: the record as it stood at this instant',
  })
  parseKnownAt(value: string): string {
    return value;
  }
}
