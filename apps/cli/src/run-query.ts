import { InvalidQuery, NotFound } from '@app/history';
import { EXIT } from './exit-codes';
import { namesOf, type Evidence } from './output/sections';

/** How a command's question and answer are shown: the command's name, its positional arguments, and its renderer. */
export interface QueryShape<T> {
  readonly command: string;
  /** A question's field → how the command line names it (`<org>`, `--org`), where that is not `--<field>`. */
  readonly names?: Readonly<Record<string, string>>;
  readonly json?: boolean;
  /** The answer for people; `--json` prints the answer as the service returned it. */
  readonly render: (answer: T, evidence: Evidence) => string;
  /** With `--evidence`: how to name the facts behind each row (the render then adds an evidence column). */
  readonly factNames?: (() => Promise<(id: string) => string>) | undefined;
}

/**
 * The one place where a command's query errors become messages and exit codes: an invalid argument names the
 * flag it came from and exits 2 (usage), something absent from the record exits 1. Anything else is left to
 * the CLI's service error handler (exit 3).
 */
export async function runQuery<T>(shape: QueryShape<T>, query: () => Promise<T>): Promise<void> {
  const answer = await catchQueryErrors(shape, query);
  if (answer === undefined) return;
  if (shape.json) {
    process.stdout.write(`${JSON.stringify(answer.value)}\n`);
    return;
  }
  const evidence = shape.factNames ? namesOf(await shape.factNames()) : undefined;
  process.stdout.write(`${shape.render(answer.value, evidence)}\n`);
}

/** Runs `query`, reporting an InvalidQuery or NotFound as runQuery does; undefined when it failed so. */
export async function catchQueryErrors<T>(
  shape: Pick<QueryShape<T>, 'command' | 'names'>,
  query: () => Promise<T>,
): Promise<{ value: T } | undefined> {
  try {
    return { value: await query() };
  } catch (error) {
    if (error instanceof InvalidQuery) {
      for (const problem of error.problems)
        process.stderr.write(
          `annals ${shape.command}: ${flagOf(problem.path, shape.names)}: ${problem.reason}\n`,
        );
      process.exitCode = EXIT.USAGE;
      return undefined;
    }
    if (error instanceof NotFound) {
      process.stderr.write(`annals ${shape.command}: ${error.message}\n`);
      process.exitCode = EXIT.PROBLEMS;
      return undefined;
    }
    throw error;
  }
}

/** `asOf` → `--as-of`, unless the command names the field otherwise (a positional argument: `<org>`). */
export function flagOf(name: string, names: Readonly<Record<string, string>> = {}): string {
  return names[name] ?? `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
