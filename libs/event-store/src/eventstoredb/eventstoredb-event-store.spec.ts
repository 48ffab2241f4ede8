import {
  type EventStoreDBClient,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { Channel, connectivityState, Metadata, status } from '@grpc/grpc-js';
import { createServer, type Http2Server } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { firstValueFrom, take, toArray } from 'rxjs';
import { InvalidArgument, StoreUnavailable, WrongExpectedRevision } from '../errors';
import type { RecordedEvent } from '../event-store';
import { FakeEventStoreDbServer, type LoggedEvent } from '../testing/fake-eventstoredb-calls';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const id = '6f1c1a3e-9d2b-4c1e-8b7a-1d2e3f4a5b6c';

/** A log as a server holds it: positions are byte offsets, sparse, with EventStoreDB's own events among ours. */
function serverLog(): LoggedEvent[] {
  const log: LoggedEvent[] = [];
  let position = 1_000;
  const add = (streamId: string, type: string): void => {
    const revision = log.filter((e) => e.streamId === streamId).length;
    log.push({ id: randomUUID(), streamId, revision, position, type, data: { n: log.length } });
    position += 150 + (log.length % 7) * 13;
  };
  add('$settings', '$settings');
  for (let n = 0; n < 40; n++) {
    add(`organisation-o${n % 4}`, 'SomethingHappened');
    // A persistent subscription's configuration: a `$` stream, but a type without `$`.
    if (n === 10) add('$persistentSubscriptionConfig', 'PersistentConfig1');
    if (n === 20) add('$stats-127.0.0.1:2113', '$statsCollected');
  }
  return log;
}

const ours = (log: readonly LoggedEvent[]): LoggedEvent[] =>
  log.filter((e) => !e.streamId.startsWith('$') && !e.type.startsWith('$'));

async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const event of iterable) out.push(event);
  return out;
}

