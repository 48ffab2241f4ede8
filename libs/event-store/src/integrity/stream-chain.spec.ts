import { randomUUID } from 'node:crypto';
import type { ExpectedRevision, NewEvent } from '../event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { chainInStream, checkStreamChains } from './stream-chain';

/** The per-stream chain EventStoreDB keeps in metadata, written and checked here over the real SQLite store. */
describe('hashes chained within each stream, kept in metadata', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  const event = (n: number): NewEvent => ({ id: randomUUID(), type: 'Counted', data: { n }, metadata: { recordedBy: 'test' } });
  const append = async (streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<NewEvent[]> => {
    const chained = await chainInStream(store, streamId, events, expectedRevision);
    await store.appendToStream(streamId, chained, { expectedRevision });
    return chained;
  };

  it('links each event to the one before it in its stream, and checks clean with the last hash as head', async () => {
    await append('s-a', [event(1), event(2)], 'no_stream');
    await append('s-b', [event(3)], 'no_stream');
    const last = await append('s-a', [event(4)], 1);

    const report = await checkStreamChains(store, last[0]!.metadata!['hash'] as string);

    expect(report).toEqual({ head: last[0]!.metadata!['hash'], chained: 4, unchained: 0, problems: [] });
  });

  it('gives a retry with the same expectation the same hashes, so the server can recognise it', async () => {
    const first = await append('s-a', [event(1)], 'no_stream');
    const retry = await chainInStream(store, 's-a', first.map(({ metadata, ...rest }) => ({ ...rest, metadata: { recordedBy: metadata!['recordedBy'] } })), 'no_stream');
    expect(retry).toEqual(first);
  });

  it('finds an event whose hash does not follow, and a head that is not in the log', async () => {
    await append('s-a', [event(1)], 'no_stream');
    await store.appendToStream('s-a', [{ ...event(2), metadata: { recordedBy: 'test', hash: 'f'.repeat(64) } }], { expectedRevision: 0 });

    const report = await checkStreamChains(store, 'e'.repeat(64));

    expect(report.problems.map((p) => p.reason)).toEqual([
      'its hash does not match its content and the event before it in its stream',
      `the expected head ${'e'.repeat(64)} is not in the chain: the log was rolled back or rewritten`,
    ]);
  });
});
