import {
  ANY,
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  convertToCommandError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type JSONType,
  type Position,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { Observable } from 'rxjs';
import { InvalidArgument, StoreUnavailable, WrongExpectedRevision } from '../errors';
import {
  type AppendOptions,
  type AppendResult,
  EventStore,
  type ExpectedRevision,
  type IntegrityReport,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '../event-store';
import { checkNewEvents, checkWholeNumber, isExpectedRevision } from '../expectations';
import { chainInStream, checkStreamChains } from '../integrity/stream-chain';

/**
 * The production store: EventStoreDB/KurrentDB through `@eventstore/db-client`. This is the only file that
 * imports the client; driver errors become the port's errors here.
 *
 * Positions: the port's position is the event's *prepare* position in the `$all` log, a byte offset. Events
 * appended over gRPC are written with their commit position equal to it, so (p, p) is the event's own position:
 * the server reads forwards from it inclusively, backwards from it exclusively (as from the end of a record), and
 * refuses a position inside a record (`p + 1`) as invalid. Every call with a position goes through `at`.
 *
 * Idempotency is EventStoreDB's own: by event id, within a stream, without comparing content. With an exact
 * expected revision a retry is recognised however late it comes; with `any` or `stream_exists` only while the
 * ids are still in the server's bounded cache of recent writes (see the port).
 *
 * Every read runs as a gRPC call without a deadline: a read the caller leaves early is cancelled here, or it would
 * hold one of the connection's HTTP/2 streams (about a hundred) until the client is disposed.
 */
export class EventStoreDbEventStore extends EventStore {
  private closed = false;

  /** `release` frees the connection when this store closes: by default the client is closed with it. */
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly release: () => Promise<void> = () => closeClient(client, []),
  ) {
    super();
  }

  /** A store on the shared connection for this connection string (one client per string in the process). */
  static connect(connectionString: string): EventStoreDbEventStore {
    const connection = connections.get(connectionString) ?? openConnection(connectionString);
    connection.users += 1;
    return new EventStoreDbEventStore(connection.client, () => connection.leave());
  }

  override async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    { expectedRevision }: AppendOptions,
  ): Promise<AppendResult> {
    checkNewEvents(streamId, events);
    const expected = toClientRevision(expectedRevision);
    // Each event's hash, chained within its stream, goes into its metadata (see ../integrity/stream-chain.ts).
    const chained = await chainInStream(this, streamId, events, expectedRevision);
    let result;
    try {
      result = await this.client.appendToStream(
        streamId,
        chained.map((event) =>
          jsonEvent({
            id: event.id,
            type: event.type,
            data: event.data as JSONType,
            metadata: event.metadata ?? {},
          }),
        ),
        { expectedRevision: expected },
      );
    } catch (error) {
      throw translate(error, `append to ${streamId}`, { streamId, expected: expectedRevision });
    }
    const nextExpectedRevision = Number(result.nextExpectedRevision);
    // The server answers a recognised retry without a position: the original one is read back.
    const position = result.position
      ? Number(result.position.prepare)
      : await this.positionOf(streamId, nextExpectedRevision);
    return { nextExpectedRevision, position };
  }

  override async *readStream(
    streamId: string,
    options: ReadStreamOptions = {},
  ): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    if (options.fromRevision !== undefined) checkWholeNumber('fromRevision', options.fromRevision);
    if (options.maxCount !== undefined) checkWholeNumber('maxCount', options.maxCount);
    if (options.maxCount === 0) return;
    const read = this.client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision:
        options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    try {
      yield* eventsOf(read, `read ${streamId}`);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw error;
    }
  }

  override async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition;
    if (from !== undefined) checkWholeNumber('fromPosition', from);
    if (options.maxCount !== undefined) checkWholeNumber('maxCount', options.maxCount);
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining === 0) return;
    if (backwards && from !== undefined) {
      // Backwards, the server starts before the record at `from`: that event is read on its own, forwards.
      const first = this.client.readAll({ direction: FORWARDS, fromPosition: at(from), maxCount: 1 });
      for await (const event of eventsOf(first, `read $all at ${from}`, isOurs)) {
        if (event.position !== from) continue;
        yield event;
        remaining -= 1;
      }
      if (remaining === 0) return;
    }
    // No maxCount goes to the server, which would count the system events dropped here; the read is cancelled instead.
    const read = this.client.readAll({
      direction: backwards ? BACKWARDS : FORWARDS,
      fromPosition: from === undefined ? (backwards ? END : START) : at(from),
    });
    for await (const event of eventsOf(
      read,
      `read $all from ${from ?? (backwards ? 'the end' : 'the start')}`,
      isOurs,
    )) {
      if (from !== undefined && (backwards ? event.position >= from : event.position < from)) continue;
      yield event;
      remaining -= 1;
      if (remaining === 0) return;
    }
  }

  override subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    const checkpoint =
      options.fromPosition === undefined || options.fromPosition === 'start'
        ? undefined
        : options.fromPosition;
    return new Observable<RecordedEvent>((subscriber) => {
      if (checkpoint !== undefined) checkWholeNumber('fromPosition', checkpoint);
      const subscription = this.client.subscribeToAll({
        fromPosition: checkpoint === undefined ? START : at(checkpoint),
        // The server filters on the type only; `isOurs` also drops `$` streams, as reads do.
        filter: excludeSystemEvents(),
      });
      subscription.on('data', (resolved: AllStreamResolvedEvent) => {
        const event = toRecorded(resolved);
        if (event && isOurs(event) && (checkpoint === undefined || event.position > checkpoint))
          subscriber.next(event);
      });
      subscription.on('error', (error: Error) => subscriber.error(translate(error, 'subscription to $all')));
      // A subscription to $all has no end of its own: the server ended it (a slow subscriber is dropped), and a
      // subscriber that took that for completion would go stale without a word.
      subscription.on('end', () =>
        subscriber.error(
          new StoreUnavailable(
            'the server ended the subscription to $all: resubscribe from the last position processed',
          ),
        ),
      );
      return () => {
        void subscription.unsubscribe();
      };
    });
  }

  override checkIntegrity(expectedHead?: string): Promise<IntegrityReport> {
    return checkStreamChains(this, expectedHead);
  }

  override async headPosition(): Promise<number | null> {
    for await (const event of this.readAll({ direction: 'backwards', maxCount: 1 })) return event.position;
    return null;
  }

  override async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.release();
  }

  private async positionOf(streamId: string, revision: number): Promise<number> {
    for await (const event of this.readStream(streamId, { fromRevision: revision, maxCount: 1 }))
      return event.position;
    throw new Error(
      `stream ${streamId}: the server acknowledged revision ${revision}, which cannot be read back`,
    );
  }
}

