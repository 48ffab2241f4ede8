/**
 * A writer process for the embedded store's crash and multi-process tests.
 *   tsx append-worker.ts <db> <stream> <count> [retry | batches]
 * Appends `count` single-event batches and prints each event id once the store has acknowledged it. With
 * `retry`, it races other processes on one stream, re-reading the stream head after every conflict; with
 * `batches`, each append holds three events, so that a kill can fall inside one.
 */
import { randomUUID } from 'node:crypto';
import { WrongExpectedRevision } from '../errors';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';

async function main(): Promise<void> {
  const [path, streamId, count, mode] = process.argv.slice(2);
  if (!path || !streamId || !count) throw new Error('usage: append-worker <db> <stream> <count> [retry]');
  const store = new SqliteEventStore({ path });
  for (let n = 0; n < Number(count); n++) {
    const events = Array.from({ length: mode === 'batches' ? 3 : 1 }, (_, k) => ({
      id: randomUUID(),
      type: 'Counted',
      data: { n, k, pid: process.pid },
    }));
    for (;;) {
      let expected: number | 'no_stream' | 'any' = 'any';
      if (mode === 'retry') {
        for await (const last of store.readStream(streamId, { direction: 'backwards', maxCount: 1 })) {
          expected = last.revision;
        }
        if (expected === 'any') expected = 'no_stream';
      }
      try {
        await store.appendToStream(streamId, events, { expectedRevision: expected });
        process.stdout.write(events.map((event) => `${event.id}\n`).join(''));
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
      }
    }
  }
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
