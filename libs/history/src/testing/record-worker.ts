/**
 * A writer process for the tests of two processes recording into one store file.
 *   node --import tsx record-worker.ts <db> <same|own> <count>
 * Records `count` DecisionAdopted facts into organisation-csto through the FactRecorder, without an expected
 * revision, and prints one line per fact: `<event id> created|retry` or `<event id> error <code>`. With `same`,
 * every process records the same facts under the same ids (retries racing each other); with `own`, each its own.
 */
import { randomUUID } from 'node:crypto';
import { parseEvent } from '@app/domain';
import { sample } from '@app/domain/testing/sample-events';
import { SqliteEventStore } from '@app/event-store';
import { eventIdOf } from '../chronology/fact-id';
import { DecidedStreams } from '../recording/decided-streams';
import { FactRecorder } from '../recording/fact-recorder';

async function main(): Promise<void> {
  const [path, mode, count] = process.argv.slice(2);
  if (!path || (mode !== 'same' && mode !== 'own') || !count)
    throw new Error('usage: record-worker <db> <same|own> <count>');
  const store = new SqliteEventStore({ path });
  const recorder = new FactRecorder(store, new DecidedStreams(store));
  for (let n = 0; n < Number(count); n++) {
    const id = mode === 'same' ? eventIdOf(`race/decision/${n}`) : randomUUID();
    const event = parseEvent({
      ...sample('DecisionAdopted'),
      number: String(n),
      title: `decision ${mode === 'same' ? n : id}`,
    });
    try {
      const result = await recorder.record({
        streamId: 'organisation-csto',
        id,
        event,
        expectedRevision: 'any',
        provenance: { recordedBy: `worker-${process.pid}`, correlationId: id },
      });
      process.stdout.write(`${id} ${result.created ? 'created' : 'retry'}\n`);
    } catch (error) {
      process.stdout.write(`${id} error ${(error as { code?: string }).code ?? String(error)}\n`);
    }
  }
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
