import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, type DomainEvent, parseEvent, streamOf, type StreamId } from '@app/domain';
import { checkExpectation, EventIdConflict, EventStore, type ExpectedRevision } from '@app/event-store';
import { type Provenance, sameFact, toNewEvent, toStoredFact, type StoredFact } from '../stored-facts';
import { DecidedStreams, nextRevision } from './decided-streams';

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

/**
 * Records one new fact: through the domain's door, into the stream it belongs to, only if the stream stays
 * consistent in effective-date order. Nothing is written when any check fails. The retry check, the writer's
 * expectation and the rules are all decided on the stream as the store's write sees it, so that two processes
 * writing to one store answer as one would: a retry is answered as a retry, and a writer without an
 * expectation is never refused because another wrote first. The stream's decider state is kept between writes
 * (DecidedStreams): the write reads only the events appended since, so its cost does not grow with the stream.
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
    const decided = await this.streams.current(request.streamId);
    const found: { earlier?: StoredFact } = {};
    const result = await this.store.appendDecided(
      request.streamId,
      (recent) => {
        // What another writer appended since the catch-up above: kept once each, so a second call is harmless.
        for (const recorded of recent)
          if (recorded.revision === nextRevision(decided)) decided.follow(toStoredFact(recorded));
        const stream = streamOf(event, (superseded) =>
          decided.fact(superseded) ? (request.streamId as StreamId) : undefined,
        );
        if (stream !== request.streamId) {
          throw new DomainError(
            'WRONG_STREAM',
            `${event.type} belongs to ${stream}, not to ${request.streamId}`,
          );
        }
        found.earlier = decided.fact(id);
        if (found.earlier) return [];
        // The writer's expectation is checked before the rules: a stale writer learns first that it is stale.
        checkExpectation(request.streamId, request.expectedRevision, decided.facts.at(-1)?.revision ?? null);
        decided.decide({ event });
        return [toNewEvent(id, event, request.provenance)];
      },
      { fromRevision: nextRevision(decided) },
    );
    if (found.earlier) return this.retried(found.earlier, event);
    return {
      id,
      streamId: request.streamId,
      revision: result.nextExpectedRevision,
      position: result.position,
      created: true,
    };
  }

  private retried(earlier: StoredFact, event: DomainEvent): RecordResult {
    if (!sameFact(earlier.event, event)) {
      throw new EventIdConflict(earlier.id, 'already recorded with different content');
    }
    return {
      id: earlier.id,
      streamId: earlier.streamId,
      revision: earlier.revision,
      position: earlier.position,
      created: false,
    };
  }
}
