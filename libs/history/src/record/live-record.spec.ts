import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseEvent } from '@app/domain';
import { sample } from '@app/domain/testing/sample-events';
import { SqliteEventStore } from '@app/event-store';
import { ChronologyImporter } from '../chronology/chronology-importer';
import { toNewEvent } from '../stored-facts';
import { LiveRecord } from './live-record';

const EVENTS = join(__dirname, '..', '..', '..', '..', 'events');

describe('the live record, on the real SQLite store', () => {
  let store: SqliteEventStore;
  let record: LiveRecord;
  beforeEach(async () => {
    store = new SqliteEventStore({ path: ':memory:' });
    await new ChronologyImporter(store).import(EVENTS, { recordedBy: 'test-import' });
    record = new LiveRecord(store);
  });
  afterEach(async () => {
    record.onApplicationShutdown();
    await store.close();
  });

  it('answers from everything the store held when asked, then follows new appends: a reader sees its own writes', async () => {
    const head = (await store.headPosition()) ?? 0;
    expect((await record.current()).size).toBe(head);
    const id = randomUUID();
    await store.appendToStream('organisation-csto', [toNewEvent(id, parseEvent(sample('MemberAdmitted')), { recordedBy: 'test', correlationId: id })], { expectedRevision: 'any' });
    const index = await record.current();
    expect(index.fact(id)?.event.type).toBe('MemberAdmitted');
    expect(index.size).toBe(head + 1);
  });

  it('rebuilds from position 0 to the same answers, reporting progress up to the head', async () => {
    const before = (await record.current()).stateAsOf({ organisation: 'csto', asOf: '2012-12-20' });
    const progress: [number, number][] = [];
    const { events } = await record.rebuild((done, total) => progress.push([done, total]));
    const head = (await store.headPosition()) ?? 0;
    expect(events).toBe(head);
    expect(progress.at(-1)).toEqual([head, head]);
    expect((await record.current()).stateAsOf({ organisation: 'csto', asOf: '2012-12-20' })).toEqual(before);
  });

  it('after shutdown, a replay in progress does not subscribe, and queries are refused', async () => {
    const subscribe = jest.spyOn(store, 'subscribeToAll');
    const pending = record.current();
    record.onApplicationShutdown();
    await expect(pending).rejects.toThrow('the record is closed: the application is shutting down');
    expect(subscribe).not.toHaveBeenCalled();
  });
});
