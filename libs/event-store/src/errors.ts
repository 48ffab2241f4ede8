import type { ExpectedRevision } from './event-store';

/** Base of the port's errors; `code` is a stable discriminant that callers and HTTP filters switch on. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream was not at the revision the writer expected. `actual` is null when the stream does not exist. */
export class WrongExpectedRevision extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | null,
  ) {
    super(
      `stream ${streamId}: expected ${describe(expected)}, but it is ${actual === null ? 'absent' : `at revision ${actual}`}`,
    );
    this.name = 'WrongExpectedRevision';
  }
}

/** An event id is already in the store with other content or in another stream: not a retry, a clash. */
export class EventIdConflict extends EventStoreError {
  readonly code = 'EVENT_ID_CONFLICT';

  constructor(
    readonly eventId: string,
    readonly reason: string,
  ) {
    super(`event ${eventId}: ${reason}`);
    this.name = 'EventIdConflict';
  }
}

/** A call to the store is malformed (empty stream id, duplicate ids in one batch, a negative count, …). */
export class InvalidArgument extends EventStoreError {
  readonly code = 'INVALID_ARGUMENT';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidArgument';
  }
}

/**
 * The store could not be reached or cannot take the call now (no connection, no leader elected yet, a node that
 * is not the leader, a timeout). An append that timed out may or may not have been written: retry it with the same
 * event ids and the same exact expected revision, which is idempotent on every adapter.
 */
export class StoreUnavailable extends EventStoreError {
  readonly code = 'STORE_UNAVAILABLE';

  constructor(message: string) {
    super(message);
    this.name = 'StoreUnavailable';
  }
}

/** The store itself failed: its file is not a database, is damaged or cannot be opened. Not the caller's fault. */
export class StoreFailure extends EventStoreError {
  readonly code = 'STORE_FAILURE';

  constructor(message: string) {
    super(message);
    this.name = 'StoreFailure';
  }
}

function describe(expected: ExpectedRevision): string {
  return typeof expected === 'number' ? `revision ${expected}` : expected.replace('_', ' ');
}
