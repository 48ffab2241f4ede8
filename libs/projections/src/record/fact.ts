import type { DomainEvent, SubjectEvent } from '@app/domain';

/** A recorded event as the projections see it: its id, its place in the order of recording, and when. */
export interface Fact {
  /** The event id (a correction names it in `supersedes`). */
  readonly id: string;
  /** Global position: strictly increasing in the order of recording. */
  readonly position: number;
  /** ISO instant set by the store; non-decreasing with position. */
  readonly recordedAt: string;
  readonly event: DomainEvent;
}

/**
 * A fact about a subject after supersession: the content the record holds for it (the latest known correction's,
 * if any), placed at the original fact's position so that a correction does not move it in recorded order.
 */
export interface ResolvedFact {
  readonly id: string;
  readonly position: number;
  readonly recordedAt: string;
  readonly event: SubjectEvent;
  /**
   * Ids of the corrections known for it, oldest first; absent when there are none (the index hands a fact that nothing
   * supersedes to the folds as it is, with no object of its own beside it).
   */
  readonly correctedBy?: readonly string[];
}

/** Shared by every query: what the record said at `knownAt` (an ISO instant), or the latest record when absent. */
export interface KnownAt {
  readonly knownAt?: string | null;
}

/** True when the fact is part of the record at `knownAt`. */
export function isKnown(recordedAt: string, knownAt: string | null | undefined): boolean {
  return knownAt === undefined || knownAt === null || recordedAt <= knownAt;
}
