import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EventStore,
  type AppendOptions,
  type AppendResult,
  type NewEvent,
  SqliteEventStore,
  type StreamAppend,
} from '@app/event-store';
import { ChronologyImporter, isJournalEvent, LogVerifier } from '@app/history';
import { establishedFact, writeChronology } from './support/chronology-fixtures';
import { CLI, EVENTS_DIR, ROOT, runCli } from './support/cli';

const API = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');

/**
 * Stands in for EventStoreDB over a SQLite file: appends to several streams one after another (the port's
 * fallback, since EventStoreDB has no transaction across streams), and dies after `survives` appends.
 */
class StreamByStreamStore extends SqliteEventStore {
  private appendsMade = 0;

  constructor(
    path: string,
    private readonly survives: number,
  ) {
    super({ path });
  }

  override appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return EventStore.prototype.appendToStreams.call(this, appends);
  }

  override appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (this.appendsMade++ === this.survives) return Promise.reject(new Error('the process died here'));
    return super.appendToStream(streamId, events, options);
  }
}

async function factsIn(path: string): Promise<number> {
  const store = new SqliteEventStore({ path });
  let facts = 0;
  for await (const event of store.readAll()) if (!isJournalEvent(event)) facts += 1;
  await store.close();
  return facts;
}

describe('importing under faults', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'annals-import-faults-'));
    db = join(dir, 'annals.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const imported = (): number => {
    const run = runCli(['import', EVENTS_DIR, '--json'], { ANNALS_DB: db });
    expect(run.status).toBe(0);
    return (JSON.parse(run.stdout) as { facts: number }).facts;
  };

  it('writes nothing and exits 1 naming the fact when a later fact reuses an id recorded in another stream', async () => {
    imported();
    const before = await factsIn(db);
    const folder = join(dir, 'more');
    writeChronology(
      join(folder, 'new.yaml'),
      establishedFact('test/established/one', 'test-one'),
      establishedFact('csto/established', 'test-two'),
    );

    const run = runCli(['import', folder], { ANNALS_DB: db });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'new.yaml:13: csto/established id: its event id is already stored in stream organisation-csto',
    );
    expect(run.stderr).toContain('nothing was imported');
    expect(await factsIn(db)).toBe(before);
  });

  describe('an import killed part-way where the store has no transaction across streams', () => {
    let total: number;
    beforeEach(async () => {
      const store = new StreamByStreamStore(db, 4);
      await expect(new ChronologyImporter(store).import(EVENTS_DIR, { recordedBy: 'test' })).rejects.toThrow(
        'the process died here',
      );
      await store.close();
      total = (
        await new ChronologyImporter(new SqliteEventStore({ path: ':memory:' })).import(EVENTS_DIR, {
          recordedBy: 'count',
        })
      ).facts;
      expect(await factsIn(db)).toBeGreaterThan(0);
      expect(await factsIn(db)).toBeLessThan(total);
    });

    it('is finished by verify, which says so, and the log then verifies clean', async () => {
      const run = runCli(['verify'], { ANNALS_DB: db });

      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(
        new RegExp(
          `import \\S+ of ${EVENTS_DIR} had been left unfinished: finished it \\(${total} events\\)`,
        ),
      );
      expect(await factsIn(db)).toBe(total);
      const again = runCli(['verify'], { ANNALS_DB: db });
      expect(again.stdout).not.toContain('unfinished');
      expect(again.status).toBe(0);
    });

    it('is finished by the next import, which then finds everything recorded', async () => {
      const run = runCli(['import', EVENTS_DIR], { ANNALS_DB: db });

      expect(run.status).toBe(0);
      expect(run.stderr).toContain('had been left unfinished: finished it');
      expect(run.stdout).toContain(`nothing to import: all ${total} facts`);
      expect(await factsIn(db)).toBe(total);
    });

    it('is finished when the API starts on the store, though the store is not empty', async () => {
      const output = await new Promise<string>((resolve, reject) => {
        const api = spawn(process.execPath, [API], {
          cwd: ROOT,
          env: { ...process.env, ANNALS_DB: db, PORT: '0' },
        });
        let seen = '';
        const timer = setTimeout(() => api.kill('SIGKILL'), 30_000);
        api.stdout.on('data', (chunk: Buffer) => {
          seen += chunk.toString();
          if (seen.includes('API on')) api.kill('SIGTERM');
        });
        api.stderr.on('data', (chunk: Buffer) => (seen += chunk.toString()));
        api.on('error', reject);
        api.on('exit', () => {
          clearTimeout(timer);
          resolve(seen);
        });
      });

      expect(output).toContain(`had been left unfinished: finished it (${total} events)`);
      expect(await factsIn(db)).toBe(total);
    });
  });

  it('leaves no partial store after 40 imports killed with SIGKILL at random moments', async () => {
    const trials = 40;
    const outcomes: number[] = [];
    const started = Date.now();
    const total = imported();
    const oneImport = Date.now() - started;
    for (let trial = 0; trial < trials; trial++) {
      const path = join(dir, `kill-${trial}.db`);
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'import', EVENTS_DIR], {
          cwd: ROOT,
          env: { ...process.env, ANNALS_DB: path },
          stdio: 'ignore',
        });
        // Most of an import's life is start-up and checking: the kills are spread over its second half and a little
        // beyond, where the write is.
        const timer = setTimeout(() => child.kill('SIGKILL'), oneImport * (0.5 + Math.random() * 0.6));
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      outcomes.push(await factsIn(path));
      // verify's own service on the real file (the CLI's verify is the same code; a process per trial costs more).
      const store = new SqliteEventStore({ path });
      const report = await new LogVerifier(store).verify();
      await store.close();
      expect(report).toMatchObject({ problems: [], finishedImports: [] });
    }
    const partial = outcomes.filter((facts) => facts !== 0 && facts !== total);
    expect(partial).toEqual([]);
    // The kill landed before, during and after the write in different trials, or the test proved little.
    expect(outcomes).toContain(0);
  }, 600_000);
});