describe("EventStoreDB adapter on the client's own ReadStream and Subscription, fed by fake gRPC calls (no server runs here)", () => {
  let server: FakeEventStoreDbServer;
  let store: EventStoreDbEventStore;
  beforeEach(() => {
    server = new FakeEventStoreDbServer(serverLog());
    store = new EventStoreDbEventStore(server.client(), () => Promise.resolve());
  });

  it('cancels the gRPC call when a reader leaves a read early, and leaves no call open after 200 health probes', async () => {
    for await (const event of store.readAll()) {
      expect(event.streamId).toBe('organisation-o0');
      break;
    }
    expect(server.calls[0]!.cancelled).toBe(true);

    for (let n = 0; n < 200; n++) await store.headPosition();
    await collect(store.readAll({ maxCount: 3 }));
    await collect(store.readStream('organisation-o1', { maxCount: 1 }));

    expect(server.calls.length).toBeGreaterThan(200);
    expect(server.openCalls()).toEqual([]);
  });

  it('lets a read that runs to its end close by itself, without a cancel', async () => {
    const read = await collect(store.readAll());
    expect(read.map((e) => e.id)).toEqual(ours(server.log).map((e) => e.id));
    expect(server.calls.map((call) => [call.ended, call.cancelled])).toEqual([[true, false]]);
  });

  it('reads all backwards from a position inclusively, though the server reads backwards from a position exclusively', async () => {
    const log = ours(server.log);
    const tenth = log[9]!;

    const backwards = await collect(
      store.readAll({ fromPosition: tenth.position, direction: 'backwards', maxCount: 3 }),
    );
    expect(backwards.map((e) => e.id)).toEqual([log[9]!.id, log[8]!.id, log[7]!.id]);
    expect(await store.headPosition()).toBe(log.at(-1)!.position);
    const forwards = await collect(store.readAll({ fromPosition: tenth.position, maxCount: 2 }));
    expect(forwards.map((e) => e.id)).toEqual([log[9]!.id, log[10]!.id]);
  });

  it('refuses a position inside a record as InvalidArgument, as the server answers it, in reads and subscriptions', async () => {
    const inside = ours(server.log)[3]!.position + 1;

    await expect(collect(store.readAll({ fromPosition: inside }))).rejects.toThrow(InvalidArgument);
    await expect(collect(store.readAll({ fromPosition: inside, direction: 'backwards' }))).rejects.toThrow(
      InvalidArgument,
    );
    await expect(firstValueFrom(store.subscribeToAll({ fromPosition: inside }))).rejects.toThrow(
      InvalidArgument,
    );
  });

  it("drops EventStoreDB's own events alike in reads and subscriptions, by stream as well as by type", async () => {
    const log = ours(server.log);
    const read = await collect(store.readAll());
    const live = await firstValueFrom(store.subscribeToAll().pipe(take(log.length), toArray()));

    expect(read.map((e) => e.id)).toEqual(log.map((e) => e.id));
    expect(live.map((e) => e.id)).toEqual(read.map((e) => e.id));
  });

  it('resumes a subscription strictly after its checkpoint', async () => {
    const log = ours(server.log);
    const rest = await firstValueFrom(
      store.subscribeToAll({ fromPosition: log[4]!.position }).pipe(take(3), toArray()),
    );
    expect(rest.map((e) => e.id)).toEqual(log.slice(5, 8).map((e) => e.id));
  });

  it('errors a subscription that the server ends, rather than completing it: a subscription to $all has no end', async () => {
    server.subscriptionEnds = true;
    const received: RecordedEvent[] = [];
    const outcome = new Promise<unknown>((resolve) => {
      store.subscribeToAll().subscribe({
        next: (e) => received.push(e),
        error: resolve,
        complete: () => resolve('completed'),
      });
    });

    const error = await outcome;
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect(String(error)).toMatch(/ended the subscription.*resubscribe from the last position/);
    expect(received).toHaveLength(ours(server.log).length);
  });

  it('reads a stream the server does not know as empty', async () => {
    expect(await collect(store.readStream('organisation-unknown'))).toEqual([]);
    expect(server.openCalls()).toEqual([]);
  });

  it('refuses fractions, negatives and empty appends as InvalidArgument before calling the server', async () => {
    const appendToStream = jest.fn();
    const strict = new EventStoreDbEventStore(
      { ...server.client(), appendToStream } as unknown as EventStoreDBClient,
      () => Promise.resolve(),
    );
    const event = { id, type: 'A', data: {} };

    await expect(strict.appendToStream('s', [event], { expectedRevision: 1.5 })).rejects.toThrow(
      InvalidArgument,
    );
    await expect(strict.appendToStream('s', [event], { expectedRevision: -1 })).rejects.toThrow(
      InvalidArgument,
    );
    await expect(strict.appendToStream('s', [], { expectedRevision: 'no_stream' })).rejects.toThrow(
      /at least one event/,
    );
    await expect(
      strict.appendToStream('s', [{ ...event, id: 'nope' }], { expectedRevision: 'any' }),
    ).rejects.toThrow(/must be a UUID/);
    await expect(collect(strict.readStream('organisation-o1', { fromRevision: 1.5 }))).rejects.toThrow(
      InvalidArgument,
    );
    await expect(collect(strict.readAll({ fromPosition: 1.5 }))).rejects.toThrow(InvalidArgument);
    await expect(collect(strict.readAll({ maxCount: -1 }))).rejects.toThrow(InvalidArgument);
    expect(appendToStream).not.toHaveBeenCalled();
    expect(server.calls).toEqual([]);
  });

  it('answers a retry the server recognised without a position with the original position, read back', async () => {
    const stored = ours(server.log).filter((e) => e.streamId === 'organisation-o2');
    const appendToStream = jest
      .fn()
      .mockResolvedValue({ success: true, nextExpectedRevision: BigInt(3), position: undefined });
    const retrying = new EventStoreDbEventStore(
      { ...server.client(), appendToStream } as unknown as EventStoreDBClient,
      () => Promise.resolve(),
    );

    const result = await retrying.appendToStream('organisation-o2', [{ id, type: 'A', data: {} }], {
      expectedRevision: 2,
    });

    expect(result).toEqual({ nextExpectedRevision: 3, position: stored[3]!.position });
  });
});

