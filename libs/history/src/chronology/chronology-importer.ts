import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import {
  DecidedStream,
  DomainError,
  InvalidEvent,
  parseEvent,
  streamOf,
  type DomainEvent,
  type RecordedFact,
} from '@app/domain';
import { EventIdConflict, EventStore, type StreamAppend, WrongExpectedRevision } from '@app/event-store';
import { sameFact, toNewEvent, toStoredFact, type StoredFact } from '../stored-facts';
import {
  type ChronologyEntry,
  type ChronologyProblem,
  chronologyFiles,
  readChronologyFile,
} from './chronology-files';
import { eventIdOf } from './fact-id';
import { ImportJournal, type ImportSummary } from './import-journal';

export interface ImportOptions {
  /** Who is recording: goes into every event's metadata. */
  readonly recordedBy: string;
  /** Called as streams are written: facts written or found already recorded, out of all facts. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ImportReport {
  readonly files: readonly string[];
  readonly facts: number;
  readonly appended: number;
  readonly alreadyRecorded: number;
  /** Non-empty means nothing was written. */
  readonly problems: readonly ChronologyProblem[];
  /** Imports left unfinished by an earlier run (killed part-way) that this one finished first. */
  readonly finished: readonly ImportSummary[];
}

interface ParsedFact {
  readonly entry: ChronologyEntry;
  readonly id: string;
  readonly event: DomainEvent;
}

interface StreamPlan {
  readonly streamId: string;
  readonly expectedRevision: number | 'no_stream';
  readonly toAppend: readonly ParsedFact[];
  readonly alreadyRecorded: number;
}

/** How many times an import checks and writes again when another writer moved a stream in between. */
const WRITE_ATTEMPTS = 3;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Imports chronology files. Everything is checked first — each fact through `parseEvent`, each stream through its
 * decider in effective-date order together with what the store already holds — and if anything is wrong, nothing
 * at all is written. Fact ids make the import idempotent: a fact already recorded is skipped, and one whose content
 * changed since is an error (history is corrected by a new fact, never rewritten). The writing itself goes through
 * the import journal: one transaction on the embedded store, and an import that can be finished elsewhere.
 */
@Injectable()
export class ChronologyImporter {
  private readonly journal: ImportJournal;

  constructor(private readonly store: EventStore) {
    this.journal = new ImportJournal(store);
  }

  async import(path: string, options: ImportOptions): Promise<ImportReport> {
    // An earlier import killed part-way is finished before this one reads what the store holds.
    const finished = await this.journal.finishUnfinished(options.recordedBy);
    const base = statSync(path).isDirectory() ? path : dirname(path);
    const { files, problems: refused } = chronologyFiles(path, base);
    const read = files.map((file) => readChronologyFile(file, base));
    const entries = read.flatMap((r) => r.entries);
    const problems = [...refused, ...read.flatMap((r) => r.problems), ...duplicateIds(entries)];
    const streams = groupByStream(this.parse(entries, problems), problems);
    const report = {
      files: files.map((file) => relative(base, file) || file),
      facts: entries.length,
      finished,
    };
    for (let attempt = 1; ; attempt++) {
      const planProblems = [...problems];
      const plans = await this.plan(streams, planProblems);
      if (planProblems.length > 0)
        return { ...report, appended: 0, alreadyRecorded: 0, problems: planProblems.sort(byPlace) };
      try {
        const written = await this.write(plans, path, report.files, options, planProblems);
        if (written) return { ...report, ...written, problems: [] };
        return { ...report, appended: 0, alreadyRecorded: 0, problems: planProblems.sort(byPlace) };
      } catch (error) {
        // Another writer (the API, another import) moved a stream between the checks and the write, which then
        // wrote nothing: check again against the stream as it now stands.
        if (!(error instanceof WrongExpectedRevision) || attempt >= WRITE_ATTEMPTS) throw error;
      }
    }
  }

  private parse(entries: readonly ChronologyEntry[], problems: ChronologyProblem[]): ParsedFact[] {
    const ids = new Map(entries.map((entry) => [entry.factId, eventIdOf(entry.factId)]));
    return entries.flatMap((entry) => {
      try {
        return [{ entry, id: eventIdOf(entry.factId), event: parseEvent(withEventIds(entry.raw, ids)) }];
      } catch (error) {
        if (!(error instanceof InvalidEvent)) throw error;
        problems.push(...error.problems.map((p) => ({ ...place(entry), path: p.path, reason: p.reason })));
        return [];
      }
    });
  }

