import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, type DomainEvent, parseEvent, streamOf, type StreamId } from '@app/domain';
import { checkExpectation, EventIdConflict, EventStore, type ExpectedRevision, WrongExpectedRevision } from '@app/event-store';
import { type Provenance, sameFact, toNewEvent, type StoredFact } from '../stored-facts';
import { DecidedStreams } from './decided-streams';

export interface RecordRequest {
  /** The stream the writer addresses, e.g. `organisation-csto`. */
  readonly streamId: string;
  /** The raw event: it goes through `parseEvent` here. */
  readonly event: unknown;
  /** A UUID chosen by the writer makes a retry idempotent; a fresh one is drawn when absent. */
  readonly id?: string;
  /** The writer's optimistic concurrency: `any` or `stream_exists` let the service re-decide against a stream that moved meanwhile. */
  readonly expectedRevision: ExpectedRevision;
  readonly provenance: Provenance;
}

export interface RecordResult {
  readonly id: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  /** False when the same event was recorded before: a retry. */
  readonly created: boolean;
}

const ATTEMPTS = 3;

/**
 * Records one new fact: through the domain's door, into the stream it belongs to, only if the stream stays
 * consistent in effective-date order. Nothing is written when any check fails. The stream's decider state is kept
 * between writes (DecidedStreams), so a write does not re-read or re-decide the whole stream.
 */
@Injectable()
export class FactRecorder {
  constructor(
    private readonly store: EventStore,
    private readonly streams: DecidedStreams,
  ) {}

  async record(request: RecordRequest): Promise<RecordResult> {
    const event = parseEvent(request.event);
    const id = request.id ?? randomUUID();
    for (let attempt = 1; ; attempt++) {
      const decided = await this.streams.current(request.streamId);
      const stream = streamOf(event, (superseded) => (decided.fact(superseded) ? (request.streamId as StreamId) : undefined));
      if (stream !== request.streamId) {
        throw new DomainError('WRONG_STREAM', `${event.type} belongs to ${stream}, not to ${request.streamId}`);
      }
      const earlier = decided.fact(id);
      if (earlier) return this.retried(earlier, event);
      const current = decided.facts.at(-1)?.revision ?? null;
      // The writer's expectation is checked before the rules: a stale writer learns first that it is stale.
      checkExpectation(request.streamId, request.expectedRevision, current);
      decided.decide({ event });
      // Always the exact revision just read, whatever the writer expected: an append retried with it is recognised
      // by its ids on every store, while EventStoreDB checks `any` or `stream_exists` against a bounded cache only.
      const expected = current ?? 'no_stream';
      try {
        const result = await this.store.appendToStream(request.streamId, [toNewEvent(id, event, request.provenance)], {
          expectedRevision: expected,
        });
        return { id, streamId: request.streamId, revision: result.nextExpectedRevision, position: result.position, created: true };
      } catch (error) {
        // A stream that moved is read and decided again; the writer's own expectation is checked again with it.
        const retry = error instanceof WrongExpectedRevision && attempt < ATTEMPTS;
        if (!retry) throw error;
      }
    }
  }

  private retried(earlier: StoredFact, event: DomainEvent): RecordResult {
    if (!sameFact(earlier.event, event)) {
      throw new EventIdConflict(earlier.id, 'already recorded with different content');
    }
    return { id: earlier.id, streamId: earlier.streamId, revision: earlier.revision, position: earlier.position, created: false };
  }
}
