import { randomUUID } from 'node:crypto';
import type { RecordedEvent, StoredEventText } from '../event-store';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('embedded SQLite (:memory:)', () => Promise.resolve(new SqliteEventStore({ path: ':memory:' })));

describe('the embedded store read synchronously, page by page', () => {
  it('gives the pages of readAllPages, with data and metadata as their stored JSON text', async () => {
    const store = new SqliteEventStore({ path: ':memory:' });
    for (let n = 0; n < 7; n++) {
      await store.appendToStream(`s-${n % 2}`, [{ id: randomUUID(), type: 'Counted', data: { n, text: 'a "quoted" word' }, metadata: { recordedBy: 'test' } }], { expectedRevision: 'any' });
    }
    const from = 2;

    const pages: (readonly RecordedEvent[])[] = [];
    for await (const page of store.readAllPages({ fromPosition: from, pageSize: 3 })) pages.push(page);
    const textPages = [...store.readAllPagesSync({ fromPosition: from, pageSize: 3 })];
    await store.close();

    const asText = (event: RecordedEvent): StoredEventText => ({ ...event, data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata) });
    expect(textPages.map((page) => page.length)).toEqual([3, 3]);
    expect(textPages).toEqual(pages.map((page) => page.map(asText)));
  });
});
