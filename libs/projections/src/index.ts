/**
 * @app/projections — pure, deterministic folds of the record: no I/O, no framework, no clock.
 *
 * Input: `Fact` = `{ id, position, recordedAt, event }`, the recorded events in any order. Every query takes an
 * optional `knownAt` (ISO instant): the record as it stood then (facts, corrections and retractions recorded
 * later are ignored). Dates are `YYYY-MM-DD`; a fact dated only to a month or a year is not taken as having
 * happened until its period is over, and while the day asked about falls inside that period it is listed in
 * `uncertain` with the range.
 *
 * - `stateAsOf(source, { organisation, asOf, knownAt? })` → `OrganisationState`: members (status, basis, since),
 *   signatories, observers and partners (with the granting body), the organisation's statuses in other bodies,
 *   its instruments (in force, parties, derived vs reported entry into force), deployments, uncertain changes.
 * - `instrumentStatusAsOf(source, { instrument, asOf, knownAt? })` → `InstrumentStatus`: the participants table.
 * - `participantHistory(source, participant, { organisation?, knownAt? })` → `HistorySpell[]`.
 * - `timeline(source, { from?, to?, participant?, type?, instrument?, knownAt? })` → `TimelineEntry[]`.
 *
 * `source` is either a `TemporalIndex` (fed fact by fact with `apply`, answering from per-subject logs) or an
 * array of facts (answered by the reference fold, which reads the whole log: for tests and one-off use).
 */
import type { Fact, HistoryQuery, InstrumentQuery, StateQuery, TimelineQuery } from './fact';
import type { InstrumentStatus } from './instrument-status';
import type { OrganisationState } from './organisation-state';
import type { HistorySpell } from './participant-history';
import { referenceInstrumentStatusAsOf, referenceParticipantHistory, referenceStateAsOf, referenceTimeline } from './reference';
import { TemporalIndex } from './temporal-index';
import type { TimelineEntry } from './timeline';

export type { Fact, ResolvedFact, StateQuery, InstrumentQuery, HistoryQuery, TimelineQuery, KnownAt } from './fact';
export type {
  OrganisationState,
  MemberRow,
  SignatoryRow,
  GrantRow,
  ExternalStatusRow,
  InstrumentRow,
  DeploymentRow,
  UncertainRow,
} from './organisation-state';
export type { InstrumentStatus, ParticipantRow, DatesCompared } from './instrument-status';
export type { HistorySpell } from './participant-history';
export type { TimelineEntry } from './timeline';
export type { ViewSource } from './view-source';
export { TemporalIndex } from './temporal-index';
export { resolveFacts } from './supersession';
export {
  referenceSource,
  referenceStateAsOf,
  referenceInstrumentStatusAsOf,
  referenceParticipantHistory,
  referenceTimeline,
} from './reference';

/** Facts, or an index already fed with them. */
export type FactSource = TemporalIndex | readonly Fact[];

export function stateAsOf(source: FactSource, query: StateQuery): OrganisationState {
  return source instanceof TemporalIndex ? source.stateAsOf(query) : referenceStateAsOf(source, query);
}

export function instrumentStatusAsOf(source: FactSource, query: InstrumentQuery): InstrumentStatus {
  return source instanceof TemporalIndex ? source.instrumentStatusAsOf(query) : referenceInstrumentStatusAsOf(source, query);
}

export function participantHistory(source: FactSource, participant: string, query: HistoryQuery = {}): HistorySpell[] {
  return source instanceof TemporalIndex ? source.participantHistory(participant, query) : referenceParticipantHistory(source, participant, query);
}

export function timeline(source: FactSource, query: TimelineQuery = {}): TimelineEntry[] {
  return source instanceof TemporalIndex ? source.timeline(query) : referenceTimeline(source, query);
}
