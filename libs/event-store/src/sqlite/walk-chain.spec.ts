import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainHash, GENESIS } from '../integrity/chain';
import { SCHEMA } from './schema';
import { SqliteEventStore } from './sqlite-event-store';

const OLD_ROWS = 4;

/**
 * A store file as the builds before encoding 2 wrote it: no `hash_encoding` column, every row hashed with encoding 1
 * by the chain those builds kept (the digest of encoding 1 is pinned in chain.spec.ts).
 */
function writeEncodingOneFile(path: string): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(SCHEMA.replace('  hash_encoding INTEGER,\n', ''));
  const insert = db.prepare('INSERT INTO events (position, id, stream_id, revision, type, data, metadata, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  let previous = GENESIS;
  for (let position = 1; position <= OLD_ROWS; position++) {
    const fields = { position, streamId: 'organisation-old', revision: position - 1, type: 'Counted', data: `{"n":${position},"text":"ä \\"quoted\\""}`, metadata: '{"recordedBy":"earlier build"}', recordedAt: '2026-01-01T00:00:00.000Z' };
    previous = chainHash(previous, fields, 1);
    insert.run(position, randomUUID(), fields.streamId, fields.revision, fields.type, fields.data, fields.metadata, fields.recordedAt, previous);
  }
  db.close();
}

/** Runs `sql` with the immutability triggers out of the way, then puts them back, as a forger would. */
function unguarded(path: string, sql: string, ...params: unknown[]): void {
  const db = new Database(path);
  db.exec('DROP TRIGGER events_refuse_update;');
  db.prepare(sql).run(...params);
  db.exec(SCHEMA);
  db.close();
}

describe('a store file whose chain changed encoding part-way (encoding 1 rows, then encoding 2 rows)', () => {
  let dir: string;
  let path: string;
  const NEW_ROWS = 3;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'annals-chain-'));
    path = join(dir, 'annals.db');
    writeEncodingOneFile(path);
    const store = new SqliteEventStore({ path });
    for (let n = 0; n < NEW_ROWS; n++) {
      await store.appendToStream('organisation-new', [{ id: randomUUID(), type: 'Counted', data: { n, text: 'ä "quoted"' }, metadata: { recordedBy: 'this build' } }], { expectedRevision: 'any' });
    }
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const check = async (expectedHead?: string) => {
    const store = new SqliteEventStore({ path });
    try {
      return await store.checkIntegrity(expectedHead);
    } finally {
      await store.close();
    }
  };
  const encodings = (): unknown[] => {
    const db = new Database(path, { readonly: true });
    const rows = db.prepare<[], { hash_encoding: number | null }>('SELECT hash_encoding FROM events ORDER BY position').all();
    db.close();
    return rows.map((row) => row.hash_encoding);
  };

  it('keeps the old rows in encoding 1, writes the new ones in encoding 2, and verifies the whole chain', async () => {
    const db = new Database(path, { readonly: true });
    const last = db.prepare<[], { hash: string }>('SELECT hash FROM events ORDER BY position DESC LIMIT 1').get()!;
    db.close();

    expect(encodings()).toEqual([null, null, null, null, 2, 2, 2]);
    expect(await check(last.hash)).toEqual({ head: last.hash, chained: OLD_ROWS + NEW_ROWS, unchained: 0, problems: [] });
  });

  it.each([
    ['an encoding-1 row', 2],
    ['an encoding-2 row', OLD_ROWS + 2],
    ['the first encoding-2 row, chained to the last encoding-1 one', OLD_ROWS + 1],
  ])('finds %s whose data was edited', async (_row, position) => {
    unguarded(path, `UPDATE events SET data = json_set(data, '$.n', 99) WHERE position = ?`, position);

    expect((await check()).problems).toEqual([{ position, reason: 'its hash does not match its content and the event before it: edited, moved, removed before it or forged' }]);
  });

  it('finds an encoding-2 row passed off as encoding 1, and one given an encoding this build does not know', async () => {
    unguarded(path, 'UPDATE events SET hash_encoding = NULL WHERE position = ?', OLD_ROWS + 1);
    unguarded(path, 'UPDATE events SET hash_encoding = 7 WHERE position = ?', OLD_ROWS + 3);

    expect((await check()).problems).toEqual([
      { position: OLD_ROWS + 1, reason: 'its hash does not match its content and the event before it: edited, moved, removed before it or forged' },
      { position: OLD_ROWS + 3, reason: 'its hash is of encoding 7, which this build does not know' },
    ]);
  });

  it('finds an encoding-2 row whose hash was recomputed in encoding 2 after an edit, at the row after it', async () => {
    const db = new Database(path);
    const row = db.prepare<[number], { position: number; stream_id: string; revision: number; type: string; data: string; metadata: string; recorded_at: string }>('SELECT * FROM events WHERE position = ?').get(OLD_ROWS + 2)!;
    const before = db.prepare<[number], { hash: string }>('SELECT hash FROM events WHERE position = ?').get(OLD_ROWS + 1)!;
    db.close();
    const data = row.data.replace('quoted', 'forged');
    const forged = chainHash(before.hash, { position: row.position, streamId: row.stream_id, revision: row.revision, type: row.type, data, metadata: row.metadata, recordedAt: row.recorded_at }, 2);
    unguarded(path, 'UPDATE events SET data = ?, hash = ? WHERE position = ?', data, forged, OLD_ROWS + 2);

    expect((await check()).problems).toEqual([{ position: OLD_ROWS + 3, reason: 'its hash does not match its content and the event before it: edited, moved, removed before it or forged' }]);
  });
});
