/**
 * The embedded store's schema. History is append-only, and the database itself says so: triggers refuse
 * UPDATE and DELETE on `events`, so not even a hand-run `sqlite3` session can rewrite what was recorded.
 * AUTOINCREMENT keeps positions strictly increasing and never reused. `hash` chains the log (see
 * ../integrity/chain.ts): in encoding 3 it is the digest of an append, on the append's last event only; in the
 * encodings before, every event's own hash. It is empty on the other events of an append, and on events recorded
 * before the store kept a chain. `hash_encoding` says how that hash was taken, and on every event of an append
 * that it is one: empty for the first encoding, which rows written before the column existed use. A column rather
 * than a mark in the hash itself, so that a head stays 64 hexadecimal digits (heads noted before still match) and a
 * build that predates it can still append (its rows read as encoding 1); the encoding needs no hashing of its own,
 * since the hashed bytes of encodings 2 and 3 start with a tag naming it.
 * `store_findings` keeps what opening the file found wrong (a guard missing), so that a later verify still
 * reports it after the guard was put back.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT    NOT NULL UNIQUE,
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL CHECK (revision >= 0),
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  hash        TEXT,
  hash_encoding INTEGER,
  UNIQUE (stream_id, revision)
);
CREATE TABLE IF NOT EXISTS store_findings (
  found_at TEXT NOT NULL,
  finding  TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS events_refuse_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'annals: events are immutable; record a correction instead');
END;
CREATE TRIGGER IF NOT EXISTS events_refuse_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'annals: events are immutable; record a retraction instead');
END;
`;

/** The guards that SCHEMA creates: a file without them has been edited by hand. */
export const IMMUTABILITY_TRIGGERS = ['events_refuse_update', 'events_refuse_delete'] as const;

/** A store file written before the chain has no `hash` column; adding it leaves those events unchained. */
export const ADD_HASH_COLUMN = 'ALTER TABLE events ADD COLUMN hash TEXT';

/** A store file written before the second chain encoding has no `hash_encoding` column: its hashes are of the first. */
export const ADD_HASH_ENCODING_COLUMN = 'ALTER TABLE events ADD COLUMN hash_encoding INTEGER';

/** A row of the events table as stored, chain columns included (what tests and tools read and tamper with). */
export interface StoredRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
  hash: string | null;
  hash_encoding: number | null;
}
