import type { Observable } from 'rxjs';
import { InvalidArgument, WrongExpectedRevision } from './errors';

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

/** An event as the store holds it, its data and metadata still the JSON text they are stored as. */
export interface StoredEventText extends Omit<RecordedEvent, 'data' | 'metadata'> {
  readonly data: string;
  readonly metadata: string;
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

/** One stream's part of an append to several streams. */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision: ExpectedRevision;
}

/**
 * Decides what to append to a stream, given its history as it stands inside the write — the events from
 * `fromRevision` on (all of them by default), and the stream's last event whatever it is (null: no stream) —:
 * returns the events to append (none: nothing to write) or throws to refuse. It must be synchronous, and may be
 * called again when the stream moved (an adapter without a transaction), so anything it keeps must be idempotent.
 */
export type Decide = (recent: readonly RecordedEvent[], last: RecordedEvent | null) => readonly NewEvent[];

export interface AppendDecidedOptions {
  /**
   * The first revision the decision needs to see: a caller that keeps the stream's earlier events decided (its
   * state at revision n - 1) passes n, so that a write reads only what is new, however long the stream.
   */
  readonly fromRevision?: number;
}

/** A finding about the log as stored, with the position it concerns when there is one. */
export interface IntegrityProblem {
  readonly position: number | null;
  readonly reason: string;
}

/** What a store can vouch for about its own log: the hash chain, and whatever guards it keeps against rewrites. */
export interface IntegrityReport {
  /** The hash of the last chained event: note it, and pass it back as `expectedHead` later. */
  readonly head: string | null;
  /** Events whose hash was recomputed and found linked. */
  readonly chained: number;
  /** Events recorded before the store kept a chain (an older build): they precede the chain. */
  readonly unchained: number;
  readonly problems: readonly IntegrityProblem[];
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

  /**
   * Appends to several streams, each with its own expectation. The embedded store does it in one transaction: all
   * or nothing. This default, which the EventStoreDB adapter keeps, appends stream after stream, since EventStoreDB
   * has no transaction across streams: a failure part-way leaves the earlier streams written. A caller that needs
   * all or nothing there keeps a journal that says what it meant to write (the chronology import does).
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const results: AppendResult[] = [];
    for (const { streamId, events, expectedRevision } of appends) {
      results.push(await this.appendToStream(streamId, events, { expectedRevision }));
    }
    return results;
  }

  /**
   * Appends to `streamId` what `decide` makes of its history (from `options.fromRevision` on), with no other append
   * to the stream in between. The
   * embedded store reads, decides and writes in one write transaction, so that two processes on one file answer
   * as one would. This default reads, decides and appends expecting the revision it read, and decides again when
   * the stream moved meanwhile: EventStoreDB holds no lock across a read and a write.
   * Returns the stream's head after the append (unchanged when `decide` returned no events).
   */
  async appendDecided(
    streamId: string,
    decide: Decide,
    options: AppendDecidedOptions = {},
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const recent: RecordedEvent[] = [];
      for await (const event of this.readStream(streamId, { fromRevision: options.fromRevision ?? 0 }))
        recent.push(event);
      const last = recent.at(-1) ?? (await this.lastOf(streamId));
      const events = decide(recent, last);
      if (events.length === 0) {
        if (!last) throw new InvalidArgument(`nothing to append, and stream ${streamId} does not exist`);
        return { nextExpectedRevision: last.revision, position: last.position };
      }
      try {
        return await this.appendToStream(streamId, events, {
          expectedRevision: last?.revision ?? 'no_stream',
        });
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision) || attempt >= DECIDE_ATTEMPTS) throw error;
      }
    }
  }

  private async lastOf(streamId: string): Promise<RecordedEvent | null> {
    for await (const event of this.readStream(streamId, { direction: 'backwards', maxCount: 1 }))
      return event;
    return null;
  }

  /**
   * Checks the log against the hash chain the store keeps, and `expectedHead` (a head noted earlier) against the
   * chain: a log that no longer holds it was rolled back or rewritten. This default is for a store that keeps no
   * chain of its own, and says so.
   */
  checkIntegrity(expectedHead?: string): Promise<IntegrityReport> {
    const problems: IntegrityProblem[] = [
      {
        position: null,
        reason: 'this store keeps no hash chain: edits to stored events cannot be detected here',
      },
    ];
    if (expectedHead !== undefined)
      problems.push({
        position: null,
        reason: `cannot check the expected head ${expectedHead} without a hash chain`,
      });
    return Promise.resolve({ head: null, chained: 0, unchained: 0, problems });
  }

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
    for await (const event of this.readAll(
      options.fromPosition === undefined ? {} : { fromPosition: options.fromPosition },
    )) {
      page.push(event);
      if (page.length === size) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  }

  /**
   * The pages of `readAllPages`, read synchronously and with data and metadata left as their stored JSON text, where
   * the adapter's driver reads synchronously (the embedded store; EventStoreDB does not): a replay of the whole log
   * then pays no `await` at all, and parses what it needs in the form it keeps (metadata that repeats from one
   * event to the next, once).
   */
  readAllPagesSync?(options?: ReadPagesOptions): Iterable<readonly StoredEventText[]>;

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

/** A writer without a lock gives way to others this many times before it reports the conflict. */
const DECIDE_ATTEMPTS = 10;

/** The page size a reader asked for, checked, or a default of a few thousand events. */
export function pageSizeOf(options: ReadPagesOptions, fallback = 4096): number {
  const size = options.pageSize ?? fallback;
  if (!Number.isInteger(size) || size < 1)
    throw new InvalidArgument(`pageSize must be a whole number of at least 1, got ${size}`);
  return size;
}
