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
 * - `organisationHistory(source, { organisation, knownAt? })` → `OrganisationHistory`: every participant with its
 *   spells in the organisation, the instruments' entry into force, the deployments' phases (what a chart draws).
 *
 * `source` is either a `TemporalIndex` (fed fact by fact with `apply`, answering from per-subject logs) or an
 * array of facts (answered by the reference fold, which reads the whole log: for tests and one-off use).
 *
 * Readings the answers rest on:
 * - Membership: before the founding instrument is in force (`exists: false`), the members are the parties to the
 *   predecessor instrument (basis: its id). From then on, a participant the organisation's stream admits is a
 *   member by those records (basis: the admission's); a participant the stream says nothing about is a member while
 *   a party to the founding instrument (basis: its id). `since` is the first day of the unbroken membership,
 *   across the handover; `statusSince` the first day of the current status. Suspended outranks frozen.
 * - Entry into force and termination: derived from the instrument's clause where the record allows it, otherwise
 *   the reported fact; a report that differs from the derivation is shown beside it (`disagreement`). A fixed term
 *   renewed by protocol lapses, at its end, for a party that signed no protocol recorded as amending the instrument
 *   by then. Membership ends on a recorded `MembershipEnded`, else after the notice period of a withdrawal notice.
 * - Coarse dates: a change dated `YYYY` or `YYYY-MM` takes effect in the main answer only after its period; inside
 *   it the earlier status stands and the change is listed in `uncertain` with its range. A date derived from a
 *   coarse one (a notice period) is shown as an ISO 8601 interval `from/to`.
 */
import type { Fact, HistoryQuery, InstrumentQuery, StateQuery, TimelineQuery } from './fact';
import type { InstrumentStatus } from './instrument-status';
import type { OrganisationState } from './organisation-state';
import type { HistorySpell } from './participant-history';
import type { OrganisationHistory, OrganisationHistoryQuery } from './organisation-history';
import { referenceInstrumentStatusAsOf, referenceOrganisationHistory, referenceParticipantHistory, referenceStateAsOf, referenceTimeline } from './reference';
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
  Undetermined,
} from './organisation-state';
export type { InstrumentStatus, ParticipantRow, DatesCompared } from './instrument-status';
export type { HistorySpell } from './participant-history';
export type { OrganisationHistory, OrganisationHistoryQuery, ParticipantSpells, InstrumentDates, DeploymentHistory, DeploymentPhase, ExternalStatusSpell } from './organisation-history';
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
  referenceOrganisationHistory,
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

export function organisationHistory(source: FactSource, query: OrganisationHistoryQuery): OrganisationHistory {
  return source instanceof TemporalIndex ? source.organisationHistory(query) : referenceOrganisationHistory(source, query);
}
