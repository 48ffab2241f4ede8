import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent, StoredEventText } from '../event-store';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('embedded SQLite (:memory:)', () =>
  Promise.resolve(new SqliteEventStore({ path: ':memory:' })),
);

describe('the embedded store read synchronously, page by page', () => {
  it('gives the pages of readAllPages, with data and metadata as their stored JSON text', async () => {
    const store = new SqliteEventStore({ path: ':memory:' });
    for (let n = 0; n < 7; n++) {
      await store.appendToStream(
        `s-${n % 2}`,
        [
          {
            id: randomUUID(),
            type: 'Counted',
            data: { n, text: 'a "quoted" word' },
            metadata: { recordedBy: 'test' },
          },
        ],
        { expectedRevision: 'any' },
      );
    }
    const from = 2;

    const pages: (readonly RecordedEvent[])[] = [];
    for await (const page of store.readAllPages({ fromPosition: from, pageSize: 3 })) pages.push(page);
    const textPages = [...store.readAllPagesSync({ fromPosition: from, pageSize: 3 })];
    await store.close();

    const asText = (event: RecordedEvent): StoredEventText => ({
      ...event,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
    });
    expect(textPages.map((page) => page.length)).toEqual([3, 3]);
    expect(textPages).toEqual(pages.map((page) => page.map(asText)));
  });
});

// The store finds a taken or repeated id by its unique index as it writes, a statement of up to 32 rows at a time: it
// still answers as if it wrote event by event, with the first refused in the append's order.
describe('the embedded store refusing an id in a long append', () => {
  const counted = (): NewEvent => ({ id: randomUUID(), type: 'Counted', data: {} });
  /** An append of 70 events to a store holding one: the id of that one at `takenAt`, the id of the sixth again at `repeatedAt`. */
  const refusedAppend = async (
    takenAt: number,
    repeatedAt: number,
  ): Promise<{ refusal: Promise<unknown>; taken: NewEvent; repeated: NewEvent; store: SqliteEventStore }> => {
    const store = new SqliteEventStore({ path: ':memory:' });
    const taken = counted();
    await store.appendToStream('s-taken', [taken], { expectedRevision: 'no_stream' });
    const batch = Array.from({ length: 70 }, counted);
    const repeated = batch[5] as NewEvent;
    batch[takenAt] = taken;
    batch[repeatedAt] = repeated;
    return {
      refusal: store.appendToStream('s-long', batch, { expectedRevision: 'no_stream' }),
      taken,
      repeated,
      store,
    };
  };

  it('names a taken id that comes before a repeated one', async () => {
    const { refusal, taken, store } = await refusedAppend(40, 50);

    await expect(refusal).rejects.toMatchObject({ code: 'EVENT_ID_CONFLICT', eventId: taken.id });
    expect(await store.headPosition()).toBe(1);
    await store.close();
  });

  it('names a repeated id that comes before a taken one', async () => {
    const { refusal, repeated, store } = await refusedAppend(50, 40);

    await expect(refusal).rejects.toThrow(`events[40].id ${repeated.id} appears twice in one append`);
    expect(await store.headPosition()).toBe(1);
    await store.close();
  });
});
