import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';

/** One fact as written in a chronology file, with where it was written. */
export interface ChronologyEntry {
  readonly file: string;
  readonly line: number;
  readonly factId: string;
  /** The event's fields: the fact without its `id`. */
  readonly raw: Record<string, unknown>;
}

/** A problem found in a chronology file; `line` and `factId` when it can be pinned down. */
export interface ChronologyProblem {
  readonly file: string;
  readonly line?: number;
  readonly factId?: string;
  readonly path?: string;
  readonly reason: string;
}

const FACT_ID = /^[a-z0-9]+([-/.][a-z0-9A-Z]+)*$/;

/** Not facts: the list of claims in the seeds found wrong, with their corrections (events/README.md). */
export const SEED_ERRORS_FILE = 'seed-errors.yaml';

/**
 * The `.yaml`/`.yml` files of a chronology directory (recursively, less the seed-errors list) or the one file
 * named, in a stable order.
 */
export function chronologyFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name) && name !== SEED_ERRORS_FILE)
    .sort()
    .map((name) => join(path, name));
}

/**
 * Reads one chronology file: a YAML mapping whose `facts` is a list of facts, each with a stable `id`.
 * `base` is the directory that file names are reported relative to.
 */
export function readChronologyFile(path: string, base: string): { entries: ChronologyEntry[]; problems: ChronologyProblem[] } {
  const file = relative(base, path) || path;
  const lines = new LineCounter();
  const document = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, prettyErrors: false });
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lines.linePos(node.range[0]).line : undefined;

  const syntax = document.errors.map((error) => ({
    file,
    line: error.linePos?.[0].line,
    reason: `not valid YAML: ${error.message.split('\n')[0]}`,
  }));
  if (syntax.length > 0) return { entries: [], problems: syntax };

  const facts = isMap(document.contents) ? document.contents.get('facts', true) : undefined;
  if (!isSeq(facts)) {
    return { entries: [], problems: [{ file, line: 1, reason: 'a chronology file is a mapping with a list under `facts`' }] };
  }
  const entries: ChronologyEntry[] = [];
  const problems: ChronologyProblem[] = [];
  facts.items.forEach((item, index) => {
    const line = lineOf(item as Node);
    // toJS with the document resolves aliases (`*sources`) that the curators use to share source lists.
    const value: unknown = (item as Node | null)?.toJS(document);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ file, line, path: `facts[${index}]`, reason: 'a fact must be a mapping of fields' });
      return;
    }
    const { id, ...raw } = value as Record<string, unknown>;
    if (typeof id !== 'string' || !FACT_ID.test(id)) {
      problems.push({ file, line, path: `facts[${index}].id`, reason: 'every fact needs a stable `id` such as cst-1992/signed/ARM' });
      return;
    }
    entries.push({ file, line: line ?? 1, factId: id, raw });
  });
  return { entries, problems };
}
