import { isRecordKeepingEvent, type SubjectEvent } from '@app/domain';
import type { Fact, ResolvedFact } from './fact';

/**
 * The id of the subject fact a fact ultimately supersedes: itself for a subject fact; for a correction or a
 * retraction, the fact at the end of its `supersedes` chain (a correction of a correction corrects the same
 * fact). Undefined when the chain leads to a fact this record does not hold.
 */
export function rootIdOf(fact: Fact, byId: ReadonlyMap<string, Fact>): string | undefined {
  let current: Fact | undefined = fact;
  // A chain longer than the record would be a cycle: no store can produce one, but a fold must be total.
  for (let steps = 0; current !== undefined && steps <= byId.size; steps++) {
    const event = current.event;
    if (!isRecordKeepingEvent(event)) return current.id;
    current = byId.get(event.supersedes);
  }
  return undefined;
}

/** Most facts are never corrected: they share one empty list rather than each holding its own. */
const UNCORRECTED: readonly string[] = Object.freeze([]);

/**
 * Applies corrections and retractions: each subject fact takes the content of the last correction or retraction
 * recorded for it (by position). A retracted fact leaves the record; a corrected one keeps its place in recorded
 * order (its own position) with the corrected content. `facts` are those known at the time asked about.
 */
export function resolveFacts(facts: Iterable<Fact>): ResolvedFact[] {
  const byId = new Map<string, Fact>();
  for (const fact of facts) byId.set(fact.id, fact);
  const latest = new Map<string, Fact>();
  const corrections = new Map<string, string[]>();
  for (const fact of byId.values()) {
    if (!isRecordKeepingEvent(fact.event)) continue;
    const root = rootIdOf(fact, byId);
    if (root === undefined) continue;
    const previous = latest.get(root);
    if (previous === undefined || previous.position < fact.position) latest.set(root, fact);
    if (fact.event.type === 'FactCorrected') corrections.set(root, [...(corrections.get(root) ?? []), fact.id]);
  }
  const resolved: ResolvedFact[] = [];
  for (const fact of byId.values()) {
    if (isRecordKeepingEvent(fact.event)) continue;
    const last = latest.get(fact.id)?.event;
    if (last?.type === 'FactRetracted') continue;
    const event: SubjectEvent = last?.type === 'FactCorrected' ? last.corrected : fact.event;
    const correctedBy = corrections.get(fact.id)?.sort((a, b) => positionOf(byId, a) - positionOf(byId, b)) ?? UNCORRECTED;
    resolved.push({ id: fact.id, position: fact.position, recordedAt: fact.recordedAt, event, correctedBy });
  }
  return resolved;
}

function positionOf(byId: ReadonlyMap<string, Fact>, id: string): number {
  return byId.get(id)?.position ?? 0;
}

/** Effective order, then recorded order (DESIGN §1): the order every fold reads facts in. */
export function compareResolved(a: ResolvedFact, b: ResolvedFact): number {
  const x = effectiveKey(a.event.effectiveDate);
  const y = effectiveKey(b.event.effectiveDate);
  if (x !== y) return x < y ? -1 : 1;
  return a.position - b.position;
}

/** A coarse date sorts with the first day of its period (`1992` with `1992-01-01`), a range with its start's. */
export function effectiveKey(date: string): string {
  if (date.length === 10) return date;
  if (date.length === 7) return `${date}-01`;
  if (date.length === 4) return `${date}-01-01`;
  return effectiveKey(date.slice(0, date.indexOf('/')));
}
