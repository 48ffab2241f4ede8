import { effectiveDay } from './dates';
import { isRecordKeepingEvent, type DomainEvent, type SubjectEvent } from './events/catalogue';

/**
 * How a record stands once corrections and retractions are applied, and the order its facts are read in: the one
 * statement of both, for the deciders (a stream's standing facts), the projections' index and reference fold, and
 * the live record's audit trails.
 */

/** A recorded fact as supersession reads it: its id, its place in recorded order, its event. */
export interface Superseding {
  readonly id: string;
  /** Strictly increasing in the order of recording. */
  readonly position: number;
  readonly event: DomainEvent;
}

/** A fact placed in effective order: by the first day of its effective date, then by recorded position. */
export interface Placed {
  readonly position: number;
  readonly event: { readonly effectiveDate: string };
}

/**
 * Effective order, then recorded order (DESIGN §1): the order every fold reads a subject's facts in. A coarse date
 * sorts with the first day of its period (`1992` with `1992-01-01`), a range with its start's.
 */
export function compareInEffectiveOrder(a: Placed, b: Placed): number {
  const x = effectiveDay(a.event.effectiveDate);
  const y = effectiveDay(b.event.effectiveDate);
  if (x !== y) return x < y ? -1 : 1;
  return a.position - b.position;
}

/**
 * The id of the subject fact a fact ultimately supersedes: itself for a subject fact; for a correction or a
 * retraction, the fact at the end of its `supersedes` chain (a correction of a correction corrects the same fact).
 * Undefined when the chain leads to a fact the record does not hold.
 */
function rootIdOf<F extends Superseding>(fact: F, byId: ReadonlyMap<string, F>): string | undefined {
  let current: F | undefined = fact;
  // A chain longer than the record would be a cycle: no store can produce one, but a fold must be total.
  for (let steps = 0; current !== undefined && steps <= byId.size; steps++) {
    const event: DomainEvent = current.event;
    if (!isRecordKeepingEvent(event)) return current.id;
    current = byId.get(event.supersedes);
  }
  return undefined;
}

/** Most facts are never corrected: they share one empty list rather than each holding its own. */
const UNCORRECTED: readonly string[] = Object.freeze([]);

/**
 * The record as it stands: each subject fact takes the content of the last correction or retraction recorded for
 * it (by position); a retracted fact leaves the record, a corrected one keeps its own place in recorded order.
 * Calls `standing` once per fact still standing, in the order `facts` gives them, with its content and the ids of
 * its corrections, oldest first.
 */
export function forEachStanding<F extends Superseding>(
  facts: Iterable<F>,
  standing: (fact: F, event: SubjectEvent, correctedBy: readonly string[]) => void,
): void {
  const byId = new Map<string, F>();
  for (const fact of facts) byId.set(fact.id, fact);
  const latest = new Map<string, F>();
  const corrections = new Map<string, F[]>();
  for (const fact of byId.values()) {
    if (!isRecordKeepingEvent(fact.event)) continue;
    const root = rootIdOf(fact, byId);
    if (root === undefined) continue;
    const previous = latest.get(root);
    if (previous === undefined || previous.position < fact.position) latest.set(root, fact);
    if (fact.event.type === 'FactCorrected') corrections.set(root, [...(corrections.get(root) ?? []), fact]);
  }
  for (const fact of byId.values()) {
    if (isRecordKeepingEvent(fact.event)) continue;
    const last = latest.get(fact.id)?.event;
    if (last?.type === 'FactRetracted') continue;
    const correctedBy = corrections.get(fact.id);
    standing(
      fact,
      last?.type === 'FactCorrected' ? last.corrected : fact.event,
      correctedBy === undefined
        ? UNCORRECTED
        : correctedBy.sort((a, b) => a.position - b.position).map((correction) => correction.id),
    );
  }
}
