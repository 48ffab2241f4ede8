import { type ClientReadableStream, Metadata, status } from '@grpc/grpc-js';
import type { EventStoreDBClient } from '@eventstore/db-client';
import { ReadStream } from '@eventstore/db-client/dist/streams/utils/ReadStream';
import { Subscription } from '@eventstore/db-client/dist/streams/utils/Subscription';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { Readable } from 'node:stream';
import type { RecordedEvent } from '../event-store';

/** An event as the fake server holds it: `position` is its byte offset in the log, as on a real server. */
export type LoggedEvent = Pick<RecordedEvent, 'id' | 'streamId' | 'revision' | 'position' | 'type' | 'data'>;

interface Failure {
  readonly fail: { readonly code: status; readonly details: string };
}

/** How a call goes on once its messages are read: the server ends it, keeps it open (a live subscription), or fails it. */
type CallEnd = 'end' | 'stay open' | Failure;

/**
 * A gRPC server-streaming call as grpc-js gives it to the client: an object stream of `ReadResp` messages that
 * stays open until the server ends it or the client cancels it (cancelling fails it with the status grpc-js uses,
 * which the client's classes ignore). No EventStoreDB server runs here; this stands in for its side of one call.
 */
export class FakeGrpcCall extends Readable {
  cancelled = false;
  ended = false;
  private readonly pending: ReadResp[];

  constructor(
    responses: readonly ReadResp[],
    private readonly then: CallEnd,
  ) {
    super({ objectMode: true, highWaterMark: 1 });
    this.pending = [...responses];
  }

  /** True while the call holds one of the connection's HTTP/2 streams. */
  get open(): boolean {
    return !this.ended && !this.cancelled;
  }

  override _read(): void {
    const next = this.pending.shift();
    if (next) {
      this.push(next);
      return;
    }
    if (this.then === 'stay open') return;
    this.ended = true;
    if (this.then === 'end') this.push(null);
    else
      this.destroy(
        Object.assign(new Error(`${this.then.fail.code} ${this.then.fail.details}`), {
          ...this.then.fail,
          metadata: new Metadata(),
        }),
      );
  }

  cancel(): void {
    if (this.cancelled || this.ended) return;
    this.cancelled = true;
    this.destroy(
      Object.assign(new Error('1 CANCELLED: Cancelled on client'), {
        code: status.CANCELLED,
        details: 'Cancelled on client',
        metadata: new Metadata(),
      }),
    );
  }
}

interface ReadAllRequest {
  readonly direction?: 'forwards' | 'backwards';
  readonly fromPosition?: 'start' | 'end' | { readonly commit: bigint; readonly prepare: bigint };
  readonly maxCount?: number | bigint;
}

/**
 * The server's side of `readAll`, `readStream` and `subscribeToAll` over a log held in memory, answered through the
 * client's own `ReadStream` and `Subscription` classes. As the server does: forwards from a position is
 * inclusive, backwards from a position is exclusive (the position is read as the end of a record), a position
 * that is not an event's is refused with INVALID_ARGUMENT, reads end when the log does, and a subscription stays
 * open after catching up unless `subscriptionEnds` says the server drops it.
 */
export class FakeEventStoreDbServer {
  readonly calls: FakeGrpcCall[] = [];
  subscriptionEnds = false;

  constructor(readonly log: readonly LoggedEvent[]) {}

  /** A client whose reads and subscriptions are answered by this fake server. */
  client(): EventStoreDBClient {
    return {
      readAll: (request: ReadAllRequest = {}) =>
        new ReadStream(() => asCall(this.readAll(request)), convertGrpcEvent, {}),
      readStream: (
        streamId: string,
        request: { direction?: string; fromRevision?: 'start' | 'end' | bigint; maxCount?: number } = {},
      ) => new ReadStream(() => asCall(this.readStream(streamId, request)), convertGrpcEvent, {}),
      subscribeToAll: (request: ReadAllRequest = {}) =>
        new Subscription(() => asCall(this.subscribeToAll(request)), convertGrpcEvent, {}, undefined),
    } as unknown as EventStoreDBClient;
  }

