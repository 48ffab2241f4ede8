import { randomUUID } from 'node:crypto';
import type { ExpectedRevision, NewEvent } from '../event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { GENESIS, streamChainHash } from './chain';
import { chainInStream, checkStreamChains } from './stream-chain';

/** The per-stream chain EventStoreDB keeps in metadata, written and checked here over the real SQLite store. */
describe('hashes chained within each stream, kept in metadata', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  const event = (n: number): NewEvent => ({
    id: randomUUID(),
    type: 'Counted',
    data: { n },
    metadata: { recordedBy: 'test' },
  });
  const append = async (
    streamId: string,
    events: NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<NewEvent[]> => {
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
    const retry = await chainInStream(
      store,
      's-a',
      first.map(({ metadata, ...rest }) => ({ ...rest, metadata: { recordedBy: metadata!['recordedBy'] } })),
      'no_stream',
    );
    expect(retry).toEqual(first);
  });

  it('finds an event whose hash does not follow, and a head that is not in the log', async () => {
    await append('s-a', [event(1)], 'no_stream');
    await store.appendToStream(
      's-a',
      [{ ...event(2), metadata: { recordedBy: 'test', hash: 'f'.repeat(64) } }],
      { expectedRevision: 0 },
    );

    const report = await checkStreamChains(store, 'e'.repeat(64));

    expect(report.problems.map((p) => p.reason)).toEqual([
      'its hash does not match its content and the event before it in its stream',
      `the expected head ${'e'.repeat(64)} is not in the chain: the log was rolled back or rewritten`,
    ]);
  });

  /** Events as the builds before encoding 2 chained them: a hash in metadata, and no encoding beside it. */
  const appendInEncodingOne = async (streamId: string, count: number): Promise<string> => {
    let previous = GENESIS;
    for (let revision = 0; revision < count; revision++) {
      const metadata = { recordedBy: 'earlier build' };
      const data = { n: revision, text: 'ä "quoted"' };
      previous = streamChainHash(
        previous,
        {
          streamId,
          revision,
          type: 'Counted',
          data: JSON.stringify(data),
          metadata: JSON.stringify(metadata),
        },
        1,
      );
      await store.appendToStream(
        streamId,
        [{ id: randomUUID(), type: 'Counted', data, metadata: { ...metadata, hash: previous } }],
        { expectedRevision: revision === 0 ? 'no_stream' : revision - 1 },
      );
    }
    return previous;
  };

  it('checks clean a stream chained in encoding 1 by an earlier build, then in encoding 2', async () => {
    await appendInEncodingOne('s-a', 2);
    const last = await append('s-a', [event(3), event(4)], 1);

    const report = await checkStreamChains(store, last[1]!.metadata!['hash'] as string);

    expect(last.map((e) => e.metadata!['hashEncoding'])).toEqual([2, 2]);
    expect(report).toEqual({ head: last[1]!.metadata!['hash'], chained: 4, unchained: 0, problems: [] });
  });

  it('finds an encoding-2 event whose metadata was changed, one passed off as encoding 1, and an unknown encoding', async () => {
    // Each event is chained where it is written, then changed in one way only before it is stored.
    const written = async (
      streamId: string,
      change: (metadata: Record<string, unknown>) => Record<string, unknown>,
    ): Promise<void> => {
      const [chained] = await chainInStream(store, streamId, [event(1)], 'no_stream');
      await store.appendToStream(streamId, [{ ...chained!, metadata: change({ ...chained!.metadata }) }], {
        expectedRevision: 'no_stream',
      });
    };
    await written('s-edited', (metadata) => ({ ...metadata, recordedBy: 'mallory' }));
    await written('s-passed-off', ({ hashEncoding: _dropped, ...metadata }) => metadata);
    await written('s-unknown', (metadata) => ({ ...metadata, hashEncoding: 7 }));
    await written('s-untouched', (metadata) => metadata);

    const report = await checkStreamChains(store);

    expect(report.problems).toEqual([
      { position: 1, reason: 'its hash does not match its content and the event before it in its stream' },
      { position: 2, reason: 'its hash does not match its content and the event before it in its stream' },
      { position: 3, reason: 'its hash is of encoding 7, which this build does not know' },
    ]);
    expect(report.chained).toBe(4);
  });
});
