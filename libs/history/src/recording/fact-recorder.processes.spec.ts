import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEvent } from '@app/domain';
import { sample } from '@app/domain/testing/sample-events';
import { SqliteEventStore } from '@app/event-store';
import { toNewEvent } from '../stored-facts';

const WORKER = join(__dirname, '..', 'testing', 'record-worker.ts');

/** Runs record-worker processes at once against one file; resolves with each one's printed lines. */
function runWorkers(
  path: string,
  mode: 'same' | 'own',
  processes: number,
  count: number,
): Promise<string[][]> {
  return Promise.all(
    Array.from(
      { length: processes },
      () =>
        new Promise<string[]>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', WORKER, path, mode, String(count)]);
          let out = '';
          let err = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
          child.on('error', reject);
          child.on('exit', (status) =>
            status === 0
              ? resolve(out.trim().split('\n'))
              : reject(new Error(`worker exited ${status}: ${err}`)),
          );
        }),
    ),
  );
}

describe('recording facts from several processes on one store file', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'annals-recorders-'));
    path = join(dir, 'annals.db');
    const store = new SqliteEventStore({ path });
    const established = parseEvent(sample('OrganisationEstablished'));
    await store.appendToStream(
      'organisation-csto',
      [
        toNewEvent('00000000-0000-4000-8000-000000000001', established, {
          recordedBy: 'test',
          correlationId: 'c',
        }),
      ],
      { expectedRevision: 'no_stream' },
    );
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const storedDecisions = async (): Promise<number> => {
    const store = new SqliteEventStore({ path });
    let decisions = 0;
    for await (const event of store.readStream('organisation-csto'))
      if (event.type === 'DecisionAdopted') decisions += 1;
    await store.close();
    return decisions;
  };

  it('answers the same id sent by two processes as created once and as a retry once', async () => {
    const [first, second] = await runWorkers(path, 'same', 2, 30);
    const created = [...first!, ...second!]
      .filter((line) => line.endsWith(' created'))
      .map((line) => line.split(' ')[0]);

    expect([...first!, ...second!].filter((line) => line.includes(' error '))).toEqual([]);
    expect(created).toHaveLength(30);
    expect(new Set(created).size).toBe(30);
    expect(await storedDecisions()).toBe(30);
  }, 60_000);

  it('never refuses a writer without an expected revision because four processes write to one stream at once', async () => {
    const outputs = await runWorkers(path, 'own', 4, 15);
    const lines = outputs.flat();

    expect(lines.filter((line) => !line.endsWith(' created'))).toEqual([]);
    expect(lines).toHaveLength(60);
    expect(await storedDecisions()).toBe(60);
  }, 60_000);
});
