import { map, type Observable } from 'rxjs';
import { InvalidArgument } from '../errors';
import {
  type AppendOptions,
  type AppendResult,
  EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadPagesOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '../event-store';

const STRIDE = 4096;
const OFFSET = 17;

/**
 * A store whose positions are sparse and not consecutive, as EventStoreDB's byte offsets are: position p of the
 * store inside becomes `p × 4096 + 17`, and a number that is not such a position is refused with InvalidArgument,
 * as the server refuses a position inside a record. Code that computes a position (`checkpoint + 1`) fails on it
 * here as it would there, while everything else runs on the real store inside.
 */
export class SparsePositionStore extends EventStore {
  constructor(private readonly inner: EventStore) {
    super();
  }

  override async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const result = await this.inner.appendToStream(streamId, events, options);
    return { ...result, position: sparse(result.position) };
  }

  override async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.inner.readStream(streamId, options)) yield withSparsePosition(event);
  }

  override async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const inner =
      options.fromPosition === undefined
        ? options
        : { ...options, fromPosition: dense(options.fromPosition) };
    for await (const event of this.inner.readAll(inner)) yield withSparsePosition(event);
  }

  override async *readAllPages(options: ReadPagesOptions = {}): AsyncIterable<readonly RecordedEvent[]> {
    const inner =
      options.fromPosition === undefined
        ? options
        : { ...options, fromPosition: dense(options.fromPosition) };
    for await (const page of this.inner.readAllPages(inner)) yield page.map(withSparsePosition);
  }

  override subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    const from = options.fromPosition;
    const inner = from === undefined || from === 'start' ? options : { fromPosition: dense(from) };
    return this.inner.subscribeToAll(inner).pipe(map(withSparsePosition));
  }

  override async headPosition(): Promise<number | null> {
    const head = await this.inner.headPosition();
    return head === null ? null : sparse(head);
  }

  override close(): Promise<void> {
    return this.inner.close();
  }
}

function sparse(position: number): number {
  return position * STRIDE + OFFSET;
}

function dense(position: number): number {
  if (!Number.isSafeInteger(position) || position < OFFSET || (position - OFFSET) % STRIDE !== 0) {
    throw new InvalidArgument(
      `position ${position} is not the position of an event: positions are opaque, never computed`,
    );
  }
  return (position - OFFSET) / STRIDE;
}

function withSparsePosition(event: RecordedEvent): RecordedEvent {
  return { ...event, position: sparse(event.position) };
}
