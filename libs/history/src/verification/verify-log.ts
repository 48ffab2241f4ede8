import { Injectable } from '@nestjs/common';
import { isRecordKeepingEvent, isWireName, parseEvent, SCHEMA_VERSIONS } from '@app/domain';
import { EventStore, type RecordedEvent } from '@app/event-store';
import {
  type ImportCompleted,
  ImportJournal,
  type ImportStarted,
  type ImportSummary,
  importDigest,
  isJournalEvent,
} from '../chronology/import-journal';

export interface LogProblem {
  /** Null for a finding about the store as a whole (a missing trigger, a rolled-back file). */
  readonly position: number | null;
  readonly id: string | null;
  readonly reason: string;
}

export interface LogReport {
  readonly events: number;
  readonly streams: number;
  /** The hash of the last chained event: note it, and pass it as `expectedHead` to a later verify. */
  readonly head: string | null;
  /** Events recorded before the store kept a hash chain: the chain starts after them. */
  readonly unchained: number;
  /** Imports left unfinished by an earlier run, finished by this verify before it checked the log. */
  readonly finishedImports: readonly ImportSummary[];
  /** Empty for a sound log; in position order otherwise, findings about the whole store first. */
  readonly problems: readonly LogProblem[];
}

export interface VerifyOptions {
  /** A head hash noted earlier: a log that no longer holds it was rolled back or rewritten. */
  readonly expectedHead?: string;
  readonly onProgress?: (done: number) => void;
}

/** What a correction or retraction names, to be checked once the whole stream has been read. */
interface Supersession {
  readonly event: RecordedEvent;
  readonly supersedes: string;
}

/**
 * Reads the whole log and checks what the rest of the system takes for granted: positions strictly increase,
 * each stream's revisions run 0..n-1 without a gap, every event still passes `parseEvent` (a schema change that
 * forgot an upcaster shows here first), every correction or retraction names an event of its own stream, every
 * event says who recorded it under the schema version this build reads, the store's hash chain holds (and holds
 * the expected head), and every import in the journal is complete and wrote exactly what it meant to. An import
 * left unfinished is finished first, and said so; one the store refuses to finish (its streams moved on, or the log
 * was cut inside one of its appends) is left as it is and reported, so that a damaged log is described, not refused.
 */
@Injectable()
export class LogVerifier {
  private readonly journal: ImportJournal;

  constructor(private readonly store: EventStore) {
    this.journal = new ImportJournal(store);
  }

  async verify({ expectedHead, onProgress }: VerifyOptions = {}): Promise<LogReport> {
    const problems: LogProblem[] = [];
    const finishedImports = await this.journal.finishUnfinished('annals:verify', (importId, reason) => {
      problems.push({
        position: null,
        id: null,
        reason: `import ${importId} could not be finished, so nothing of it was written again: ${reason}`,
      });
    });
    const integrity = await this.store.checkIntegrity(expectedHead);
    for (const p of integrity.problems) problems.push({ position: p.position, id: null, reason: p.reason });
    const revisions = new Map<string, number>();
    const idsByStream = new Map<string, Set<string>>();
    const supersessions: Supersession[] = [];
    const journal: RecordedEvent[] = [];
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
      if (event.revision !== expected)
        problem(`revision ${event.revision} of ${event.streamId}, expected ${expected}`);
      revisions.set(event.streamId, event.revision + 1);
      const ids = idsByStream.get(event.streamId) ?? new Set<string>();
      idsByStream.set(event.streamId, ids);
      ids.add(event.id);
      for (const reason of metadataProblems(event.type, event.metadata)) problem(reason);
      if (isJournalEvent(event)) journal.push(event);
      else {
        try {
          // The one place a stored event goes through the door again: replays trust what the store holds.
          const fact = parseEvent({ type: event.type, ...(event.data as object) });
          if (isRecordKeepingEvent(fact)) supersessions.push({ event, supersedes: fact.supersedes });
        } catch (error) {
          problem(`no longer parses: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (events % 1000 === 0) onProgress?.(events);
    }
    for (const { event, supersedes } of supersessions) {
      if (!idsByStream.get(event.streamId)?.has(supersedes)) {
        problems.push({
          position: event.position,
          id: event.id,
          reason: `supersedes ${supersedes}, which is not an event of ${event.streamId}`,
        });
      }
    }
    problems.push(...(await this.journalProblems(journal)));
    return {
      events,
      streams: revisions.size,
      head: integrity.head,
      unchained: integrity.unchained,
      finishedImports,
      problems: problems.sort((a, b) => (a.position ?? -1) - (b.position ?? -1)),
    };
  }

  /** Each import opened and closed once, with the count and digest of what its events in the store hold now. */
  private async journalProblems(journal: readonly RecordedEvent[]): Promise<LogProblem[]> {
    const problems: LogProblem[] = [];
    const started = new Map<string, { event: RecordedEvent; data: ImportStarted }>();
    for (const event of journal) {
      const problem = (reason: string): void => {
        problems.push({ position: event.position, id: event.id, reason });
      };
      if (event.type === 'ImportStarted') {
        const data = event.data as ImportStarted;
        if (importDigest(data.appends) !== data.digest)
          problem(`import ${data.importId}: its digest does not match the events it lists`);
        started.set(data.importId, { event, data });
      } else if (event.type === 'ImportCompleted') {
        const data = event.data as ImportCompleted;
        const opening = started.get(data.importId);
        if (!opening) problem(`import ${data.importId} is closed but was never opened`);
        else if (opening.data.count !== data.count || opening.data.digest !== data.digest)
          problem(`import ${data.importId} closed with another count or digest than it opened with`);
        else if ((await this.storedDigest(opening.data)) !== data.digest)
          problem(`import ${data.importId}: the events in the store are not the ones it wrote`);
        started.delete(data.importId);
      } else problem(`${event.type} is not an event of the import journal`);
    }
    for (const { event, data } of started.values()) {
      problems.push({
        position: event.position,
        id: event.id,
        reason: `import ${data.importId} of ${data.source} was never finished`,
      });
    }
    return problems;
  }

  /** The digest of the events an import listed, as the store now holds them (a missing one reads as absent). */
  private async storedDigest(started: ImportStarted): Promise<string> {
    const appends = [];
    for (const { streamId, events } of started.appends) {
      const stored = new Map<string, RecordedEvent>();
      for await (const event of this.store.readStream(streamId)) stored.set(event.id, event);
      appends.push({
        streamId,
        events: events.map((e) => stored.get(e.id) ?? { id: e.id, type: 'absent', data: null }),
      });
    }
    return importDigest(appends);
  }
}

function metadataProblems(type: string, metadata: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const recordedBy = metadata['recordedBy'];
  if (typeof recordedBy !== 'string' || recordedBy.trim() === '')
    problems.push('metadata.recordedBy is missing');
  const version = metadata['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    problems.push('metadata.schemaVersion is missing or not a positive whole number');
  // A replay reads each type at the version this build knows only; an older version needs an upcaster first.
  else if (isWireName(type) && version !== SCHEMA_VERSIONS[type])
    problems.push(
      `metadata.schemaVersion is ${version}; this build reads ${type} at version ${SCHEMA_VERSIONS[type]}`,
    );
  return problems;
}
