import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Observable, Subject } from 'rxjs';
import { InvalidArgument, StoreFailure, WrongExpectedRevision } from '../errors';
import {
  type AppendDecidedOptions,
  type AppendOptions,
  type AppendResult,
  type Decide,
  EventStore,
  type ExpectedRevision,
  type IntegrityReport,
  type NewEvent,
  pageSizeOf,
  type ReadAllOptions,
  type ReadPagesOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoredEventText,
  type StreamAppend,
  type SubscribeOptions,
} from '../event-store';
import { checkEachNewEvent, checkExpectation } from '../expectations';
import { AppendDigest, GENESIS } from '../integrity/chain';
import { ADD_HASH_COLUMN, ADD_HASH_ENCODING_COLUMN, IMMUTABILITY_TRIGGERS, SCHEMA } from './schema';
import { EventInserts, refusedId, VALUES_PER_ROW } from './event-inserts';
import { KnownEnd, type Tail } from './known-end';
import {
  fromRawRow,
  parsed,
  prepareStatements,
  toRecorded,
  type EventRow,
  type Statements,
} from './statements';
import { findRetry } from './retries';
import { walkChain } from './walk-chain';

export interface SqliteEventStoreOptions {
  /** A file path, or `:memory:`. The parent directory of a file is created when missing. */
  readonly path: string;
  /** The store's clock; recorded times never go backwards even if it does. */
  readonly clock?: () => Date;
  /** How often a live subscription looks for events appended by other processes (ms). */
  readonly pollIntervalMs?: number;
}

const PAGE_SIZE = 512;

/** What a write did, per stream: the result to answer with, and whether it wrote anything. */
type WriteOutcome =
  { result: AppendResult; wrote: boolean } | Array<{ result: AppendResult; wrote: boolean }>;

/**
 * The embedded store: one SQLite file, WAL, `synchronous=FULL` so that an acknowledged append survives a crash.
 * Reads are paged so that no statement stays open across an `await` (better-sqlite3 refuses writes on a
 * connection with a running iterator).
 */
export class SqliteEventStore extends EventStore {
  private readonly db: Database.Database;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private readonly appended = new Subject<void>();
  private readonly statements: Statements;
  private readonly path: string;
  /** Runs work in a transaction; made once, since better-sqlite3 builds four wrappers per `transaction` call. */
  private readonly transaction: Database.Transaction<(work: () => WriteOutcome) => WriteOutcome>;
  private readonly known = new KnownEnd();
  private readonly digest = new AppendDigest();
  // Every event of an append says it is of one, and the last carries the append's digest. AUTOINCREMENT gives the
  // position (one past the highest ever handed out, as `tail` computes it): binding it made SQLite look it up first.
  private readonly inserts: EventInserts;

  constructor(options: SqliteEventStoreOptions) {
    super();
    this.path = options.path;
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.clock = options.clock ?? (() => new Date());
    this.db = this.guard(() => this.open(options.path));
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.transaction = this.db.transaction((work: () => WriteOutcome) => {
      this.known.begin(this.statements.dataVersion.get() as number);
      return work();
    });
    this.inserts = new EventInserts(this.db);
    this.statements = prepareStatements(this.db);
  }

