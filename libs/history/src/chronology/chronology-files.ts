import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
} from 'node:fs';
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

/** A chronology file is a few dozen kilobytes; anything past this is not one, and is not read into memory. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Curators share source lists through aliases; a file that expands more than this is refused, not expanded. */
export const MAX_ALIASES = 1000;

const YAML_NAME = /\.ya?ml$/;

/**
 * The `.yaml`/`.yml` files of a chronology directory (recursively, less the seed-errors list) or the one file
 * named, in a stable order. Only regular files inside the folder are read: a link (which could lead out of it,
 * or to a device), a named pipe (which would block the read) or a folder named like a chronology file is a
 * problem at its name. `base` is the directory that names are reported relative to.
 */
export function chronologyFiles(
  path: string,
  base: string,
): { files: string[]; problems: ChronologyProblem[] } {
  if (!statSync(path).isDirectory()) return { files: [path], problems: [] };
  const files: string[] = [];
  const problems: ChronologyProblem[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const file = relative(base, full);
      const named = YAML_NAME.test(entry.name) && file !== SEED_ERRORS_FILE;
      if (entry.isDirectory() && named)
        problems.push({ file, reason: 'a folder named like a chronology file: only regular files are read' });
      else if (entry.isDirectory()) walk(full);
      else if (named && entry.isFile()) files.push(full);
      else if (named)
        problems.push({
          file,
          reason: `${kindOf(entry)}, not a regular file: only regular files inside the folder are read`,
        });
    }
  };
  walk(path);
  return { files: files.sort(), problems };
}

function kindOf(entry: Dirent): string {
  if (entry.isSymbolicLink()) return 'a symbolic link';
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  return 'a device';
}

/**
 * Reads a file as UTF-8 text, or says why not: it is opened without following a link and without blocking, and
 * checked to be a regular file of at most MAX_FILE_BYTES before a byte is read, so that what was checked is
 * what is read.
 */
function readTextFile(path: string): { text: string } | { refused: string } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP')
      return { refused: 'a symbolic link, not a regular file: links are not followed' };
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      return { refused: 'not a regular file (a device, a pipe or a socket): only regular files are read' };
    if (stat.size > MAX_FILE_BYTES)
      return { refused: `${stat.size} bytes: a chronology file holds at most ${MAX_FILE_BYTES}` };
    // One byte more than allowed is asked for, in case the file grew since fstat.
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read)
      read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_FILE_BYTES)
      return { refused: `more than ${MAX_FILE_BYTES} bytes: too large for a chronology file` };
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length)) };
    } catch {
      return { refused: 'not valid UTF-8 text' };
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads one chronology file: a YAML mapping whose `facts` is a list of facts, each with a stable `id`.
 * `base` is the directory that file names are reported relative to.
 */
export function readChronologyFile(
  path: string,
  base: string,
): { entries: ChronologyEntry[]; problems: ChronologyProblem[] } {
  const file = relative(base, path) || path;
  const content = readTextFile(path);
  if ('refused' in content) return { entries: [], problems: [{ file, reason: content.refused }] };
  const lines = new LineCounter();
  // resolveKnownTags off: YAML 1.1 tags such as !!binary or !!set become unresolved, and so refused, below.
  const document = parseDocument(content.text, {
    lineCounter: lines,
    prettyErrors: false,
    resolveKnownTags: false,
  });
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lines.linePos(node.range[0]).line : undefined;

  // Warnings count as errors: an unknown tag (`!!binary`, `!custom`) would otherwise pass as a plain string.
  const syntax = [...document.errors, ...document.warnings].map((error) => ({
    file,
    line: lines.linePos(error.pos[0]).line,
    reason: `not valid YAML: ${error.message.split('\n')[0]}`,
  }));
  if (syntax.length > 0) return { entries: [], problems: syntax };

  const facts = isMap(document.contents) ? document.contents.get('facts', true) : undefined;
  if (!isSeq(facts)) {
    return {
      entries: [],
      problems: [{ file, line: 1, reason: 'a chronology file is a mapping with a list under `facts`' }],
    };
  }
  const entries: ChronologyEntry[] = [];
  const problems: ChronologyProblem[] = [];
  facts.items.forEach((item, index) => {
    const line = lineOf(item as Node);
    // toJS with the document resolves aliases (`*sources`) that the curators use to share source lists.
    let value: unknown;
    try {
      value = (item as Node | null)?.toJS(document, { maxAliasCount: MAX_ALIASES });
    } catch (error) {
      // The yaml library refuses an alias expansion past maxAliasCount (a "billion laughs" file) by throwing.
      problems.push({
        file,
        line,
        path: `facts[${index}]`,
        reason: `aliases expand too far: ${error instanceof Error ? error.message : String(error)}`,
      });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ file, line, path: `facts[${index}]`, reason: 'a fact must be a mapping of fields' });
      return;
    }
    const { id, ...raw } = value as Record<string, unknown>;
    if (typeof id !== 'string' || !FACT_ID.test(id)) {
      problems.push({
        file,
        line,
        path: `facts[${index}].id`,
        reason: 'every fact needs a stable `id` such as cst-1992/signed/ARM',
      });
      return;
    }
    entries.push({ file, line: line ?? 1, factId: id, raw });
  });
  return { entries, problems };
}
