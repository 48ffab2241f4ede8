import type Database from 'better-sqlite3';
import { EventIdConflict } from '../errors';
import type { NewEvent } from '../event-store';
import { repeatedId } from '../expectations';
import { APPEND_DIGEST_ENCODING } from '../integrity/chain';

/** What the rows of one statement share, bound once by name. */
export interface SharedValues {
  readonly stream: string;
  readonly recordedAt: string;
  /** The append's digest, carried by the statement's last row when it is the append's last; null otherwise. */
  readonly digest: string | null;
}

/** The values bound per row (id, revision, type, data, metadata): a statement takes its rows' one after another in one array. */
export const VALUES_PER_ROW = 5;

/**
 * At most this many rows per INSERT. Each statement run has a fixed cost (the call into the driver, its binding and
 * reset, the result it makes, SQLite opening the table and its two indexes), which was about a tenth of a batched
 * append's CPU time at one row per statement; 32 rows of five values stay far below SQLite's limit of bound values.
 */
export const MAX_ROWS_PER_INSERT = 32;

/**
 * INSERT statements of the embedded store's event rows, each for a power of two of rows up to `MAX_ROWS_PER_INSERT`,
 * prepared once when first needed: an append of any length is written by at most six kinds of statement, its rows
 * taking positions from AUTOINCREMENT in the order they are bound. An append's rows share their stream and recorded
 * time, bound once per statement as named values rather than converted for SQLite once per row (which cost as much
 * again as the rows' own values). Every row says it is of an encoding-3 append; only the last can carry a digest.
 */
export class EventInserts {
  private readonly statements = new Map<number, Database.Statement<[unknown[], SharedValues]>>();

  constructor(private readonly db: Database.Database) {}

  /** How many of `remaining` rows the next statement takes: the largest power of two that fits, up to the maximum. */
  static rowsFor(remaining: number): number {
    let rows = MAX_ROWS_PER_INSERT;
    while (rows > remaining) rows /= 2;
    return rows;
  }

  /** The statement for `rows` rows (a result of `rowsFor`), bound with `rows * VALUES_PER_ROW` values and the shared ones. */
  statementFor(rows: number): Database.Statement<[unknown[], SharedValues]> {
    let statement = this.statements.get(rows);
    if (!statement) {
      const row = (digest: string): string =>
        `(?, :stream, ?, ?, ?, ?, :recordedAt, ${digest}, ${APPEND_DIGEST_ENCODING})`;
      const values = [...Array.from({ length: rows - 1 }, () => row('NULL')), row(':digest')];
      statement = this.db.prepare<[unknown[], SharedValues]>(
        `INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at, hash, hash_encoding) VALUES ${values.join(', ')}`,
      );
      this.statements.set(rows, statement);
    }
    return statement;
  }
}

/**
 * Why SQLite refused the statement that wrote an append's events from `first` on, if for an id: the first of them, in
 * the append's order, that is stored (`streamHolding` names its stream) or that the append repeats. That is the
 * answer a store writing event by event would give. The statement's rows were all taken back, so a repeat is found
 * among the ids before it, not in the store.
 */
export function refusedId(
  events: readonly NewEvent[],
  first: number,
  streamHolding: (id: string) => string | undefined,
): Error | undefined {
  const seen = new Set<string>();
  for (let index = 0; index < events.length; index++) {
    const id = (events[index] as NewEvent).id;
    if (index >= first) {
      if (seen.has(id)) return repeatedId(index, id);
      const stream = streamHolding(id);
      if (stream !== undefined) return new EventIdConflict(id, `already stored in stream ${stream}`);
    }
    seen.add(id);
  }
  return undefined;
}