  override appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    return this.write(() => {
      checkEachNewEvent(streamId, events);
      return () => this.appendInTransaction(streamId, events, options, this.tail());
    }).then(([result]) => result as AppendResult);
  }

  /** One IMMEDIATE transaction for every stream: all or nothing. */
  override appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.write(() => {
      for (const { streamId, events } of appends) checkEachNewEvent(streamId, events);
      return () => {
        const tail = this.tail();
        return appends.map(({ streamId, events, expectedRevision }) =>
          this.appendInTransaction(streamId, events, { expectedRevision }, tail),
        );
      };
    });
  }

  /** The stream is read and `decide` called inside the write transaction: no other process can write in between. */
  override appendDecided(
    streamId: string,
    decide: Decide,
    options: AppendDecidedOptions = {},
  ): Promise<AppendResult> {
    return this.write(() => () => {
      const recent = this.statements.streamForwards
        .all(streamId, options.fromRevision ?? 0, -1)
        .map(toRecorded);
      const lastRow =
        recent.length > 0
          ? undefined
          : this.statements.streamBackwards.get(streamId, Number.MAX_SAFE_INTEGER, 1);
      const last = recent.at(-1) ?? (lastRow ? toRecorded(lastRow) : null);
      const events = decide(recent, last);
      if (events.length === 0) {
        if (!last) throw new InvalidArgument(`nothing to append, and stream ${streamId} does not exist`);
        return { result: { nextExpectedRevision: last.revision, position: last.position }, wrote: false };
      }
      checkEachNewEvent(streamId, events);
      return this.appendInTransaction(
        streamId,
        events,
        { expectedRevision: last?.revision ?? 'no_stream' },
        this.tail(),
      );
    }).then(([result]) => result as AppendResult);
  }

  /** Recomputes the chain in one read transaction, so that appends by other processes do not move the log under it. */
  override checkIntegrity(expectedHead?: string): Promise<IntegrityReport> {
    try {
      return Promise.resolve(this.guard(() => this.db.transaction(() => walkChain(this.db, expectedHead))()));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  override async *readStream(
    streamId: string,
    options: ReadStreamOptions = {},
  ): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let next = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    yield* this.paged(options.maxCount, (limit) => {
      const rows = (backwards ? this.statements.streamBackwards : this.statements.streamForwards).all(
        streamId,
        next,
        limit,
      );
      const last = rows.at(-1);
      if (last) next = backwards ? last.revision - 1 : last.revision + 1;
      return rows;
    });
  }

  override async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let next = options.fromPosition ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    yield* this.paged(options.maxCount, (limit) => {
      const rows = (backwards ? this.statements.allBackwards : this.statements.allForwards).all(next, limit);
      const last = rows.at(-1);
      if (last) next = backwards ? last.position - 1 : last.position + 1;
      return rows;
    });
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- async so that a reader can `for await` the pages
  override async *readAllPages(options: ReadPagesOptions = {}): AsyncIterable<readonly RecordedEvent[]> {
    for (const page of this.readAllPagesSync(options)) yield page.map(parsed);
  }

  /** Each page is one statement run to completion, so that appends can go on between pages. */
  override *readAllPagesSync(options: ReadPagesOptions = {}): Iterable<readonly StoredEventText[]> {
    const size = pageSizeOf(options);
    let next = options.fromPosition ?? 0;
    for (;;) {
      const page: StoredEventText[] = [];
      for (const row of this.guard(() => this.statements.allForwardsRaw.all(next, size)))
        page.push(fromRawRow(row, page.at(-1)));
      const last = page.at(-1);
      if (last === undefined) return;
      yield page;
      if (page.length < size) return;
      next = last.position + 1;
    }
  }

  override subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    return new Observable<RecordedEvent>((subscriber) => {
      let checkpoint =
        options.fromPosition === undefined || options.fromPosition === 'start' ? 0 : options.fromPosition;
      let pending: NodeJS.Immediate | undefined;
      // Positions become visible as a prefix (SQLite has one writer at a time), so reading "after the
      // checkpoint" whenever something may have changed can neither skip nor repeat an event.
      const pump = (): void => {
        pending = undefined;
        if (subscriber.closed) return;
        try {
          const rows = this.guard(() => this.statements.allForwards.all(checkpoint + 1, PAGE_SIZE));
          for (const row of rows) {
            if (subscriber.closed) return;
            checkpoint = row.position;
            subscriber.next(toRecorded(row));
          }
          if (rows.length === PAGE_SIZE) schedule();
        } catch (error) {
          subscriber.error(error);
        }
      };
      const schedule = (): void => {
        pending ??= setImmediate(pump);
      };
      const appended = this.appended.subscribe({ next: schedule, complete: () => subscriber.complete() });
      const poll = setInterval(schedule, this.pollIntervalMs);
      poll.unref();
      schedule();
      return () => {
        appended.unsubscribe();
        clearInterval(poll);
        if (pending) clearImmediate(pending);
      };
    });
  }

  override headPosition(): Promise<number | null> {
    try {
      return Promise.resolve(this.guard(() => this.statements.head.get()?.position ?? null));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  override close(): Promise<void> {
    this.appended.complete();
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }

  private open(path: string): Database.Database {
    const db = new Database(path);
    // WAL must be switched on outside any transaction; synchronous must be set on every open, because
    // SQLite falls back to NORMAL when it opens a file that is already in WAL mode.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 10000');
    // One transaction: a process killed while creating a fresh file must not leave a table without its triggers,
    // which the next open would take for tampering.
    db.transaction(() => {
      const existed =
        db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get() !==
        undefined;
      const present = new Set(
        db
          .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger'")
          .all()
          .map((row) => row.name),
      );
      const missing = existed ? IMMUTABILITY_TRIGGERS.filter((name) => !present.has(name)) : [];
      db.exec(SCHEMA);
      // A guard found missing is noted with SCHEMA's repair, or the repair would hide the tampering.
      const note = db.prepare<[string, string]>(
        'INSERT INTO store_findings (found_at, finding) VALUES (?, ?)',
      );
      for (const name of missing) {
        note.run(
          this.clock().toISOString(),
          `trigger ${name} was missing when the store was opened, and was re-created: the file was edited outside annals`,
        );
      }
      const columns = db.prepare<[], { name: string }>('PRAGMA table_info(events)').all();
      if (!columns.some((column) => column.name === 'hash')) db.exec(ADD_HASH_COLUMN);
      if (!columns.some((column) => column.name === 'hash_encoding')) db.exec(ADD_HASH_ENCODING_COLUMN);
    }).immediate();
    return db;
  }

  /** Runs a write in one IMMEDIATE transaction: `prepare` checks the call outside it and returns the work. */
  private write(prepare: () => () => WriteOutcome): Promise<AppendResult[]> {
    try {
      const work = prepare();
      const outcome = this.guard(() => this.transaction.immediate(work));
      this.known.commit();
      const outcomes = Array.isArray(outcome) ? outcome : [outcome];
      if (outcomes.some((o) => o.wrote)) this.appended.next();
      return Promise.resolve(outcomes.map((o) => o.result));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Driver failures (not a database, a damaged file, a disk error) become the port's StoreFailure, on one line. */
  private guard<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (isSqliteError(error) && !error.code.startsWith('SQLITE_CONSTRAINT')) {
        throw new StoreFailure(`the store at ${this.path} failed: ${error.message}`);
      }
      throw error;
    }
  }

  /** Where the next append goes: after the highest position ever handed out, linked to the digest (or hash) the last event carries. */
  private tail(): Tail {
    const known = this.known.lastTail();
    if (known)
      return { position: known.position, hash: known.hash, recordedAt: this.recordedAt(known.recordedAt) };
    const last = this.statements.tail.get();
    const handedOut = this.statements.sequence.get()?.seq ?? 0;
    return {
      position: Math.max(handedOut, last?.position ?? 0),
      hash: last?.hash ?? GENESIS,
      recordedAt: this.recordedAt(last?.recorded_at),
    };
  }

  private appendInTransaction(
    streamId: string,
    events: readonly NewEvent[],
    { expectedRevision }: AppendOptions,
    tail: Tail,
  ): { result: AppendResult; wrote: boolean } {
    const current = this.head(streamId);
    try {
      checkExpectation(streamId, expectedRevision, current);
    } catch (error) {
      // A retry of an append that was written finds the stream moved on by that very append.
      const retried =
        error instanceof WrongExpectedRevision ? this.retried(streamId, events, expectedRevision) : undefined;
      if (retried) return retried;
      throw error;
    }
    // One digest per append (encoding 3), fed as each event is written and carried by the last one only.
    const digest = this.digest.start(tail.hash);
    let revision = current ?? -1;
    // The first event of the statement under way: its rows are written together, or none of them.
    let first = 0;
    try {
      while (first < events.length) {
        const rows = EventInserts.rowsFor(events.length - first);
        const values: unknown[] = new Array(rows * VALUES_PER_ROW);
        for (let row = 0, at = 0; row < rows; row++) {
          const event = events[first + row] as NewEvent;
          revision += 1;
          const data = JSON.stringify(event.data);
          const metadata = JSON.stringify(event.metadata ?? {});
          digest.add(
            tail.position + row + 1,
            streamId,
            revision,
            event.type,
            data,
            metadata,
            tail.recordedAt,
          );
          values[at++] = event.id;
          values[at++] = revision;
          values[at++] = event.type;
          values[at++] = data;
          values[at++] = metadata;
        }
        const position = tail.position + rows;
        const hash = first + rows === events.length ? digest.finish() : null;
        const written = this.inserts
          .statementFor(rows)
          .run(values, { stream: streamId, recordedAt: tail.recordedAt, digest: hash }).lastInsertRowid;
        // The digest covers the positions the events were meant to get, and AUTOINCREMENT hands them out in the order
        // the rows are bound, each above every one before: a store that gave the last row another must not commit.
        if (written !== position)
          throw new StoreFailure(
            `the store at ${this.path} gave position ${written} to an event due at ${position}`,
          );
        tail.position = position;
        if (hash !== null) tail.hash = hash;
        first += rows;
      }
    } catch (error) {
      // Ids are looked up only when a statement is refused: an append whose first id is stored may be a retry.
      const retried = first === 0 ? this.retried(streamId, events, expectedRevision) : undefined;
      if (retried) return retried;
      throw refusedId(events, first, (id) => this.statements.byId.get(id)?.stream_id) ?? error;
    }
    this.known.wrote(streamId, revision, tail);
    return { result: { nextExpectedRevision: revision, position: tail.position }, wrote: true };
  }

  /** A stream's last revision, looked up only when another connection may have moved it. */
  private head(streamId: string): number | null {
    const known = this.known.head(streamId);
    if (known !== undefined) return known;
    const head = this.statements.streamHead.get(streamId)?.revision ?? null;
    this.known.read(streamId, head);
    return head;
  }

  /** The answer to a retry of an append already written, checked against the expectation it was sent with. */
  private retried(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): { result: AppendResult; wrote: boolean } | undefined {
    const retried = findRetry(this.statements.byId, streamId, events);
    if (!retried) return undefined;
    checkExpectation(streamId, expectedRevision, retried.revisionBefore);
    return { result: retried.result, wrote: false };
  }

  private recordedAt(last: string | undefined): string {
    const now = this.clock().toISOString();
    return last !== undefined && last > now ? last : now;
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- async so that a reader can `for await` a paged SQLite read
  private async *paged(
    maxCount: number | undefined,
    readPage: (limit: number) => EventRow[],
  ): AsyncIterable<RecordedEvent> {
    let remaining = maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining < 0 || (!Number.isInteger(remaining) && remaining !== Number.POSITIVE_INFINITY)) {
      throw new InvalidArgument(`maxCount must be a non-negative whole number, got ${maxCount}`);
    }
    while (remaining > 0) {
      const rows = this.guard(() => readPage(Math.min(PAGE_SIZE, remaining)));
      for (const row of rows) yield toRecorded(row);
      remaining -= rows.length;
      if (rows.length < PAGE_SIZE) return;
    }
  }
}

/**
 * An error of the SQLite driver, known by its name and code rather than by `instanceof`: the native addon keeps the
 * error class of the first copy of the driver's JavaScript that loaded it, so where modules are loaded more than once
 * in a process (a test runner's registry per file) the errors it throws are of another copy's class.
 */
function isSqliteError(error: unknown): error is { readonly code: string; readonly message: string } {
  return (
    error instanceof Database.SqliteError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'SqliteError' &&
      typeof (error as { code?: unknown }).code === 'string')
  );
}
