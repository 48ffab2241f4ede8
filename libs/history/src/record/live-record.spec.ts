import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseEvent } from '@app/domain';
import { sample } from '@app/domain/testing/sample-events';
import { type EventStore, SqliteEventStore, StoreUnavailable } from '@app/event-store';
import { SparsePositionStore } from '@app/event-store/testing/sparse-positions';
import { TemporalIndex } from '@app/projections';
import { concat, take, throwError } from 'rxjs';
import { ChronologyImporter } from '../chronology/chronology-importer';
import { isJournalEvent } from '../chronology/import-journal';
import { type StoredFact, toNewEvent, toStoredFact } from '../stored-facts';
import { LiveRecord } from './live-record';

const EVENTS = join(__dirname, '..', '..', '..', '..', 'events');

const stores: [string, () => EventStore][] = [
  ['the real SQLite store', () => new SqliteEventStore({ path: ':memory:' })],
  // Positions as sparse as EventStoreDB's: the record must resume from a checkpoint without computing one.
  [
    'the real SQLite store with sparse positions, as on EventStoreDB',
    () => new SparsePositionStore(new SqliteEventStore({ path: ':memory:' })),
  ],
];

describe.each(stores)('the live record, on %s', (_name, open) => {
  let store: EventStore;
  let record: LiveRecord;
  beforeEach(async () => {
    store = open();
    await new ChronologyImporter(store).import(EVENTS, { recordedBy: 'test-import' });
    record = new LiveRecord(store);
  });
  afterEach(async () => {
    record.onApplicationShutdown();
    await store.close();
  });

  /** The facts in the store: every event but the import journal's. */
  const count = async (): Promise<number> => {
    let events = 0;
    for await (const event of store.readAll()) if (!isJournalEvent(event)) events += 1;
    return events;
  };
  const append = async (): Promise<string> => {
    const id = randomUUID();
    await store.appendToStream(
      'organisation-csto',
      [toNewEvent(id, parseEvent(sample('MemberAdmitted')), { recordedBy: 'test', correlationId: id })],
      { expectedRevision: 'any' },
    );
    return id;
  };

  it('answers from everything the store held when asked, then follows new appends: a reader sees its own writes', async () => {
    const stored = await count();
    expect((await record.current()).size).toBe(stored);
    const id = await append();
    const index = await record.current();
    expect(index.fact(id)?.event.type).toBe('MemberAdmitted');
    expect(index.size).toBe(stored + 1);
    expect(record.status()).toMatchObject({
      state: 'following',
      checkpoint: await store.headPosition(),
      interruptions: 0,
    });
  });

  it('rebuilds from the start to the same answers, reporting progress up to the head', async () => {
    const before = (await record.current()).stateAsOf({ organisation: 'csto', asOf: '2012-12-20' });
    const progress: [number, number][] = [];
    const { events } = await record.rebuild((done, total) => progress.push([done, total]));
    const head = await store.headPosition();
    expect(events).toBe(await count());
    expect(progress.at(-1)).toEqual([head, head]);
    expect((await record.current()).stateAsOf({ organisation: 'csto', asOf: '2012-12-20' })).toEqual(before);
  });

  it('answers as an index of plainly read facts does: the compact form of the facts changes no answer', async () => {
    const index = await record.current();
    const plain = new TemporalIndex<StoredFact>();
    for await (const recorded of store.readAll())
      if (!isJournalEvent(recorded)) plain.apply(toStoredFact(recorded));
    const instruments = new Set<string>();
    for await (const recorded of store.readAll())
      if (recorded.streamId.startsWith('instrument-'))
        instruments.add(recorded.streamId.slice('instrument-'.length));
    const days = Array.from({ length: 34 }, (_, n) => [`${1992 + n}-01-01`, `${1992 + n}-07-15`]).flat();

    expect(instruments.size).toBeGreaterThan(5);
    for (const asOf of days) {
      expect(index.stateAsOf({ organisation: 'csto', asOf })).toEqual(
        plain.stateAsOf({ organisation: 'csto', asOf }),
      );
      for (const instrument of instruments)
        expect(index.instrumentStatusAsOf({ instrument, asOf })).toEqual(
          plain.instrumentStatusAsOf({ instrument, asOf }),
        );
    }
    expect(index.timeline()).toEqual(plain.timeline());
    expect(index.organisationHistory({ organisation: 'csto' })).toEqual(
      plain.organisationHistory({ organisation: 'csto' }),
    );
    expect(index.participantHistory('ARM')).toEqual(plain.participantHistory('ARM'));
    for await (const recorded of store.readAll()) {
      if (!isJournalEvent(recorded))
        expect(JSON.stringify(index.fact(recorded.id))).toBe(JSON.stringify(plain.fact(recorded.id)));
    }
  });

  it('after shutdown, a replay in progress does not subscribe, and queries are refused', async () => {
    const subscribe = jest.spyOn(store, 'subscribeToAll');
    const pending = record.current();
    record.onApplicationShutdown();
    await expect(pending).rejects.toThrow('the record is closed: the application is shutting down');
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('resumes from its checkpoint after the store drops its subscription (as EventStoreDB drops a slow subscriber), and says so in its status', async () => {
    const subscribe = store.subscribeToAll.bind(store);
    // The first subscription delivers one event, then ends as a server drops a subscriber; later ones are real.
    jest.spyOn(store, 'subscribeToAll').mockImplementationOnce((options) =>
      concat(
        subscribe(options).pipe(take(1)),
        throwError(() => new StoreUnavailable('the server ended the subscription to $all')),
      ),
    );
    const stored = await count();
    await record.current();

    const first = await append();
    await waitFor(() => record.status().state === 'interrupted');
    expect(record.status()).toMatchObject({
      interruptions: 1,
      lastInterruption: 'the server ended the subscription to $all',
    });
    const second = await append();

    const index = await record.current();
    expect([index.fact(first)?.id, index.fact(second)?.id]).toEqual([first, second]);
    expect(index.size).toBe(stored + 2);
    expect(record.status()).toMatchObject({
      state: 'following',
      checkpoint: await store.headPosition(),
      interruptions: 1,
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