/** A client and the stores that use it; the last store to close closes the client. */
interface Connection {
  readonly client: EventStoreDBClient;
  users: number;
  leave(): Promise<void>;
}

const connections = new Map<string, Connection>();

function openConnection(connectionString: string): Connection {
  const client = EventStoreDBClient.connectionString(connectionString);
  const channels = trackChannels(client);
  const connection: Connection = {
    client,
    users: 0,
    leave: async () => {
      connection.users -= 1;
      if (connection.users > 0) return;
      connections.delete(connectionString);
      await closeClient(client, channels);
    },
  };
  connections.set(connectionString, connection);
  return connection;
}

type Channel = Awaited<ReturnType<EventStoreDBClient['getChannel']>>;

/**
 * The client keeps its gRPC channel to itself and `dispose()` cancels calls but leaves the channel open, so each
 * channel it opens (one per connection, a new one after a reconnection) is noted here, to be closed with it.
 */
function trackChannels(client: EventStoreDBClient): Set<Promise<Channel>> {
  const channels = new Set<Promise<Channel>>();
  const getChannel = client['getChannel'];
  client['getChannel'] = () => {
    const channel = getChannel();
    channels.add(channel);
    return channel;
  };
  return channels;
}

async function closeClient(client: EventStoreDBClient, channels: Iterable<Promise<Channel>>): Promise<void> {
  await client.dispose();
  for (const channel of await Promise.allSettled(channels)) {
    if (channel.status === 'fulfilled') channel.value.close();
  }
}

/**
 * Yields the events of one client read, with the driver's errors made port errors. When the reader leaves the
 * loop early, the gRPC call is cancelled: leaving a `for await` destroys only the client's Transform.
 */
async function* eventsOf(
  read: StreamingRead<ResolvedEvent | AllStreamResolvedEvent>,
  what: string,
  keep: (event: RecordedEvent) => boolean = () => true,
): AsyncIterable<RecordedEvent> {
  let ended = false;
  try {
    for await (const resolved of read) {
      const event = toRecorded(resolved);
      if (event && keep(event)) yield event;
    }
    ended = true;
  } catch (error) {
    ended = true;
    throw translate(error, what);
  } finally {
    if (!ended) await read.cancel();
  }
}

function toClientRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (!isExpectedRevision(expected)) {
    throw new InvalidArgument(
      `expectedRevision must be any, no_stream, stream_exists or a whole number from 0, got ${String(expected)}`,
    );
  }
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

/** gRPC's INVALID_ARGUMENT: the server's answer to a read from a position that is not an event's. */
const GRPC_INVALID_ARGUMENT = 3;

/** The port's error for a driver error (or the error itself when the port has none for it). Exported for the tests. */
export function translate(
  raw: unknown,
  what: string,
  append?: { readonly streamId: string; readonly expected: ExpectedRevision },
): unknown {
  // Some client paths (its feature probe before an append) throw the bare gRPC error: give it the client's type first.
  const error = raw instanceof Error ? convertToCommandError(raw) : raw;
  if (error instanceof WrongExpectedVersionError && append) {
    const actual = error.actualVersion;
    return new WrongExpectedRevision(
      append.streamId,
      append.expected,
      typeof actual === 'bigint' ? Number(actual) : null,
    );
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidArgument(
      `${what}: the events are larger than the server's maximum append size of ${error.maxAppendSize} bytes`,
    );
  }
  if (error instanceof NotLeaderError) {
    return new StoreUnavailable(
      `${what}: the node is not the leader (the leader is ${error.leader.address}:${error.leader.port}); retry`,
    );
  }
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError
  ) {
    return new StoreUnavailable(`${what}: ${error.message}`);
  }
  if (error instanceof UnknownError && Number(error.code) === GRPC_INVALID_ARGUMENT) {
    return new InvalidArgument(`${what}: the server refused the call: ${error.message}`);
  }
  return raw;
}

function at(position: number): Position {
  const p = BigInt(position);
  return { commit: p, prepare: p };
}

/** EventStoreDB's own events live in streams, or have types, that start with `$`; the port shows neither. */
function isOurs(event: RecordedEvent): boolean {
  return !event.streamId.startsWith('$') && !event.type.startsWith('$');
}

/** Exported for the translation tests, which run without a server. */
export function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event?.isJson) return undefined;
  return {
    id: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: event.position ? Number(event.position.prepare) : -1,
    type: event.type,
    data: event.data,
    metadata: (event.metadata ?? {}) as Record<string, unknown>,
    recordedAt: event.created.toISOString(),
  };
}
