import { CommandRunner, Option } from 'nest-commander';

/** Flags every query command takes. */
export interface QueryFlags {
  json?: boolean;
  knownAt?: string;
  evidence?: boolean;
}

/** A command whose answer can be printed for programs: `--json`. */
export abstract class JsonCommand<
  Flags extends { json?: boolean } = { json?: boolean },
> extends CommandRunner {
  abstract override run(passedParams: string[], flags: Flags): Promise<void>;

  @Option({ flags: '--json', description: 'print the answer as JSON, for programs' })
  parseJson(): boolean {
    return true;
  }
}

/**
 * The options every query command shares, declared once: nest-commander reads `@Option` methods through the
 * prototype chain. Values pass through as text; each command validates them with its question's class
 * (`validateQuery`), the same class the HTTP API validates a query string with.
 */
export abstract class QueryCommand<Flags extends QueryFlags = QueryFlags> extends JsonCommand<Flags> {
  @Option({
    flags: '--known-at <instant>',
    description: 'the record as it stood at this instant (ISO 8601, or a day: its end)',
  })
  parseKnownAt(value: string): string {
    return value;
  }

  @Option({
    flags: '--evidence',
    description: 'add a column naming the facts each row rests on (`annals fact <id>` shows one)',
  })
  parseEvidence(): boolean {
    return true;
  }
}

export interface DatedQueryFlags extends QueryFlags {
  asOf?: string;
}

/** A query about one day: `--as-of` besides the shared options. */
export abstract class DatedQueryCommand extends QueryCommand<DatedQueryFlags> {
  @Option({ flags: '--as-of <day>', description: 'the day asked about, YYYY-MM-DD (required)' })
  parseAsOf(value: string): string {
    return value;
  }
}

export interface PeriodQueryFlags extends QueryFlags {
  from?: string;
  to?: string;
}

/** A query about a span of days: `--from` and `--to` besides the shared options. */
export abstract class PeriodQueryCommand<
  Flags extends PeriodQueryFlags = PeriodQueryFlags,
> extends QueryCommand<Flags> {
  @Option({ flags: '--from <day>', description: 'from this day, YYYY-MM-DD (inclusive)' })
  parseFrom(value: string): string {
    return value;
  }

  @Option({ flags: '--to <day>', description: 'up to this day, YYYY-MM-DD (inclusive)' })
  parseTo(value: string): string {
    return value;
  }
}
