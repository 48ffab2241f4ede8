import type { Observable } from 'rxjs';
import { InvalidArgument } from './errors';

/** What a stream is expected to be before an append. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** Free-form, JSON-serialisable metadata stored beside an event (who recorded it, where it came from, …). */
export type EventMetadata = Readonly<Record<string, unknown>>;

/** An event as a writer proposes it. The id makes retries idempotent. */
export interface NewEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: EventMetadata;
}

/** An event as the store holds it. `recordedAt` is the store's clock, never the writer's. */
export interface RecordedEvent {
  readonly id: string;
  readonly streamId: string;
  /** 0-based position of the event inside its stream. */
  readonly revision: number;
  /**
   * Position in the whole log: strictly increasing in the order of recording, and opaque. Compare positions and
   * hand them back to the store; never compute one from another. They are consecutive on SQLite but sparse byte
   * offsets on EventStoreDB, where `p + 1` points into the middle of a record and is refused as InvalidArgument.
   */
  readonly position: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  /** ISO 8601 instant with milliseconds, UTC. */
  readonly recordedAt: string;
}

export interface AppendResult {
  /** The revision of the last event in the stream after the append: pass it back as the next expectation. */
  readonly nextExpectedRevision: number;
  /** The global position of the last event written. */
  readonly position: number;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface ReadStreamOptions {
  readonly fromRevision?: number;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /**
   * Inclusive, in both directions: a position the store gave (see `RecordedEvent.position`). From the start by
   * default forwards, from the end backwards.
   */
  readonly fromPosition?: number;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

export interface ReadPagesOptions {
  /** Inclusive, a position the store gave; from the start by default. */
  readonly fromPosition?: number;
  /** The most events in one page; the adapter's own size when absent. */
  readonly pageSize?: number;
}

export interface SubscribeOptions {
  /**
   * Where to start: `'start'` (the default) or a checkpoint, the position of the last event already
   * processed. As in EventStoreDB, a subscription resumes strictly after its checkpoint, so a reader resumes by
   * passing the last position it saw, never that position plus one.
   */
  readonly fromPosition?: 'start' | number;
}

/**
 * The event store port, and the DI token under which an adapter is provided.
 *
 * History is append-only: there is no update or delete anywhere in this API.
 * A stream is the consistency boundary; appends carry an expected revision.
 */
export abstract class EventStore {
  /**
   * Appends all `events` (at least one) to `streamId` atomically, or none of them.
   * Throws `WrongExpectedRevision` when the stream is not as expected, `EventIdConflict` when an id is already
   * taken by different content or another stream, `InvalidArgument` for a malformed call (no events, an id that
   * is not a UUID, a revision that is not a whole number, an append larger than the server takes), and
   * `StoreUnavailable` when the store cannot be reached or has no leader.
   *
   * Idempotency: re-appending events that are already there, with the same *exact* expected revision, writes
   * nothing and returns the original result, on every adapter. With `any` or `stream_exists` that holds on
   * SQLite, but EventStoreDB checks the ids only against a bounded cache of recent writes, so a late retry can
   * write the events a second time; and a retry that overlaps an earlier batch only in part is answered there
   * as `WrongExpectedRevision` (SQLite: `EventIdConflict`). A writer that retries appends with the exact
   * revision it read.
   */
  abstract appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult>;

  /** Events of one stream in revision order. A stream that does not exist reads as empty. */
  abstract readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;

  /**
   * Events of every stream in the order they were recorded (none of EventStoreDB's own: no stream or type
   * starting with `$`). Leaving the loop early releases the read.
   */
  abstract readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  /**
   * Events of every stream in the order they were recorded, forwards, a page at a time: what a replay of the
   * whole log reads, so that an adapter can fetch many rows per round trip and a reader pays one `await` per
   * page rather than per event. Every page but the last is full; the pages concatenated are `readAll`.
   */
  async *readAllPages(options: ReadPagesOptions = {}): AsyncIterable<readonly RecordedEvent[]> {
    const size = pageSizeOf(options);
    let page: RecordedEvent[] = [];
    for await (const event of this.readAll(options.fromPosition === undefined ? {} : { fromPosition: options.fromPosition })) {
      page.push(event);
      if (page.length === size) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  }

  /**
   * Catches up from the checkpoint, then goes live: every event recorded after it, once each, in
   * position order, with no gap at the catch-up/live boundary. Unsubscribing releases everything.
   * It never completes on its own while the store is open: a server that drops it makes it error, and the
   * subscriber resumes from the last position it processed.
   */
  abstract subscribeToAll(options?: SubscribeOptions): Observable<RecordedEvent>;

  /** The position of the last recorded event, or null for an empty store. */
  abstract headPosition(): Promise<number | null>;

  /** Releases connections and file handles; a connection shared with other open stores stays open for them. */
  abstract close(): Promise<void>;
}

/** The page size a reader asked for, checked, or a default of a few thousand events. */
export function pageSizeOf(options: ReadPagesOptions, fallback = 4096): number {
  const size = options.pageSize ?? fallback;
  if (!Number.isInteger(size) || size < 1) throw new InvalidArgument(`pageSize must be a whole number of at least 1, got ${size}`);
  return size;
}
