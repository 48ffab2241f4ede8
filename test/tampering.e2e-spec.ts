import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import {
  APPEND_DIGEST_ENCODING,
  AppendDigest,
  chainHash,
  GENESIS,
  isEventHashEncoding,
} from '@app/event-store/integrity/chain';
import { SCHEMA, type StoredRow as Row } from '@app/event-store/sqlite/schema';
import { LogVerifier, type LogReport } from '@app/history';
import { establishedFact, writeChronology } from './support/chronology-fixtures';
import { EVENTS_DIR, runCli } from './support/cli';

/** Runs `sql` with the immutability triggers out of the way, then puts them back, as a careful forger would. */
function unguarded(db: Database.Database, sql: string, ...params: unknown[]): void {
  db.exec('DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete;');
  db.prepare(sql).run(...params);
  db.exec(SCHEMA);
}

/**
 * Recomputes the hashes of the events and the digests of the appends that end from `from` to `to`, as a forger who
 * knows the algorithm would; the others keep what they hold, and the links after them start from it.
 */
function rechain(db: Database.Database, from = 1, to = Number.POSITIVE_INFINITY): void {
  const rows = db.prepare<[], Row>('SELECT * FROM events ORDER BY position').all();
  const update = (position: number, hash: string): void => {
    db.prepare('UPDATE events SET hash = ? WHERE position = ?').run(hash, position);
  };
  let previous = GENESIS;
  let digest: AppendDigest | undefined;
  db.exec('DROP TRIGGER events_refuse_update');
  for (const row of rows) {
    const fields = {
      position: row.position,
      streamId: row.stream_id,
      revision: row.revision,
      type: row.type,
      data: row.data,
      metadata: row.metadata,
      recordedAt: row.recorded_at,
    };
    let hash: string;
    if (row.hash_encoding === APPEND_DIGEST_ENCODING) {
      digest ??= new AppendDigest().start(previous);
      digest.add(
        fields.position,
        fields.streamId,
        fields.revision,
        fields.type,
        fields.data,
        fields.metadata,
        fields.recordedAt,
      );
      if (row.hash === null) continue;
      hash = digest.finish();
      digest = undefined;
    } else {
      const encoding = row.hash_encoding ?? 1;
      if (!isEventHashEncoding(encoding)) throw new Error(`encoding ${encoding} at position ${row.position}`);
      hash = chainHash(previous, fields, encoding);
    }
    const recomputed = row.position >= from && row.position <= to;
    if (recomputed) update(row.position, hash);
    previous = recomputed ? hash : (row.hash ?? GENESIS);
  }
  db.exec(SCHEMA);
}

interface Tampering {
  /** What was done to the file. */
  readonly kind: string;
  readonly tamper: (db: Database.Database, file: string) => void;
  /**
   * False where verify alone cannot see it, by the nature of an unkeyed chain: a forger who recomputes every hash
   * after the change, removes the tail, or puts back an older copy. `--expect` with a head noted earlier does.
   */
  readonly seenWithoutExpect: boolean;
}

// Positions in the template log (the chronology, then one more small import): a fact with a participant, which
// ends the append of its stream and so carries its digest; the append after it (of instrument-cst-1992, more than
// three events); the last event.
const PARTICIPANT_FACT = 20;
const NEXT_APPEND = PARTICIPANT_FACT + 1;
const LAST = (db: Database.Database): number =>
  (db.prepare('SELECT MAX(position) AS p FROM events').get() as { p: number }).p;

