import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENESIS } from '../integrity/chain';
import { documentedAppendDigest } from '../testing/documented-digest';
import type { StoredRow } from './schema';
import { SqliteEventStore } from './sqlite-event-store';

const WORKER = join(__dirname, '..', 'testing', 'append-worker.ts');
// node itself runs the worker (tsx only as a loader), so that SIGKILL reaches the process that writes.
const worker = (...args: string[]): string[] => ['--import', 'tsx', WORKER, ...args];

describe('the embedded store on a file', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'annals-store-'));
    path = join(dir, 'nested', 'annals.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const readIds = async (streamId?: string): Promise<string[]> => {
    const store = new SqliteEventStore({ path });
    const ids: string[] = [];
    for await (const e of streamId ? store.readStream(streamId) : store.readAll()) ids.push(e.id);
    await store.close();
    return ids;
  };

  it('creates the file and its directory on first open, in WAL mode with synchronous=FULL', async () => {
    const store = new SqliteEventStore({ path });
    await store.close();
    const reopened = new SqliteEventStore({ path });
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    // synchronous is per connection: ask the store's own connection through its behaviour-visible pragma.
    expect(
      (reopened as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true }),
    ).toBe(2);
    await reopened.close();
  });

  it('refuses UPDATE and DELETE in the database itself, even from another connection', async () => {
    const store = new SqliteEventStore({ path });
    await store.appendToStream('organisation-x', [{ id: randomUUID(), type: 'A', data: {} }], {
      expectedRevision: 'any',
    });
    await store.close();
    const raw = new Database(path);
    expect(() => raw.exec("UPDATE events SET type = 'x'")).toThrow(/events are immutable/);
    expect(() => raw.exec('DELETE FROM events')).toThrow(/events are immutable/);
    expect(raw.prepare('SELECT type FROM events').all()).toEqual([{ type: 'A' }]);
    raw.close();
  });

  it('never lets recorded time go backwards, whatever the clock says', async () => {
    const times = ['2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z'];
    const store = new SqliteEventStore({
      path,
      clock: () => new Date(times.shift() ?? '2026-01-03T00:00:00.000Z'),
    });
    for (let n = 0; n < 3; n++) {
      await store.appendToStream('s-1', [{ id: randomUUID(), type: 'A', data: {} }], {
        expectedRevision: 'any',
      });
    }
    const recorded: string[] = [];
    for await (const e of store.readAll()) recorded.push(e.recordedAt);
    await store.close();
    expect(recorded).toEqual([
      '2026-01-02T00:00:00.000Z',
      '2026-01-02T00:00:00.000Z',
      '2026-01-03T00:00:00.000Z',
    ]);
  });

  it('loses no acknowledged append when the writing process is killed with SIGKILL, and leaves no append half written', async () => {
    const acknowledged: string[] = [];
    const child = spawn(process.execPath, worker(path, 'organisation-crash', '100000', 'batches'), {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffer = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        acknowledged.push(...lines);
        if (acknowledged.length >= 300 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));

    const stored = new Set(await readIds('organisation-crash'));
    const store = new SqliteEventStore({ path });
    const integrity = await store.checkIntegrity();
    await store.close();
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    // Appends of three events, each with its digest on its last: a log cut inside one would not verify.
    expect(stored.size % 3).toBe(0);
    expect(integrity).toMatchObject({ chained: stored.size, problems: [] });
  }, 60_000);

  it('keeps one stream consistent when separate processes race on it', async () => {
    const run = (): Promise<string[]> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, worker(path, 'organisation-race', '40', 'retry'), {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('exit', (code) =>
          code === 0 ? resolve(out.trim().split('\n')) : reject(new Error(`worker exited ${code}`)),
        );
      });
    const written = (await Promise.all([run(), run(), run()])).flat();

    const store = new SqliteEventStore({ path });
    const revisions: number[] = [];
    const ids: string[] = [];
    for await (const e of store.readStream('organisation-race')) {
      revisions.push(e.revision);
      ids.push(e.id);
    }
    const integrity = await store.checkIntegrity();
    await store.close();
    expect(revisions).toEqual(Array.from({ length: 120 }, (_, n) => n));
    expect(ids.sort()).toEqual(written.sort());
    expect(integrity).toMatchObject({ chained: 120, problems: [] });
  }, 60_000);

  // Each store keeps the end of the log it last wrote (see KnownEnd): one must see at once what the other wrote.
  it('appends after what another connection wrote in between, at the right position, revision and link', async () => {
    const first = new SqliteEventStore({ path });
    const second = new SqliteEventStore({ path });
    const counted = () => ({ id: randomUUID(), type: 'Counted', data: {} });
    try {
      expect(
        await first.appendToStream('s-shared', [counted(), counted()], { expectedRevision: 'no_stream' }),
      ).toEqual({ nextExpectedRevision: 1, position: 2 });
      expect(await second.appendToStream('s-shared', [counted()], { expectedRevision: 1 })).toEqual({
        nextExpectedRevision: 2,
        position: 3,
      });
      await expect(first.appendToStream('s-shared', [counted()], { expectedRevision: 1 })).rejects.toThrow(
        'expected revision 1',
      );
      expect(await first.appendToStream('s-shared', [counted()], { expectedRevision: 2 })).toEqual({
        nextExpectedRevision: 3,
        position: 4,
      });
      expect(await second.appendToStream('s-other', [counted()], { expectedRevision: 'no_stream' })).toEqual({
        nextExpectedRevision: 0,
        position: 5,
      });
      expect(
        await first.appendToStreams([
          { streamId: 's-other', events: [counted()], expectedRevision: 0 },
          { streamId: 's-shared', events: [counted()], expectedRevision: 3 },
        ]),
      ).toEqual([
        { nextExpectedRevision: 1, position: 6 },
        { nextExpectedRevision: 4, position: 7 },
      ]);

      expect(await second.checkIntegrity()).toMatchObject({ chained: 7, problems: [] });
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('keeps nothing of a write that was rolled back: the next append goes where that one would have gone', async () => {
    const store = new SqliteEventStore({ path });
    const counted = () => ({ id: randomUUID(), type: 'Counted', data: {} });
    try {
      await store.appendToStream('s-1', [counted()], { expectedRevision: 'no_stream' });
      const taken = counted();
      await store.appendToStream('s-2', [taken], { expectedRevision: 'no_stream' });
      // The last event of this append is refused (its id is taken) after a statement wrote the 32 before it: all is rolled back.
      const refused = [...Array.from({ length: 32 }, counted), taken];
      await expect(store.appendToStream('s-1', refused, { expectedRevision: 0 })).rejects.toThrow(
        'already stored in stream s-2',
      );

      expect(await store.appendToStream('s-1', [counted()], { expectedRevision: 0 })).toEqual({
        nextExpectedRevision: 1,
        position: 3,
      });
      expect(await store.checkIntegrity()).toMatchObject({ chained: 3, problems: [] });
    } finally {
      await store.close();
    }
  });

  // The store writes up to 32 rows per statement (32 + 32 + 4 + 2 here), each row's text bound as a string.
  it('stores an append longer than one statement as one append: text as given, consecutive positions, the documented digest on its last row', async () => {
    const store = new SqliteEventStore({ path });
    const batch = Array.from({ length: 70 }, (_, n) => ({
      id: randomUUID(),
      type: n % 2 ? 'Counted' : 'Отмечено',
      data: { n, text: `ä "quoted" ${'€'.repeat(n)}` },
      metadata: { recordedBy: 'this build', n },
    }));
    try {
      expect(await store.appendToStream('s-long', batch, { expectedRevision: 'no_stream' })).toEqual({
        nextExpectedRevision: 69,
        position: 70,
      });
      expect(await store.checkIntegrity()).toMatchObject({ chained: 70, problems: [] });
    } finally {
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    const rows = db.prepare<[], StoredRow>('SELECT * FROM events ORDER BY position').all();
    const kinds = db
      .prepare(
        'SELECT DISTINCT typeof(stream_id), typeof(type), typeof(data), typeof(metadata), typeof(recorded_at) FROM events',
      )
      .raw()
      .all();
    db.close();

    expect(kinds).toEqual([['text', 'text', 'text', 'text', 'text']]);
    expect(
      rows.map((row) => [
        row.position,
        row.id,
        row.stream_id,
        row.revision,
        row.type,
        row.data,
        row.metadata,
        row.hash_encoding,
      ]),
    ).toEqual(
      batch.map((event, n) => [
        n + 1,
        event.id,
        's-long',
        n,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        3,
      ]),
    );
    expect(new Set(rows.map((row) => row.recorded_at)).size).toBe(1);
    expect(rows.map((row) => row.hash !== null)).toEqual(rows.map((_, n) => n === 69));
    const fields = rows.map((row) => ({
      position: row.position,
      streamId: row.stream_id,
      revision: row.revision,
      type: row.type,
      data: row.data,
      metadata: row.metadata,
      recordedAt: row.recorded_at,
    }));
    expect(rows[69]?.hash).toBe(documentedAppendDigest(GENESIS, fields));
  });
});
