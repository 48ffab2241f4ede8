import type Database from 'better-sqlite3';
import type { RecordedEvent, StoredEventText } from '../event-store';
import type { StoredRow } from './schema';

/** A row as the store reads events back: the chain's columns are read only by the walk of the chain. */
export type EventRow = Omit<StoredRow, 'hash' | 'hash_encoding'>;

/** An event row as an array, in the order of `COLUMNS`: cheaper to make than an object when pages are large. */
export type RawRow = [
  position: number,
  id: string,
  streamId: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
];
export const COLUMNS = 'position, id, stream_id, revision, type, data, metadata, recorded_at';

/** The statements the store reads with, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  return {
    streamHead: db.prepare<[string], { revision: number | null }>(
      'SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?',
    ),
    tail: db.prepare<[], { position: number; hash: string | null; recorded_at: string }>(
      'SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1',
    ),
    // AUTOINCREMENT's counter: it stays at the highest position ever handed out, even if rows were removed.
    sequence: db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'events'"),
    byId: db.prepare<[string], EventRow>('SELECT * FROM events WHERE id = ?'),
    streamForwards: db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?',
    ),
    streamBackwards: db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
    ),
    allForwards: db.prepare<[number, number], EventRow>(
      'SELECT * FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?',
    ),
    allBackwards: db.prepare<[number, number], EventRow>(
      'SELECT * FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?',
    ),
    allForwardsRaw: db
      .prepare<[number, number], RawRow>(
        `SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?`,
      )
      .raw(true),
    head: db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
    // Moves when another connection commits, and only then (see KnownEnd).
    dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

/**
 * The events of one append share their stream and recorded time: an event keeps the previous one's copies of
 * those strings when they are equal, so that a replay holding a large log in memory keeps one per append.
 */
export function fromRawRow(
  [position, id, streamId, revision, type, data, metadata, recordedAt]: RawRow,
  previous: StoredEventText | undefined,
): StoredEventText {
  return {
    id,
    streamId: streamId === previous?.streamId ? previous.streamId : streamId,
    revision,
    position,
    type,
    data,
    metadata,
    recordedAt: recordedAt === previous?.recordedAt ? previous.recordedAt : recordedAt,
  };
}

export function parsed(stored: StoredEventText): RecordedEvent {
  return {
    ...stored,
    data: JSON.parse(stored.data) as unknown,
    metadata: JSON.parse(stored.metadata) as Record<string, unknown>,
  };
}

export function toRecorded(row: EventRow): RecordedEvent {
  return parsed({
    id: row.id,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  });
}
