import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppendDigest, chainHash, type EventHashEncoding, GENESIS } from '../integrity/chain';
import { ADD_HASH_ENCODING_COLUMN, SCHEMA, type StoredRow as Row } from './schema';
import { SqliteEventStore } from './sqlite-event-store';

/**
 * A store file as earlier builds left it: four rows hashed in encoding 1 by the builds before the `hash_encoding`
 * column, then three in encoding 2 by the builds after it (their digests are pinned in chain.spec.ts).
 */
function writeOlderBuildsFile(path: string): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(SCHEMA.replace('  hash_encoding INTEGER,\n', ''));
  let previous = GENESIS;
  const write = (position: number, encoding: EventHashEncoding, insert: Database.Statement): void => {
    const fields = {
      position,
      streamId: 'organisation-old',
      revision: position - 1,
      type: 'Counted',
      data: `{"n":${position},"text":"ä \\"quoted\\""}`,
      metadata: '{"recordedBy":"earlier build"}',
      recordedAt: '2026-01-01T00:00:00.000Z',
    };
    previous = chainHash(previous, fields, encoding);
    insert.run(
      position,
      randomUUID(),
      fields.streamId,
      fields.revision,
      fields.type,
      fields.data,
      fields.metadata,
      fields.recordedAt,
      previous,
      ...(encoding === 1 ? [] : [encoding]),
    );
  };
  const encodingOne = db.prepare(
    'INSERT INTO events (position, id, stream_id, revision, type, data, metadata, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (let position = 1; position <= 4; position++) write(position, 1, encodingOne);
  db.exec(ADD_HASH_ENCODING_COLUMN);
  const encodingTwo = db.prepare(
    'INSERT INTO events (position, id, stream_id, revision, type, data, metadata, recorded_at, hash, hash_encoding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (let position = 5; position <= 7; position++) write(position, 2, encodingTwo);
  db.close();
}

/** Runs `sql` with the immutability triggers out of the way, then puts them back, as a forger would. */
function unguarded(path: string, sql: string, ...params: unknown[]): void {
  const db = new Database(path);
  db.exec('DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete;');
  db.prepare(sql).run(...params);
  db.exec(SCHEMA);
  db.close();
}

const rowsOf = (path: string): Row[] => {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare<[], Row>('SELECT * FROM events ORDER BY position').all();
  db.close();
  return rows;
};

const MISMATCH =
  'its hash does not match its content and the event before it: edited, moved, removed before it or forged';
const appendMismatch = (first: number, last: number): string =>
  `the digest of the append of positions ${first}–${last} does not match its events and the append before it: one of them edited, moved, removed or inserted, or the digest forged`;

// After the seven rows of earlier builds, this build appends A (position 8), B (9–11) and C (12–13).
describe('a store file whose chain changed encoding on the way (encoding 1 rows, encoding 2 rows, then appends of encoding 3)', () => {
  let dir: string;
  let path: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'annals-chain-'));
    path = join(dir, 'annals.db');
    writeOlderBuildsFile(path);
    const store = new SqliteEventStore({ path });
    const counted = (n: number) => ({
      id: randomUUID(),
      type: 'Counted',
      data: { n, text: 'ä "quoted"' },
      metadata: { recordedBy: 'this build' },
    });
    for (const size of [1, 3, 2]) {
      await store.appendToStream(
        'organisation-new',
        Array.from({ length: size }, (_, n) => counted(n)),
        { expectedRevision: 'any' },
      );
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

  it('keeps the old rows in encodings 1 and 2, marks every row of an append with encoding 3 and gives only its last the digest', () => {
    const rows = rowsOf(path);

    expect(rows.map((row) => row.hash_encoding)).toEqual([null, null, null, null, 2, 2, 2, 3, 3, 3, 3, 3, 3]);
    expect(rows.map((row) => row.hash !== null)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      true,
      false,
      true,
    ]);
  });

  it('verifies the whole chain, and finds a head noted at an encoding-2 row or at any append', async () => {
    const rows = rowsOf(path);
    const head = rows.at(-1)!.hash!;

    expect(await check(head)).toEqual({ head, chained: 13, unchained: 0, problems: [] });
    for (const position of [7, 8, 11]) expect((await check(rows[position - 1]!.hash!)).problems).toEqual([]);
  });

  it('takes the digest of an append over the digest or hash before it and its events, as documented', () => {
    const rows = rowsOf(path);
    const digest = new AppendDigest().start(rows[7]!.hash!);
    for (const row of rows.slice(8, 11))
      digest.add(
        row.position,
        row.stream_id,
        row.revision,
        row.type,
        row.data,
        row.metadata,
        row.recorded_at,
      );

    expect(digest.finish()).toBe(rows[10]!.hash);
  });

  it.each([
    ['an encoding-1 row', 2, [{ position: 2, reason: MISMATCH }]],
    ['an encoding-2 row', 6, [{ position: 6, reason: MISMATCH }]],
    [
      'the event of a one-event append, chained to the last encoding-2 row',
      8,
      [{ position: 8, reason: appendMismatch(8, 8) }],
    ],
    [
      'the middle event of an append, found at the append that carries the digest',
      10,
      [{ position: 11, reason: appendMismatch(9, 11) }],
    ],
  ])('finds the data edited in %s', async (_row, position, problems) => {
    unguarded(path, `UPDATE events SET data = json_set(data, '$.n', 99) WHERE position = ?`, position);

    expect((await check()).problems).toEqual(problems);
  });

  it.each([
    [
      'the first event of an append',
      9,
      [
        { position: 10, reason: 'follows position 8: events were removed or inserted' },
        { position: 11, reason: appendMismatch(10, 11) },
      ],
    ],
    [
      'the middle event of an append',
      10,
      [
        { position: 11, reason: 'follows position 9: events were removed or inserted' },
        { position: 11, reason: appendMismatch(9, 11) },
      ],
    ],
    [
      "the event that carries an append's digest: the append runs into the next",
      11,
      [
        { position: 12, reason: 'follows position 10: events were removed or inserted' },
        { position: 13, reason: appendMismatch(9, 13) },
      ],
    ],
    [
      "the last event of the log, which carries the last append's digest",
      13,
      [
        {
          position: 12,
          reason:
            'the log ends inside the append that starts at position 12: the events at its end, which carried its digest, were removed',
        },
        {
          position: null,
          reason:
            'the log ends at position 12, but positions up to 13 were handed out: events at its end were removed',
        },
      ],
    ],
  ])('finds a removed row: %s', async (_row, position, problems) => {
    unguarded(path, 'DELETE FROM events WHERE position = ?', position);

    expect((await check()).problems).toEqual(problems);
  });

  it('finds the tail of the last append cut off and the position counter lowered to match, without a head noted earlier', async () => {
    unguarded(path, 'DELETE FROM events WHERE position = 13');
    unguarded(path, "UPDATE sqlite_sequence SET seq = 12 WHERE name = 'events'");

    expect((await check()).problems).toEqual([
      {
        position: 12,
        reason:
          'the log ends inside the append that starts at position 12: the events at its end, which carried its digest, were removed',
      },
    ]);
  });

  it('finds two events of an append swapped, each keeping its position', async () => {
    const [ninth, tenth] = rowsOf(path).slice(8, 10) as [Row, Row];
    unguarded(path, 'UPDATE events SET data = ? WHERE position = ?', tenth.data, 9);
    unguarded(path, 'UPDATE events SET data = ? WHERE position = ?', ninth.data, 10);

    expect((await check()).problems).toEqual([{ position: 11, reason: appendMismatch(9, 11) }]);
  });

  it('finds a row inserted at the end as the start of an append that never ends', async () => {
    unguarded(
      path,
      "INSERT INTO events (position, id, stream_id, revision, type, data, metadata, recorded_at, hash_encoding) SELECT 14, '99999999-2222-4333-8444-555555555555', stream_id, 99, type, data, metadata, recorded_at, 3 FROM events WHERE position = 13",
    );

    expect((await check()).problems).toEqual([
      {
        position: 14,
        reason:
          'the log ends inside the append that starts at position 14: the events at its end, which carried its digest, were removed',
      },
    ]);
  });

  it.each([
    [
      'stripped of its digest, so that the append runs into the next',
      'UPDATE events SET hash = NULL WHERE position = 11',
      [{ position: 13, reason: appendMismatch(9, 13) }],
    ],
    [
      'passed off as encoding 2',
      'UPDATE events SET hash_encoding = 2 WHERE position = 11',
      [
        {
          position: 10,
          reason:
            'the append of positions 9–10 carries no digest: the event that carried it, at its end, was removed or stripped of it',
        },
        { position: 11, reason: MISMATCH },
      ],
    ],
    [
      'given an encoding this build does not know',
      'UPDATE events SET hash_encoding = 7 WHERE position = 11',
      [
        {
          position: 10,
          reason:
            'the append of positions 9–10 carries no digest: the event that carried it, at its end, was removed or stripped of it',
        },
        { position: 11, reason: 'its hash is of encoding 7, which this build does not know' },
      ],
    ],
  ])('finds the row that carries a digest %s', async (_how, sql, problems) => {
    unguarded(path, sql);

    expect((await check()).problems).toEqual(problems);
  });

  it('finds the first event of an append passed off as recorded before the chain', async () => {
    unguarded(path, 'UPDATE events SET hash_encoding = NULL WHERE position = 9');

    expect((await check()).problems).toEqual([
      {
        position: 9,
        reason: 'carries no hash although the chain starts at position 1: its hash was removed',
      },
      { position: 11, reason: appendMismatch(10, 11) },
    ]);
  });

  it('finds an append whose digest was recomputed after an edit, at the append after it', async () => {
    const rows = rowsOf(path);
    const data = rows[9]!.data.replace('quoted', 'forged');
    const digest = new AppendDigest().start(rows[7]!.hash!);
    for (const row of rows.slice(8, 11))
      digest.add(
        row.position,
        row.stream_id,
        row.revision,
        row.type,
        row.position === 10 ? data : row.data,
        row.metadata,
        row.recorded_at,
      );
    unguarded(path, 'UPDATE events SET data = ?, hash = ? WHERE position = ?', data, null, 10);
    unguarded(path, 'UPDATE events SET hash = ? WHERE position = ?', digest.finish(), 11);

    expect((await check()).problems).toEqual([{ position: 13, reason: appendMismatch(12, 13) }]);
  });
});
