import { randomUUID } from 'node:crypto';
import { firstValueFrom, take, toArray } from 'rxjs';
import { EventIdConflict, InvalidArgument, WrongExpectedRevision } from '../errors';
import type { EventStore, NewEvent, RecordedEvent } from '../event-store';

/**
 * The behaviour every adapter of the port must show. Each test uses streams of its own and compares only
 * their events, so the suite also runs against a shared server that holds other data.
 */
export function describeEventStoreContract(
  adapter: string,
  open: () => Promise<EventStore>,
  { detectsIdClashes = true }: { detectsIdClashes?: boolean } = {},
): void {
  describe(`EventStore contract: ${adapter}`, () => {
    let store: EventStore;
    let prefix: string;

    beforeEach(async () => {
      store = await open();
      prefix = `contract${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    });
    afterEach(async () => {
      await store.close();
    });

    const stream = (name: string): string => `${prefix}-${name}`;
    const event = (type = 'SomethingHappened', data: unknown = { n: 1 }): NewEvent => ({
      id: randomUUID(),
      type,
      data,
      metadata: { recordedBy: 'contract-suite' },
    });
    const events = (count: number): NewEvent[] =>
      Array.from({ length: count }, (_, n) => event('SomethingHappened', { n }));
    const collect = async (iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
      const out: RecordedEvent[] = [];
      for await (const item of iterable) out.push(item);
      return out;
    };
    const ours = (all: RecordedEvent[]): RecordedEvent[] => all.filter((e) => e.streamId.startsWith(prefix));
    const readOurs = async (): Promise<RecordedEvent[]> => {
      const head = await store.headPosition();
      return head === null ? [] : ours(await collect(store.readAll()));
    };

    describe('append and read', () => {
      it('returns what was appended with revisions, positions and the store clock', async () => {
        const before = new Date(Date.now() - 60_000).toISOString();
        const written = [event('A', { a: 1 }), event('B', { b: [1, 'x'] })];
        const result = await store.appendToStream(stream('s'), written, { expectedRevision: 'no_stream' });
        const read = await collect(store.readStream(stream('s')));

        expect(result.nextExpectedRevision).toBe(1);
        expect(read.map((e) => [e.id, e.type, e.data, e.revision, e.streamId])).toEqual([
          [written[0]!.id, 'A', { a: 1 }, 0, stream('s')],
          [written[1]!.id, 'B', { b: [1, 'x'] }, 1, stream('s')],
        ]);
        expect(read[0]!.metadata).toMatchObject({ recordedBy: 'contract-suite' });
        expect(read[1]!.position).toBe(result.position);
        expect(read[0]!.position).toBeLessThan(read[1]!.position);
        for (const e of read) {
          expect(e.recordedAt > before).toBe(true);
          expect(new Date(e.recordedAt).toISOString()).toBe(e.recordedAt);
        }
      });

      it('reads a stream that does not exist as empty', async () => {
        expect(await collect(store.readStream(stream('missing')))).toEqual([]);
      });

      it('reads a stream from a revision, backwards, and up to a count', async () => {
        await store.appendToStream(stream('s'), events(5), { expectedRevision: 'no_stream' });
        const revisions = async (options: Parameters<EventStore['readStream']>[1]): Promise<number[]> =>
          (await collect(store.readStream(stream('s'), options))).map((e) => e.revision);

        expect(await revisions({ fromRevision: 2 })).toEqual([2, 3, 4]);
        expect(await revisions({ direction: 'backwards' })).toEqual([4, 3, 2, 1, 0]);
        expect(await revisions({ direction: 'backwards', fromRevision: 3, maxCount: 2 })).toEqual([3, 2]);
        expect(await revisions({ maxCount: 2 })).toEqual([0, 1]);
      });

      it('keeps a long stream whole and in order across read pages', async () => {
        await store.appendToStream(stream('long'), events(1300), { expectedRevision: 'no_stream' });
        const read = await collect(store.readStream(stream('long')));
        expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 1300 }, (_, n) => n));
      });
    });

    describe('appends to several streams and decided appends', () => {
      it('appends to several streams, each with its own expectation, and answers for each', async () => {
        await store.appendToStream(stream('b'), [event()], { expectedRevision: 'no_stream' });
        const results = await store.appendToStreams([
          { streamId: stream('a'), events: events(2), expectedRevision: 'no_stream' },
          { streamId: stream('b'), events: [event()], expectedRevision: 0 },
        ]);
        expect(results.map((r) => r.nextExpectedRevision)).toEqual([1, 1]);
        expect((await readOurs()).map((e) => [e.streamId, e.revision])).toEqual([
          [stream('b'), 0],
          [stream('a'), 0],
          [stream('a'), 1],
          [stream('b'), 1],
        ]);
      });

      it('decides on the stream as it stands and appends what was decided', async () => {
        await store.appendToStream(stream('s'), events(2), { expectedRevision: 'no_stream' });
        const seen: number[][] = [];
        const result = await store.appendDecided(stream('s'), (history) => {
          seen.push(history.map((e) => e.revision));
          return [event('Decided', { after: history.length })];
        });
        expect(seen.at(-1)).toEqual([0, 1]);
        expect(result.nextExpectedRevision).toBe(2);
        expect((await collect(store.readStream(stream('s')))).at(-1)).toMatchObject({
          type: 'Decided',
          data: { after: 2 },
        });
      });

      it('writes nothing when the decision is a refusal, and answers the head when it decides on nothing', async () => {
        const written = await store.appendToStream(stream('s'), [event()], { expectedRevision: 'no_stream' });
        await expect(
          store.appendDecided(stream('s'), () => {
            throw new Error('refused by the rules');
          }),
        ).rejects.toThrow('refused by the rules');
        expect(await store.appendDecided(stream('s'), () => [])).toEqual(written);
        expect(await collect(store.readStream(stream('s')))).toHaveLength(1);
      });
    });

    describe('expected revision', () => {
      it('accepts any revision with any', async () => {
        await store.appendToStream(stream('s'), [event()], { expectedRevision: 'any' });
        const result = await store.appendToStream(stream('s'), [event()], { expectedRevision: 'any' });
        expect(result.nextExpectedRevision).toBe(1);
      });

      it('accepts no_stream only for a stream that does not exist', async () => {
        await store.appendToStream(stream('s'), [event()], { expectedRevision: 'no_stream' });
        await expect(
          store.appendToStream(stream('s'), [event()], { expectedRevision: 'no_stream' }),
        ).rejects.toThrow(WrongExpectedRevision);
      });

      it('accepts stream_exists only for a stream that exists', async () => {
        await expect(
          store.appendToStream(stream('s'), [event()], { expectedRevision: 'stream_exists' }),
        ).rejects.toMatchObject({ code: 'WRONG_EXPECTED_REVISION', streamId: stream('s'), actual: null });
        await store.appendToStream(stream('s'), [event()], { expectedRevision: 'no_stream' });
        const result = await store.appendToStream(stream('s'), [event()], {
          expectedRevision: 'stream_exists',
        });
        expect(result.nextExpectedRevision).toBe(1);
      });

      it('accepts an exact revision and names stream, expected and actual on a mismatch', async () => {
        await store.appendToStream(stream('s'), events(3), { expectedRevision: 'no_stream' });
        await expect(
          store.appendToStream(stream('s'), [event()], { expectedRevision: 1 }),
        ).rejects.toMatchObject({
          code: 'WRONG_EXPECTED_REVISION',
          streamId: stream('s'),
          expected: 1,
          actual: 2,
        });
        const result = await store.appendToStream(stream('s'), [event()], { expectedRevision: 2 });
        expect(result.nextExpectedRevision).toBe(3);
      });

      it('writes nothing and does not move the stream when the expectation fails', async () => {
        await store.appendToStream(stream('s'), events(2), { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(stream('s'), events(3), { expectedRevision: 0 })).rejects.toThrow(
          WrongExpectedRevision,
        );
        const result = await store.appendToStream(stream('s'), [event()], { expectedRevision: 1 });
        expect(result.nextExpectedRevision).toBe(2);
        expect(await collect(store.readStream(stream('s')))).toHaveLength(3);
      });
    });

    describe('concurrent writers', () => {
      it('lets exactly one of several racing writers win each revision', async () => {
        await store.appendToStream(stream('race'), [event()], { expectedRevision: 'no_stream' });
        const attempts = await Promise.allSettled(
          Array.from({ length: 8 }, () =>
            store.appendToStream(stream('race'), events(2), { expectedRevision: 0 }),
          ),
        );

        expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
        for (const failed of attempts.filter((a) => a.status === 'rejected')) {
          expect(failed.reason).toBeInstanceOf(WrongExpectedRevision);
        }
        expect((await collect(store.readStream(stream('race')))).map((e) => e.revision)).toEqual([0, 1, 2]);
      });

      it('loses and duplicates nothing when writers retry on conflict', async () => {
        const writer = async (name: string): Promise<string[]> => {
          const ids: string[] = [];
          for (let n = 0; n < 10; n++) {
            const next = event('Written', { writer: name, n });
            for (;;) {
              const last = (
                await collect(store.readStream(stream('shared'), { direction: 'backwards', maxCount: 1 }))
              )[0];
              try {
                await store.appendToStream(stream('shared'), [next], {
                  expectedRevision: last?.revision ?? 'no_stream',
                });
                ids.push(next.id);
                break;
              } catch (error) {
                if (!(error instanceof WrongExpectedRevision)) throw error;
              }
            }
          }
          return ids;
        };
        const written = (await Promise.all(['a', 'b', 'c', 'd'].map(writer))).flat();
        const read = await collect(store.readStream(stream('shared')));

        expect(read.map((e) => e.id).sort()).toEqual([...written].sort());
        expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 40 }, (_, n) => n));
      });
    });

    describe('idempotent retries', () => {
      it('writes nothing and returns the original result when the same events are appended again', async () => {
        const batch = events(3);
        const first = await store.appendToStream(stream('s'), batch, { expectedRevision: 'no_stream' });
        const again = await store.appendToStream(stream('s'), batch, { expectedRevision: 'no_stream' });

        expect(again).toEqual(first);
        expect(await collect(store.readStream(stream('s')))).toHaveLength(3);
      });

      it('recognises a retry after later appends to the same stream', async () => {
        const batch = events(2);
        await store.appendToStream(stream('s'), [event()], { expectedRevision: 'no_stream' });
        const first = await store.appendToStream(stream('s'), batch, { expectedRevision: 0 });
        await store.appendToStream(stream('s'), [event()], { expectedRevision: 2 });

        expect(await store.appendToStream(stream('s'), batch, { expectedRevision: 0 })).toEqual(first);
        expect(await collect(store.readStream(stream('s')))).toHaveLength(4);
      });

      if (!detectsIdClashes) {
        it.todo(`detect an id reused with other content or in another stream: ${adapter} cannot`);
        return;
      }

      it('rejects an id already stored with other content', async () => {
        const original = event('A', { v: 1 });
        await store.appendToStream(stream('s'), [original], { expectedRevision: 'no_stream' });
        await expect(
          store.appendToStream(stream('s'), [{ ...original, data: { v: 2 } }], { expectedRevision: 'any' }),
        ).rejects.toThrow(EventIdConflict);
      });

      it('rejects an id already stored in another stream', async () => {
        const original = event();
        await store.appendToStream(stream('one'), [original], { expectedRevision: 'no_stream' });
        await expect(
          store.appendToStream(stream('two'), [original], { expectedRevision: 'any' }),
        ).rejects.toMatchObject({ code: 'EVENT_ID_CONFLICT', eventId: original.id });
        expect(await collect(store.readStream(stream('two')))).toEqual([]);
      });
    });

    describe('atomicity', () => {
      // The failing event here is an id clash, which only adapters that detect clashes can produce.
      if (detectsIdClashes) {
        it('writes no event of a batch when one of them fails', async () => {
          const taken = event();
          await store.appendToStream(stream('other'), [taken], { expectedRevision: 'no_stream' });
          const headBefore = await store.headPosition();

          await expect(
            store.appendToStream(stream('s'), [event(), event(), taken, event()], {
              expectedRevision: 'any',
            }),
          ).rejects.toThrow(EventIdConflict);

          expect(await collect(store.readStream(stream('s')))).toEqual([]);
          expect(await store.headPosition()).toBe(headBefore);
          const result = await store.appendToStream(stream('s'), [event()], {
            expectedRevision: 'no_stream',
          });
          expect(result.nextExpectedRevision).toBe(0);
        });

        // The embedded store writes a long append in several statements: one refused late must take back the earlier ones.
        it('writes no event of a long batch when a late one fails, and names the id that was taken', async () => {
          const taken = event();
          await store.appendToStream(stream('other'), [taken], { expectedRevision: 'no_stream' });
          const headBefore = await store.headPosition();
          const batch = events(70);
          batch[50] = taken;

          await expect(
            store.appendToStream(stream('s'), batch, { expectedRevision: 'any' }),
          ).rejects.toMatchObject({ code: 'EVENT_ID_CONFLICT', eventId: taken.id });

          expect(await collect(store.readStream(stream('s')))).toEqual([]);
          expect(await store.headPosition()).toBe(headBefore);
        });
      }

      it('refuses a malformed append before writing anything', async () => {
        const twice = event();
        await expect(
          store.appendToStream(stream('s'), [twice, twice], { expectedRevision: 'any' }),
        ).rejects.toThrow(InvalidArgument);
        // Found before writing or, by the embedded store's unique index, as it writes: the same answer either way.
        await expect(
          store.appendToStream(stream('s'), [twice, event(), twice], { expectedRevision: 'any' }),
        ).rejects.toThrow(`events[2].id ${twice.id} appears twice in one append`);
        // Far apart in a long append, and next to each other late in one.
        const long = events(70);
        await expect(
          store.appendToStream(stream('s'), [...long.slice(0, 45), long[3] as NewEvent, ...long.slice(46)], {
            expectedRevision: 'any',
          }),
        ).rejects.toThrow(`events[45].id ${long[3]?.id} appears twice in one append`);
        await expect(
          store.appendToStream(stream('s'), [...long.slice(0, 61), long[60] as NewEvent, ...long.slice(62)], {
            expectedRevision: 'any',
          }),
        ).rejects.toThrow(`events[61].id ${long[60]?.id} appears twice in one append`);
        await expect(
          store.appendToStream(stream('s'), [{ ...event(), id: 'not-a-uuid' }], { expectedRevision: 'any' }),
        ).rejects.toThrow(/must be a UUID/);
        await expect(store.appendToStream('', [event()], { expectedRevision: 'any' })).rejects.toThrow(
          InvalidArgument,
        );
        // EventStoreDB would answer an empty append to a missing stream with a revision of 0: every adapter refuses it.
        await expect(
          store.appendToStream(stream('s'), [], { expectedRevision: 'no_stream' }),
        ).rejects.toThrow(InvalidArgument);
        await expect(store.appendToStream(stream('s'), [event()], { expectedRevision: 1.5 })).rejects.toThrow(
          InvalidArgument,
        );
        expect(await collect(store.readStream(stream('s')))).toEqual([]);
      });
    });

    describe('global order', () => {
      it('orders every stream by recording, with strictly increasing positions', async () => {
        const appended: string[] = [];
        for (let n = 0; n < 30; n++) {
          const e = event('Step', { n });
          await store.appendToStream(stream(`s${n % 3}`), [e], { expectedRevision: 'any' });
          appended.push(e.id);
        }
        const read = await readOurs();

        expect(read.map((e) => e.id)).toEqual(appended);
        read.slice(1).forEach((e, n) => expect(e.position).toBeGreaterThan(read[n]!.position));
      });

      it('reads all from a position inclusive, backwards and up to a count', async () => {
        await store.appendToStream(stream('s'), events(6), { expectedRevision: 'no_stream' });
        const all = await readOurs();
        const third = all[2]!.position;

        const fromThird = ours(await collect(store.readAll({ fromPosition: third })));
        expect(fromThird.map((e) => e.revision)).toEqual([2, 3, 4, 5]);
        const backwards = ours(
          await collect(store.readAll({ fromPosition: third, direction: 'backwards', maxCount: 2 })),
        );
        expect(backwards.map((e) => e.revision)).toEqual([2, 1]);
      });

      it('reads all in full pages that concatenate to the same events as readAll', async () => {
        await store.appendToStream(stream('s'), events(7), { expectedRevision: 'no_stream' });
        const all = await readOurs();
        const from = all[0]!.position;

        const pages: (readonly RecordedEvent[])[] = [];
        for await (const page of store.readAllPages({ fromPosition: from, pageSize: 3 })) pages.push(page);
        expect(pages.slice(0, -1).every((page) => page.length === 3)).toBe(true);
        expect(ours(pages.flat())).toEqual(all);
        await expect(store.readAllPages({ pageSize: 0 })[Symbol.asyncIterator]().next()).rejects.toThrow(
          InvalidArgument,
        );
      });
    });

    describe('subscription to all', () => {
      const isOurs = (e: RecordedEvent): boolean => e.streamId.startsWith(prefix);

      it('catches up, then goes live under concurrent appends, without gap or duplicate', async () => {
        const checkpoint = (await store.headPosition()) ?? 'start';
        const early = events(40);
        await store.appendToStream(stream('early'), early, { expectedRevision: 'no_stream' });

        const received: RecordedEvent[] = [];
        const done = new Promise<void>((resolve, reject) => {
          const subscription = store.subscribeToAll({ fromPosition: checkpoint }).subscribe({
            next: (e) => {
              if (!isOurs(e)) return;
              received.push(e);
              if (received.length === 40 + 4 * 25) {
                subscription.unsubscribe();
                resolve();
              }
            },
            error: reject,
          });
        });
        const writers = ['w0', 'w1', 'w2', 'w3'].map(async (name) => {
          for (let n = 0; n < 25; n++) {
            await store.appendToStream(stream(name), [event('Live', { n })], { expectedRevision: 'any' });
            if (n % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
          }
        });
        await Promise.all(writers);
        await done;

        const ids = received.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual((await readOurs()).map((e) => e.id));
        received.slice(1).forEach((e, n) => expect(e.position).toBeGreaterThan(received[n]!.position));
      });

      it('resumes after a checkpoint without repeating or skipping', async () => {
        const checkpoint = (await store.headPosition()) ?? 'start';
        await store.appendToStream(stream('s'), events(20), { expectedRevision: 'no_stream' });
        const firstTen = await firstValueFrom(
          store.subscribeToAll({ fromPosition: checkpoint }).pipe(take(10), toArray()),
        );
        await store.appendToStream(stream('s'), events(5), { expectedRevision: 19 });

        const rest = await firstValueFrom(
          store.subscribeToAll({ fromPosition: firstTen.at(-1)!.position }).pipe(take(15), toArray()),
        );

        expect([...firstTen, ...rest].map((e) => e.revision)).toEqual(
          Array.from({ length: 25 }, (_, n) => n),
        );
      });

      it('delivers nothing more once unsubscribed', async () => {
        const checkpoint = (await store.headPosition()) ?? 'start';
        const received: RecordedEvent[] = [];
        const subscription = store.subscribeToAll({ fromPosition: checkpoint }).subscribe((e) => {
          if (isOurs(e)) received.push(e);
        });
        await store.appendToStream(stream('s'), [event()], { expectedRevision: 'no_stream' });
        await waitFor(() => received.length === 1);
        subscription.unsubscribe();

        await store.appendToStream(stream('s'), events(3), { expectedRevision: 0 });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(received).toHaveLength(1);
      });
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
