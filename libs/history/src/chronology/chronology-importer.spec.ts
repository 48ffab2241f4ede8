import { join } from 'node:path';
import { parseEvent } from '@app/domain';
import { sample } from '@app/domain/testing/sample-events';
import { type AppendResult, SqliteEventStore, type StreamAppend } from '@app/event-store';
import { toNewEvent } from '../stored-facts';
import { ChronologyImporter } from './chronology-importer';
import { IMPORT_JOURNAL } from './import-journal';

const EVENTS = join(__dirname, '..', '..', '..', '..', 'events');

/** The real SQLite store, with another writer slipping a fact into organisation-csto just before the import's write. */
class ContendedStore extends SqliteEventStore {
  interruptions = 1;

  override async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (this.interruptions-- > 0) {
      const decision = parseEvent({ ...sample('DecisionAdopted'), effectiveDate: '2024-01-01' });
      await this.appendToStream(
        'organisation-csto',
        [
          toNewEvent('00000000-0000-4000-8000-00000000000a', decision, {
            recordedBy: 'api',
            correlationId: 'c',
          }),
        ],
        { expectedRevision: 'any' },
      );
    }
    return super.appendToStreams(appends);
  }
}

describe('the chronology importer on the real SQLite store', () => {
  it('checks again and writes when another writer moved a stream between its checks and its write', async () => {
    const store = new ContendedStore({ path: ':memory:' });

    const report = await new ChronologyImporter(store).import(EVENTS, { recordedBy: 'test' });

    expect(store.interruptions).toBe(-1);
    expect(report.problems).toEqual([]);
    const journal: string[] = [];
    for await (const event of store.readStream(IMPORT_JOURNAL)) journal.push(event.type);
    expect(journal).toEqual(['ImportStarted', 'ImportCompleted']);
    await store.close();
  });
});