  private async plan(
    streams: Map<string, ParsedFact[]>,
    problems: ChronologyProblem[],
  ): Promise<StreamPlan[]> {
    const plans: StreamPlan[] = [];
    for (const [streamId, facts] of streams) {
      const stored = new Map<string, StoredFact>();
      for await (const recorded of this.store.readStream(streamId))
        stored.set(recorded.id, toStoredFact(recorded));
      // Decided once, then fact by fact from each fact's date on: an import's cost does not grow with the stream.
      const history = DecidedStream.of<RecordedFact>([...stored.values()]);
      const toAppend: ParsedFact[] = [];
      let alreadyRecorded = 0;
      for (const fact of facts) {
        const existing = stored.get(fact.id);
        if (existing && sameFact(existing.event, fact.event)) {
          alreadyRecorded += 1;
        } else if (existing) {
          const reason = `changed since it was recorded on ${existing.recordedAt}: record a FactCorrected naming it instead of editing it`;
          problems.push({ ...place(fact.entry), reason });
        } else {
          try {
            history.record(fact);
            toAppend.push(fact);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            problems.push({ ...place(fact.entry), reason: `${error.code}: ${error.message}` });
          }
        }
      }
      const last = [...stored.values()].at(-1)?.revision;
      plans.push({ streamId, expectedRevision: last ?? 'no_stream', toAppend, alreadyRecorded });
    }
    return plans;
  }

  /**
   * Writes every stream's new facts as one import, or nothing: an id that the store holds in another stream (which
   * only the write can see) becomes a problem at the fact's place, and the caller reports nothing written.
   */
  private async write(
    plans: readonly StreamPlan[],
    source: string,
    files: readonly string[],
    { recordedBy, onProgress }: ImportOptions,
    problems: ChronologyProblem[],
  ): Promise<{ appended: number; alreadyRecorded: number } | undefined> {
    const correlationId = randomUUID();
    const appended = plans.reduce((sum, plan) => sum + plan.toAppend.length, 0);
    const alreadyRecorded = plans.reduce((sum, plan) => sum + plan.alreadyRecorded, 0);
    const appends: StreamAppend[] = plans
      .filter((plan) => plan.toAppend.length > 0)
      .map((plan) => ({
        streamId: plan.streamId,
        expectedRevision: plan.expectedRevision,
        events: plan.toAppend.map(({ id, event, entry }) =>
          toNewEvent(id, event, {
            recordedBy,
            correlationId,
            importedFrom: { file: entry.file, line: entry.line, factId: entry.factId },
          }),
        ),
      }));
    if (appends.length > 0) {
      try {
        await this.journal.write(appends, { source, files, recordedBy, correlationId });
      } catch (error) {
        if (!(error instanceof EventIdConflict)) throw error;
        const fact = plans.flatMap((plan) => plan.toAppend).find((f) => f.id === error.eventId);
        problems.push(
          fact
            ? {
                ...place(fact.entry),
                path: 'id',
                reason: `its event id is ${error.reason}: a fact id names one fact in the whole record`,
              }
            : { file: source, reason: error.message },
        );
        return undefined;
      }
    }
    onProgress?.(appended + alreadyRecorded, appended + alreadyRecorded);
    return { appended, alreadyRecorded };
  }
}

/** In a chronology file a correction may name the fact it supersedes by fact id; the store knows event ids. */
function withEventIds(
  raw: Record<string, unknown>,
  ids: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const supersedes = raw['supersedes'];
  if (typeof supersedes !== 'string' || UUID.test(supersedes)) return raw;
  return { ...raw, supersedes: ids.get(supersedes) ?? supersedes };
}

function groupByStream(
  facts: readonly ParsedFact[],
  problems: ChronologyProblem[],
): Map<string, ParsedFact[]> {
  const streamOfId = new Map<string, string>();
  const streams = new Map<string, ParsedFact[]>();
  for (const fact of facts) {
    try {
      const streamId = streamOf(
        fact.event,
        (id) => streamOfId.get(id) as ReturnType<typeof streamOf> | undefined,
      );
      streamOfId.set(fact.id, streamId);
      streams.set(streamId, [...(streams.get(streamId) ?? []), fact]);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push({ ...place(fact.entry), path: 'supersedes', reason: error.message });
    }
  }
  return streams;
}

function duplicateIds(entries: readonly ChronologyEntry[]): ChronologyProblem[] {
  const first = new Map<string, ChronologyEntry>();
  return entries.flatMap((entry) => {
    const earlier = first.get(entry.factId);
    if (!earlier) {
      first.set(entry.factId, entry);
      return [];
    }
    return [
      {
        ...place(entry),
        path: 'id',
        reason: `the fact id is already used at ${earlier.file}:${earlier.line}`,
      },
    ];
  });
}

function place(entry: ChronologyEntry): Pick<ChronologyProblem, 'file' | 'line' | 'factId'> {
  return { file: entry.file, line: entry.line, factId: entry.factId };
}

function byPlace(a: ChronologyProblem, b: ChronologyProblem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
}
