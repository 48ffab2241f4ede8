import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import {
  EventIdConflict,
  EventStore,
  type NewEvent,
  type RecordedEvent,
  type StreamAppend,
  WrongExpectedRevision,
} from '@app/event-store';

/**
 * The record-keeping stream of imports: an import opens with `ImportStarted` (what it will write, how many events
 * and their digest) and closes with `ImportCompleted`. On the embedded store both are written in the import's own
 * transaction; on EventStoreDB, which has no transaction across streams, an import killed part-way leaves an
 * `ImportStarted` without its `ImportCompleted`, and the journal holds what is needed to finish it.
 */
export const IMPORT_JOURNAL = 'import-journal';

export interface ImportStarted {
  readonly importId: string;
  /** The path given to the import, and its files, as reported to the user. */
  readonly source: string;
  readonly files: readonly string[];
  readonly count: number;
  readonly digest: string;
  /** Every append the import makes, in order: what finishing it writes again. */
  readonly appends: readonly StreamAppend[];
}

export interface ImportCompleted {
  readonly importId: string;
  readonly count: number;
  readonly digest: string;
}

/** An import whose `ImportCompleted` is missing. */
export interface UnfinishedImport {
  readonly started: ImportStarted;
  readonly recordedAt: string;
}

export interface ImportSummary {
  readonly importId: string;
  readonly source: string;
  readonly count: number;
}

const JOURNAL_SCHEMA_VERSION = 1;

/** Journal events are record keeping, not facts: folds and fact readers pass over them. */
export function isJournalEvent(recorded: Pick<RecordedEvent, 'streamId'>): boolean {
  return recorded.streamId === IMPORT_JOURNAL;
}

/** SHA-256 over every event an import writes (stream, id, type, data, metadata), in order. */
export function importDigest(appends: readonly Pick<StreamAppend, 'streamId' | 'events'>[]): string {
  const content = appends.map(({ streamId, events }) => [
    streamId,
    events.map((e) => [e.id, e.type, e.data, e.metadata ?? {}]),
  ]);
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

@Injectable()
export class ImportJournal {
  constructor(private readonly store: EventStore) {}

  /**
   * Writes an import between its opening and closing journal events: on the embedded store in one transaction,
   * elsewhere stream after stream, the journal first.
   */
  async write(
    appends: readonly StreamAppend[],
    {
      source,
      files,
      recordedBy,
      correlationId,
    }: { source: string; files: readonly string[]; recordedBy: string; correlationId: string },
  ): Promise<ImportSummary> {
    const started: ImportStarted = {
      importId: correlationId,
      source,
      files,
      count: appends.reduce((sum, a) => sum + a.events.length, 0),
      digest: importDigest(appends),
      appends,
    };
    const journalHead = await this.journalHead();
    const metadata = { recordedBy, correlationId, schemaVersion: JOURNAL_SCHEMA_VERSION };
    await this.store.appendToStreams([
      {
        streamId: IMPORT_JOURNAL,
        events: [{ id: randomUUID(), type: 'ImportStarted', data: started, metadata }],
        expectedRevision: journalHead ?? 'no_stream',
      },
      ...appends,
      {
        streamId: IMPORT_JOURNAL,
        events: [this.completion(started, metadata)],
        expectedRevision: (journalHead ?? -1) + 1,
      },
    ]);
    return { importId: started.importId, source, count: started.count };
  }

  /** Imports that opened and never closed, oldest first. */
  async unfinished(): Promise<UnfinishedImport[]> {
    const open = new Map<string, UnfinishedImport>();
    for await (const event of this.store.readStream(IMPORT_JOURNAL)) {
      if (event.type === 'ImportStarted') {
        const started = event.data as ImportStarted;
        open.set(started.importId, { started, recordedAt: event.recordedAt });
      } else if (event.type === 'ImportCompleted') {
        open.delete((event.data as ImportCompleted).importId);
      }
    }
    return [...open.values()];
  }

  /**
   * Finishes every unfinished import: each append again with the expectation it was planned with (an append
   * already written is a retry and writes nothing), then its `ImportCompleted`. A stream that moved since fails
   * with a conflict, and the import stays open for a person to look at. Given `refused`, an import the store refuses
   * that way (a stream moved, or a log cut inside one of its appends, so that part of a batch is stored and part is
   * not) is told to it, nothing of that import is written, and the others are still finished; without, it throws.
   */
  async finishUnfinished(
    finishedBy: string,
    refused?: (importId: string, reason: string) => void,
  ): Promise<ImportSummary[]> {
    const finished: ImportSummary[] = [];
    for (const { started } of await this.unfinished()) {
      const metadata = {
        recordedBy: finishedBy,
        correlationId: started.importId,
        schemaVersion: JOURNAL_SCHEMA_VERSION,
      };
      const journalHead = await this.journalHead();
      try {
        await this.store.appendToStreams([
          ...started.appends,
          {
            streamId: IMPORT_JOURNAL,
            events: [this.completion(started, metadata)],
            expectedRevision: journalHead ?? 'no_stream',
          },
        ]);
        finished.push({ importId: started.importId, source: started.source, count: started.count });
      } catch (error) {
        // Another process starting at the same moment may have closed it first; anything else stands.
        const closedMeanwhile =
          error instanceof WrongExpectedRevision &&
          !(await this.unfinished()).some((u) => u.started.importId === started.importId);
        if (closedMeanwhile) continue;
        if (refused && (error instanceof WrongExpectedRevision || error instanceof EventIdConflict))
          refused(started.importId, error.message);
        else throw error;
      }
    }
    return finished;
  }

  private completion(started: ImportStarted, metadata: Record<string, unknown>): NewEvent {
    const data: ImportCompleted = {
      importId: started.importId,
      count: started.count,
      digest: started.digest,
    };
    return { id: randomUUID(), type: 'ImportCompleted', data, metadata };
  }

  private async journalHead(): Promise<number | null> {
    for await (const last of this.store.readStream(IMPORT_JOURNAL, { direction: 'backwards', maxCount: 1 }))
      return last.revision;
    return null;
  }
}