describe('EventStoreDB adapter error translation (mocked EventStoreDB client)', () => {
  // readStream: an append with an exact revision first reads the event it chains its hash to (here, none).
  const failingWith = (error: Error): EventStoreDbEventStore =>
    new EventStoreDbEventStore(
      {
        appendToStream: jest.fn().mockRejectedValue(error),
        readStream: jest.fn().mockReturnValue([]),
      } as unknown as EventStoreDBClient,
      () => Promise.resolve(),
    );
  const append = (store: EventStoreDbEventStore, expectedRevision: 'no_stream' | number = 'no_stream') =>
    store.appendToStream('organisation-csto', [{ id, type: 'A', data: {} }], { expectedRevision });
  const grpcError = (code: status, details: string, metadata = new Metadata()) =>
    Object.assign(new Error(`${code} ${details}`), { code, details, metadata });

  it('turns the client wrong-expected-version error into the port error with stream, expected and actual', async () => {
    const store = failingWith(
      new WrongExpectedVersionError(undefined, {
        streamName: 'organisation-csto',
        expected: NO_STREAM,
        current: BigInt(4),
      }),
    );
    const failure = append(store);
    await expect(failure).rejects.toBeInstanceOf(WrongExpectedRevision);
    await expect(failure).rejects.toMatchObject({
      streamId: 'organisation-csto',
      expected: 'no_stream',
      actual: 4,
    });
  });

  it('turns a too large append into InvalidArgument naming the limit', async () => {
    await expect(
      append(failingWith(MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576))),
    ).rejects.toThrow(
      new InvalidArgument(
        "append to organisation-csto: the events are larger than the server's maximum append size of 1048576 bytes",
      ),
    );
  });

  it('turns an unreachable server and a follower node into StoreUnavailable', async () => {
    const unavailable = new UnavailableError(
      grpcError(status.UNAVAILABLE, 'No connection established. Last error: connect ECONNREFUSED'),
    );
    await expect(append(failingWith(unavailable))).rejects.toThrow(StoreUnavailable);

    const leader = new Metadata();
    leader.set('exception', 'not-leader');
    leader.set('leader-endpoint-host', 'node2');
    leader.set('leader-endpoint-port', '2113');
    const notLeader = new NotLeaderError(grpcError(status.NOT_FOUND, 'Leader info available', leader));
    await expect(append(failingWith(notLeader), 3)).rejects.toThrow(
      /not the leader \(the leader is node2:2113\)/,
    );
    await expect(append(failingWith(notLeader), 3)).rejects.toBeInstanceOf(StoreUnavailable);
  });

  it('passes the expected revision to the client as a bigint and returns numbers', async () => {
    const appendToStream = jest.fn().mockResolvedValue({
      success: true,
      nextExpectedRevision: BigInt(3),
      position: { commit: BigInt(900), prepare: BigInt(880) },
    });
    // The event at revision 2, which the new one is chained to.
    const readStream = jest.fn().mockReturnValue([
      {
        event: {
          id,
          streamId: 'organisation-csto',
          revision: BigInt(2),
          type: 'A',
          data: {},
          metadata: { hash: 'a'.repeat(64) },
          isJson: true,
          created: new Date(0),
        },
      },
    ]);
    const store = new EventStoreDbEventStore(
      { appendToStream, readStream } as unknown as EventStoreDBClient,
      () => Promise.resolve(),
    );

    const result = await store.appendToStream('organisation-csto', [{ id, type: 'A', data: { a: 1 } }], {
      expectedRevision: 2,
    });

    expect(appendToStream.mock.calls[0][2]).toEqual({ expectedRevision: BigInt(2) });
    expect(result).toEqual({ nextExpectedRevision: 3, position: 880 });
    expect(readStream.mock.calls[0]).toEqual([
      'organisation-csto',
      expect.objectContaining({ fromRevision: BigInt(2) }),
    ]);
    expect(appendToStream.mock.calls[0][1][0].metadata).toEqual({
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      hashEncoding: 2,
    });
  });
});

describe('EventStoreDB connections: one real client per connection string, closed with its last store (an HTTP/2 stub answers UNIMPLEMENTED)', () => {
  // No EventStoreDB server runs here. A refused connection would not do: the client closes a channel that fails to
  // connect on its own, so a stub that answers every call with a gRPC status keeps the channel up for the test.
  let stub: Http2Server;
  let connectionString: string;
  beforeAll(async () => {
    stub = createServer();
    stub.on('stream', (stream) => {
      stream.respond(
        {
          ':status': 200,
          'content-type': 'application/grpc',
          'grpc-status': String(status.UNIMPLEMENTED),
          'grpc-message': 'stub',
        },
        { endStream: true },
      );
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    connectionString = `esdb://127.0.0.1:${(stub.address() as AddressInfo).port}?tls=false`;
  });
  afterAll(async () => {
    await new Promise((resolve) => stub.close(resolve));
  });

  it('shares the client while a store is open, and closes its gRPC channel when the last one closes', async () => {
    const calls = jest.spyOn(Channel.prototype, 'createCall');
    const event = () => ({ id: randomUUID(), type: 'A', data: {} });
    try {
      const first = EventStoreDbEventStore.connect(connectionString);
      const second = EventStoreDbEventStore.connect(connectionString);
      await expect(first.appendToStream('s', [event()], { expectedRevision: 'any' })).rejects.toThrow(
        /UNIMPLEMENTED/,
      );
      await first.close();
      await first.close();
      await expect(second.appendToStream('s', [event()], { expectedRevision: 'any' })).rejects.toThrow(
        /UNIMPLEMENTED/,
      );

      const channels = new Set(calls.mock.contexts as Channel[]);
      expect(channels.size).toBe(1);
      const [channel] = [...channels];
      expect(channel!.getConnectivityState(false)).not.toBe(connectivityState.SHUTDOWN);
      await second.close();
      expect(channel!.getConnectivityState(false)).toBe(connectivityState.SHUTDOWN);
    } finally {
      calls.mockRestore();
    }
  });
});