/** Swaps the contents of two rows, hash and encoding included, each keeping its position. */
function swapRows(db: Database.Database, a: number, b: number): void {
  const rows = db
    .prepare<[number, number], Row & { id: string }>(
      'SELECT * FROM events WHERE position IN (?, ?) ORDER BY position',
    )
    .all(a, b);
  db.exec('DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete;');
  db.prepare('DELETE FROM events WHERE position IN (?, ?)').run(a, b);
  const insert = db.prepare(
    'INSERT INTO events (position, id, stream_id, revision, type, data, metadata, recorded_at, hash, hash_encoding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const [first, second] = rows as [Row & { id: string }, Row & { id: string }];
  for (const [position, row] of [
    [first.position, second],
    [second.position, first],
  ] as const) {
    insert.run(
      position,
      row.id,
      row.stream_id,
      row.revision,
      row.type,
      row.data,
      row.metadata,
      row.recorded_at,
      row.hash,
      row.hash_encoding,
    );
  }
  db.exec(SCHEMA);
}

const TAMPERINGS: readonly Tampering[] = [
  {
    kind: 'data: a participant changed to another valid code',
    seenWithoutExpect: true,
    tamper: (db) =>
      unguarded(
        db,
        "UPDATE events SET data = json_set(data, '$.participant', 'TKM') WHERE position = ?",
        PARTICIPANT_FACT,
      ),
  },
  {
    kind: 'data: the effective date moved, still a valid date',
    seenWithoutExpect: true,
    tamper: (db) =>
      unguarded(
        db,
        "UPDATE events SET data = json_set(data, '$.effectiveDate', '1993-01-01') WHERE position = ?",
        PARTICIPANT_FACT,
      ),
  },
  {
    kind: 'data: a source quote reworded',
    seenWithoutExpect: true,
    tamper: (db) =>
      unguarded(
        db,
        "UPDATE events SET data = json_set(data, '$.sources[0].quote', 'reworded') WHERE position = ?",
        PARTICIPANT_FACT,
      ),
  },
  {
    kind: 'data: the confidence raised',
    seenWithoutExpect: true,
    tamper: (db) =>
      unguarded(
        db,
        "UPDATE events SET data = json_set(data, '$.confidence', 'certain') WHERE position = ?",
        PARTICIPANT_FACT,
      ),
  },
  {
    kind: 'data: an unknown field added (no longer parses)',
    seenWithoutExpect: true,
    tamper: (db) =>
      unguarded(
        db,
        "UPDATE events SET data = json_set(data, '$.forged', 1) WHERE position = ?",
        PARTICIPANT_FACT,
      ),
  },
  {
    kind: 'type: changed to another wire name',
    seenWithoutExpect: true,
    tamper: (db) =>
      unguarded(db, "UPDATE events SET type = 'InstrumentRatified' WHERE position = ?", PARTICIPANT_FACT),
  },
  {
    kind: 'metadata: recordedBy changed',
    seenWithoutExpect: true,
    tamper: (db) =>
      unguarded(
        db,
        "UPDATE events SET metadata = json_set(metadata, '$.recordedBy', 'mallory') WHERE position = ?",
        PARTICIPANT_FACT,
      ),
  },
  {
    kind: 'metadata: importedFrom.line changed',
    seenWithoutExpect: true,
    tamper: (db) =>
      unguarded(
        db,
        "UPDATE events SET metadata = json_set(metadata, '$.importedFrom.line', 1) WHERE position = ?",
        PARTICIPANT_FACT,
      ),
  },
  {
    kind: 'metadata: correlationId changed',
    seenWithoutExpect: true,
    tamper: (db) =>
      unguarded(
        db,
        "UPDATE events SET metadata = json_set(metadata, '$.correlationId', '00000000-0000-4000-8000-000000000000') WHERE position = ?",
        PARTICIPANT_FACT,
      ),
  },
  {
    kind: 'recorded_at: moved earlier, still in order',
    seenWithoutExpect: true,
    tamper: (db) =>
      unguarded(db, "UPDATE events SET recorded_at = '2001-01-01T00:00:00.000Z' WHERE position = 1"),
  },
  {
    kind: 'recorded_at: moved into the future',
    seenWithoutExpect: true,
    tamper: (db) =>
      unguarded(
        db,
        "UPDATE events SET recorded_at = '2099-01-01T00:00:00.000Z' WHERE position = ?",
        PARTICIPANT_FACT,
      ),
  },
  {
    kind: 'id: changed to another valid UUID',
    seenWithoutExpect: true,
    tamper: (db) =>
      unguarded(
        db,
        "UPDATE events SET id = '11111111-2222-4333-8444-555555555555' WHERE position = ?",
        PARTICIPANT_FACT,
      ),
  },
  {
    kind: 'stream_id: the event moved to another stream',
    seenWithoutExpect: true,
    tamper: (db) =>
      unguarded(
        db,
        "UPDATE events SET stream_id = 'organisation-elsewhere', revision = 0 WHERE position = ?",
        PARTICIPANT_FACT,
      ),
  },
  {
    kind: 'revision: two events of one stream swapped',
    seenWithoutExpect: true,
    tamper: (db) => {
      const [a, b] = db
        .prepare<[], { position: number; revision: number }>(
          "SELECT position, revision FROM events WHERE stream_id = 'instrument-cst-1992' ORDER BY revision LIMIT 2",
        )
        .all();
      unguarded(db, 'UPDATE events SET revision = 999999 WHERE position = ?', a!.position);
      unguarded(db, 'UPDATE events SET revision = ? WHERE position = ?', a!.revision, b!.position);
      unguarded(db, 'UPDATE events SET revision = ? WHERE position = ?', b!.revision, a!.position);
    },
  },
  {
    kind: 'rows: the contents of the last event of an append and the first of the next swapped, positions kept',
    seenWithoutExpect: true,
    tamper: (db) => swapRows(db, PARTICIPANT_FACT, NEXT_APPEND),
  },
  {
    kind: 'rows: the contents of two events inside one append swapped, positions kept',
    seenWithoutExpect: true,
    tamper: (db) => swapRows(db, NEXT_APPEND + 1, NEXT_APPEND + 2),
  },
  {
    kind: 'hash_encoding: an event passed off as hashed in the first encoding',
    seenWithoutExpect: true,
    tamper: (db) =>
      unguarded(db, 'UPDATE events SET hash_encoding = NULL WHERE position = ?', PARTICIPANT_FACT),
  },
  {
    kind: 'hash: the digest removed from the event that carries it, so that its append runs into the next',
    seenWithoutExpect: true,
    tamper: (db) => unguarded(db, 'UPDATE events SET hash = NULL WHERE position = ?', PARTICIPANT_FACT),
  },
  {
    kind: 'hash_encoding: removed from the first event of an append, to pass it off as recorded before the chain',
    seenWithoutExpect: true,
    tamper: (db) => unguarded(db, 'UPDATE events SET hash_encoding = NULL WHERE position = ?', NEXT_APPEND),
  },
  {
    kind: 'data edited and the digest of its append recomputed',
    seenWithoutExpect: true,
    tamper: (db) => {
      unguarded(
        db,
        "UPDATE events SET data = json_set(data, '$.participant', 'TKM') WHERE position = ?",
        PARTICIPANT_FACT,
      );
      rechain(db, PARTICIPANT_FACT, PARTICIPANT_FACT);
    },
  },
  {
    kind: 'the last event edited and its digest recomputed',
    seenWithoutExpect: false,
    tamper: (db) => {
      unguarded(
        db,
        "UPDATE events SET metadata = json_set(metadata, '$.recordedBy', 'mallory') WHERE position = ?",
        LAST(db),
      );
      rechain(db, LAST(db));
    },
  },
  {
    // The chain is rewritten consistently, but the import journal's digest of what the import wrote still differs.
    kind: 'data edited in the middle and every later digest recomputed',
    seenWithoutExpect: true,
    tamper: (db) => {
      unguarded(
        db,
        "UPDATE events SET data = json_set(data, '$.participant', 'TKM') WHERE position = ?",
        PARTICIPANT_FACT,
      );
      rechain(db, PARTICIPANT_FACT);
    },
  },
  {
    kind: 'delete: the last event',
    seenWithoutExpect: true,
    tamper: (db) => unguarded(db, 'DELETE FROM events WHERE position = ?', LAST(db)),
  },
  {
    kind: 'delete: the last three events, and the position counter lowered to match',
    seenWithoutExpect: false,
    tamper: (db) => {
      const last = LAST(db);
      unguarded(db, 'DELETE FROM events WHERE position > ?', last - 3);
      db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'").run(last - 3);
    },
  },
  {
    // The import journal then holds an import whose ImportCompleted is gone and one of whose appends is half stored:
    // verify cannot finish it (a retry of that append is refused) and must say so rather than stop.
    kind: 'delete: every event after the second of an append of the chronology import, and the position counter lowered to match',
    seenWithoutExpect: true,
    tamper: (db) => {
      unguarded(db, 'DELETE FROM events WHERE position > ?', NEXT_APPEND + 1);
      db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'").run(NEXT_APPEND + 1);
    },
  },
  {
    kind: "delete: the event in the middle of the log that carries an append's digest",
    seenWithoutExpect: true,
    tamper: (db) => unguarded(db, 'DELETE FROM events WHERE position = ?', PARTICIPANT_FACT),
  },
  {
    kind: 'delete: the first event of an append',
    seenWithoutExpect: true,
    tamper: (db) => unguarded(db, 'DELETE FROM events WHERE position = ?', NEXT_APPEND),
  },
  {
    kind: 'delete: an event inside an append',
    seenWithoutExpect: true,
    tamper: (db) => unguarded(db, 'DELETE FROM events WHERE position = ?', NEXT_APPEND + 1),
  },
  {
    kind: 'delete: the first event',
    seenWithoutExpect: true,
    tamper: (db) => unguarded(db, 'DELETE FROM events WHERE position = 1'),
  },
  {
    kind: 'forged: a row appended at the end without touching a trigger, with a made-up hash',
    seenWithoutExpect: true,
    tamper: (db) => {
      const row = db.prepare<[number], Row>('SELECT * FROM events WHERE position = ?').get(PARTICIPANT_FACT)!;
      db.prepare(
        "INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at, hash) VALUES ('99999999-2222-4333-8444-555555555555', 'organisation-forged', 0, ?, ?, ?, ?, ?)",
      ).run(row.type, row.data, row.metadata, row.recorded_at, 'f'.repeat(64));
    },
  },
  {
    kind: 'forged: a row appended at the end without touching a trigger, as the start of an append',
    seenWithoutExpect: true,
    tamper: (db) => {
      const row = db.prepare<[number], Row>('SELECT * FROM events WHERE position = ?').get(PARTICIPANT_FACT)!;
      db.prepare(
        "INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at, hash_encoding) VALUES ('99999999-2222-4333-8444-555555555555', 'organisation-forged', 0, ?, ?, ?, ?, 3)",
      ).run(row.type, row.data, row.metadata, row.recorded_at);
    },
  },
  {
    kind: 'forged: a row inserted before the first without touching a trigger',
    seenWithoutExpect: true,
    tamper: (db) => {
      const row = db.prepare<[], Row>('SELECT * FROM events WHERE position = 1').get()!;
      db.prepare(
        "INSERT INTO events (position, id, stream_id, revision, type, data, metadata, recorded_at, hash) VALUES (0, '99999999-2222-4333-8444-555555555555', 'organisation-forged', 0, ?, ?, ?, ?, NULL)",
      ).run(row.type, row.data, row.metadata, row.recorded_at);
    },
  },
  {
    kind: 'guard: the UPDATE trigger dropped',
    seenWithoutExpect: true,
    tamper: (db) => db.exec('DROP TRIGGER events_refuse_update'),
  },
  {
    kind: 'guard: the DELETE trigger dropped',
    seenWithoutExpect: true,
    tamper: (db) => db.exec('DROP TRIGGER events_refuse_delete'),
  },
  {
    kind: 'guard: the UPDATE trigger dropped and an edit made under it',
    seenWithoutExpect: true,
    tamper: (db) =>
      db.exec(
        "DROP TRIGGER events_refuse_update; UPDATE events SET type = 'MemberAdmitted' WHERE position = 3",
      ),
  },
  {
    kind: 'hash and hash_encoding: removed from every event, to pass the whole log off as recorded before the chain',
    seenWithoutExpect: false,
    tamper: (db) => unguarded(db, 'UPDATE events SET hash = NULL, hash_encoding = NULL'),
  },
  {
    kind: 'hash: removed from every event, leaving their encoding',
    seenWithoutExpect: true,
    tamper: (db) => unguarded(db, 'UPDATE events SET hash = NULL'),
  },
];

describe('verify against a tampered store file', () => {
  let dir: string;
  let template: string;
  let older: string;
  let head: string;

  const verifyFile = async (file: string, expectedHead?: string): Promise<LogReport> => {
    const store = new SqliteEventStore({ path: file });
    try {
      return await new LogVerifier(store).verify(expectedHead === undefined ? {} : { expectedHead });
    } finally {
      await store.close();
    }
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'annals-tamper-'));
    template = join(dir, 'template.db');
    older = join(dir, 'older.db');
    expect(runCli(['import', EVENTS_DIR], { ANNALS_DB: template }).status).toBe(0);
    copyFileSync(template, older);
    writeChronology(
      join(dir, 'more', 'more.yaml'),
      establishedFact('test/established/one', 'test-one'),
      establishedFact('test/established/two', 'test-two'),
    );
    expect(runCli(['import', join(dir, 'more')], { ANNALS_DB: template }).status).toBe(0);
    const verify = runCli(['verify', '--json'], { ANNALS_DB: template });
    expect(verify.status).toBe(0);
    head = (JSON.parse(verify.stdout) as LogReport).head!;
    // A closed store leaves one file behind: a copy of it is the whole store.
    expect(existsSync(`${template}-wal`)).toBe(false);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every event of the template in the current encoding, one digest per append, as the tamperings below expect', () => {
    const db = new Database(template, { readonly: true });
    const encodings = db
      .prepare<[], { hash_encoding: number | null }>('SELECT DISTINCT hash_encoding FROM events')
      .all();
    const carriers = db
      .prepare<[number, number], { carries: number }>(
        'SELECT hash IS NOT NULL AS carries FROM events WHERE position BETWEEN ? AND ? ORDER BY position',
      )
      .all(PARTICIPANT_FACT, NEXT_APPEND + 3);
    db.close();

    expect(encodings).toEqual([{ hash_encoding: APPEND_DIGEST_ENCODING }]);
    expect(carriers.map((row) => row.carries)).toEqual([1, 0, 0, 0, 0]);
  });

  it('finds nothing wrong with the untouched file, and holds the head it printed', async () => {
    expect(await verifyFile(template, head)).toMatchObject({ head, problems: [], unchained: 0 });
  });

  it('covers 37 kinds of tampering', () => {
    expect(TAMPERINGS).toHaveLength(37);
  });

  describe.each(TAMPERINGS.map((t) => [t.kind, t] as const))('%s', (_kind, { tamper, seenWithoutExpect }) => {
    it(`is detected${seenWithoutExpect ? ' by verify alone, and' : ''} with --expect`, async () => {
      const file = join(dir, `${Math.random().toString(36).slice(2)}.db`);
      copyFileSync(template, file);
      const db = new Database(file);
      tamper(db, file);
      db.close();

      const report = await verifyFile(file, head);

      expect(report.problems.length).toBeGreaterThan(0);
      const seenAlone = report.problems.some((p) => !p.reason.includes(`expected head ${head}`));
      expect(seenAlone).toBe(seenWithoutExpect);
    });
  });

  it('detects a rollback to an older copy of the file only against the head noted earlier, through the CLI', () => {
    const file = join(dir, 'rolled-back.db');
    copyFileSync(older, file);

    expect(runCli(['verify'], { ANNALS_DB: file }).status).toBe(0);
    const run = runCli(['verify', '--expect', head], { ANNALS_DB: file });

    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `the expected head ${head} is not in the chain: the file was rolled back to an older copy or rewritten`,
    );
  });

  it('describes a log cut inside an import through the CLI: the import it cannot finish is reported, nothing is written', () => {
    const file = join(dir, 'cut-inside-an-import.db');
    copyFileSync(template, file);
    const db = new Database(file);
    const cut = TAMPERINGS.find((t) =>
      t.kind.startsWith('delete: every event after the second of an append'),
    );
    cut!.tamper(db, file);
    const before = (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    db.close();

    const run = runCli(['verify'], { ANNALS_DB: file });

    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /import [0-9a-f-]+ could not be finished, so nothing of it was written again: event [0-9a-f-]+: part of this batch is stored already and part is not/,
    );
    expect(run.stdout).toMatch(/was never finished/);
    const after = new Database(file, { readonly: true });
    expect((after.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n).toBe(before);
    after.close();
  });

  it('reports a dropped trigger through the CLI even after an earlier open re-created it', async () => {
    const file = join(dir, 'dropped.db');
    copyFileSync(template, file);
    const db = new Database(file);
    db.exec('DROP TRIGGER events_refuse_delete');
    db.close();
    await new SqliteEventStore({ path: file }).close();

    const run = runCli(['verify'], { ANNALS_DB: file });

    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      'trigger events_refuse_delete was missing when the store was opened, and was re-created',
    );
  });

  it('says where the chain starts on a store written before it, and chains what is appended after', () => {
    const file = join(dir, 'legacy.db');
    const legacy = new Database(file);
    // The schema as it was before the chain: no hash column.
    legacy.exec(SCHEMA.replace('  hash        TEXT,\n  hash_encoding INTEGER,\n', ''));
    legacy.exec(`ATTACH DATABASE '${older}' AS old`);
    const copied = legacy
      .prepare(
        "INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) SELECT id, stream_id, revision, type, data, metadata, recorded_at FROM old.events WHERE stream_id != 'import-journal' ORDER BY position",
      )
      .run().changes;
    legacy.exec('DETACH DATABASE old');
    legacy.close();

    const before = runCli(['verify'], { ANNALS_DB: file });
    expect(before.status).toBe(0);
    expect(before.stdout).toContain(
      `none of the ${copied} events carries a hash: they were recorded before the store kept a hash chain, which starts with the next event`,
    );

    expect(runCli(['import', join(dir, 'more')], { ANNALS_DB: file }).status).toBe(0);
    const after = runCli(['verify'], { ANNALS_DB: file });
    expect(after.status).toBe(0);
    expect(after.stdout).toContain(
      `the first ${copied} events were recorded before the store kept a hash chain: it starts at the event after them`,
    );
    expect(after.stdout).toMatch(/head [0-9a-f]{64}/);
  });

  it.each([
    [
      'a truncated store file',
      (file: string) => writeFileSync(file, readFileSync(template).subarray(0, 6000)),
      'database disk image is malformed',
    ],
    [
      'a file that is not a database',
      (file: string) => writeFileSync(file, 'facts: []\n'),
      'file is not a database',
    ],
  ])('answers %s with exit 3 and one line, no stack trace', (_name, damage, reason) => {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.db`);
    damage(file);

    const run = runCli(['verify'], { ANNALS_DB: file });

    expect(run.status).toBe(3);
    expect(run.stderr).toBe(`annals: the store at ${file} failed: ${reason}\n`);
  });
});
