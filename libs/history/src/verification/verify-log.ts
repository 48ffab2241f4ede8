import { Injectable } from '@nestjs/common';
import { isRecordKeepingEvent, isWireName, parseEvent, SCHEMA_VERSIONS } from '@app/domain';
import { EventStore, type RecordedEvent } from '@app/event-store';

export interface LogProblem {
  readonly position: number;
  readonly id: string;
  readonly reason: string;
}

export interface LogReport {
  readonly events: number;
  readonly streams: number;
  /** Empty for a sound log; in position order otherwise. */
  readonly problems: readonly LogProblem[];
}

/** What a correction or retraction names, to be checked once the whole stream has been read. */
interface Supersession {
  readonly event: RecordedEvent;
  readonly supersedes: string;
}

/**
 * Reads the whole log and checks what the rest of the system takes for granted: positions strictly increase,
 * each stream's revisions run 0..n-1 without a gap, every event still passes `parseEvent` (a schema change that
 * forgot an upcaster shows here first), every correction or retraction names an event of its own stream, and
 * every event says who recorded it under the schema version this build reads.
 */
@Injectable()
export class LogVerifier {
  constructor(private readonly store: EventStore) {}

  async verify(onProgress?: (done: number) => void): Promise<LogReport> {
    const problems: LogProblem[] = [];
    const revisions = new Map<string, number>();
    const idsByStream = new Map<string, Set<string>>();
    const supersessions: Supersession[] = [];
    let previous = -Infinity;
    let events = 0;
    for await (const event of this.store.readAll()) {
      events += 1;
      const problem = (reason: string): void => {
        problems.push({ position: event.position, id: event.id, reason });
      };
      if (!(event.position > previous)) problem(`position ${event.position} does not follow ${previous}`);
      previous = event.position;
      const expected = revisions.get(event.streamId) ?? 0;
      if (event.revision !== expected) problem(`revision ${event.revision} of ${event.streamId}, expected ${expected}`);
      revisions.set(event.streamId, event.revision + 1);
      const ids = idsByStream.get(event.streamId) ?? new Set<string>();
      idsByStream.set(event.streamId, ids);
      ids.add(event.id);
      for (const reason of metadataProblems(event.type, event.metadata)) problem(reason);
      try {
        // The one place a stored event goes through the door again: replays trust what the store holds.
        const fact = parseEvent({ type: event.type, ...(event.data as object) });
        if (isRecordKeepingEvent(fact)) supersessions.push({ event, supersedes: fact.supersedes });
      } catch (error) {
        problem(`no longer parses: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (events % 1000 === 0) onProgress?.(events);
    }
    for (const { event, supersedes } of supersessions) {
      if (!idsByStream.get(event.streamId)?.has(supersedes)) {
        problems.push({ position: event.position, id: event.id, reason: `supersedes ${supersedes}, which is not an event of ${event.streamId}` });
      }
    }
    return { events, streams: revisions.size, problems: problems.sort((a, b) => a.position - b.position) };
  }
}

function metadataProblems(type: string, metadata: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const recordedBy = metadata['recordedBy'];
  if (typeof recordedBy !== 'string' || recordedBy.trim() === '') problems.push('metadata.recordedBy is missing');
  const version = metadata['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) problems.push('metadata.schemaVersion is missing or not a positive whole number');
  // A replay reads each type at the version this build knows only; an older version needs an upcaster first.
  else if (isWireName(type) && version !== SCHEMA_VERSIONS[type]) problems.push(`metadata.schemaVersion is ${version}; this build reads ${type} at version ${SCHEMA_VERSIONS[type]}`);
  return problems;
}