  /** Calls that still hold an HTTP/2 stream. */
  openCalls(): FakeGrpcCall[] {
    return this.calls.filter((call) => call.open);
  }

  private readAll({
    direction = 'forwards',
    fromPosition = direction === 'forwards' ? 'start' : 'end',
    maxCount,
  }: ReadAllRequest): FakeGrpcCall {
    const invalid = this.invalidPosition(fromPosition);
    if (invalid) return this.call([], invalid);
    const forwards = direction === 'forwards';
    let events = forwards ? [...this.log] : [...this.log].reverse();
    if (typeof fromPosition === 'object') {
      const p = Number(fromPosition.prepare);
      events = events.filter((e) => (forwards ? e.position >= p : e.position < p));
    }
    return this.call(
      events.slice(0, maxCount === undefined ? undefined : Number(maxCount)).map(toReadResp),
      'end',
    );
  }

  private readStream(
    streamId: string,
    {
      direction = 'forwards',
      fromRevision,
      maxCount,
    }: { direction?: string; fromRevision?: 'start' | 'end' | bigint; maxCount?: number },
  ): FakeGrpcCall {
    const forwards = direction === 'forwards';
    let events = this.log.filter((e) => e.streamId === streamId);
    if (!forwards) events = events.reverse();
    if (events.length === 0) {
      const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(
        new StreamIdentifier().setStreamName(Buffer.from(streamId)),
      );
      return this.call([new ReadResp().setStreamNotFound(notFound)], 'end');
    }
    if (typeof fromRevision === 'bigint')
      events = events.filter((e) => (forwards ? e.revision >= fromRevision : e.revision <= fromRevision));
    return this.call(events.slice(0, maxCount).map(toReadResp), 'end');
  }

  private subscribeToAll({ fromPosition = 'start' }: ReadAllRequest): FakeGrpcCall {
    const invalid = this.invalidPosition(fromPosition);
    if (invalid) return this.call([], invalid);
    const after = typeof fromPosition === 'object' ? Number(fromPosition.prepare) : -1;
    const events = this.log.filter((e) => e.position > after && !e.type.startsWith('$'));
    return this.call(events.map(toReadResp), this.subscriptionEnds ? 'end' : 'stay open');
  }

  private invalidPosition(from: ReadAllRequest['fromPosition']): Failure | undefined {
    if (typeof from !== 'object') return undefined;
    const p = Number(from.prepare);
    const head = this.log.at(-1)?.position ?? 0;
    if (p > head || this.log.some((e) => e.position === p)) return undefined;
    return { fail: { code: status.INVALID_ARGUMENT, details: 'Trying to read from an invalid position.' } };
  }

  private call(responses: ReadResp[], then: CallEnd): FakeGrpcCall {
    const call = new FakeGrpcCall(responses, then);
    this.calls.push(call);
    return call;
  }
}

/** The fake stands where grpc-js's call object would; the client's classes use only its stream side and `cancel`. */
function asCall(call: FakeGrpcCall): Promise<ClientReadableStream<ReadResp>> {
  return Promise.resolve(call as unknown as ClientReadableStream<ReadResp>);
}

/** The message a server sends for one event, built with the client's own generated protobuf classes. */
function toReadResp(event: LoggedEvent): ReadResp {
  const record = new ReadResp.ReadEvent.RecordedEvent();
  record.setId(new UUID().setString(event.id));
  record.setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(event.streamId)));
  record.setStreamRevision(String(event.revision));
  record.setPreparePosition(String(event.position));
  record.setCommitPosition(String(event.position));
  record
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', 'application/json')
    // .NET ticks since the Unix epoch, as the server sends `created`.
    .set('created', String(BigInt(Date.UTC(2026, 0, 1)) * 10_000n));
  record.setData(Buffer.from(JSON.stringify(event.data)));
  record.setCustomMetadata(Buffer.from('{}'));
  const read = new ReadResp.ReadEvent().setEvent(record).setCommitPosition(String(event.position));
  return new ReadResp().setEvent(read);
}
