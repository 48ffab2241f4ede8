/**
 * @app/projections — pure, deterministic folds of the record: no I/O, no framework, no clock.
 *
 * Input: `Fact` = `{ id, position, recordedAt, event }`, the recorded events in any order. Every query takes an
 * optional `knownAt` (ISO instant): the record as it stood then (facts, corrections and retractions recorded
 * later are ignored). Dates are `YYYY-MM-DD`; a fact dated only to a month, a year or a range happened on one of
 * its days: on the days before the last the status it decides is undetermined (listed in `uncertain`, rows flagged
 * `undetermined`, `inForce: 'undetermined'`), from the last day on it surely holds.
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
 * The library has three floors, each importing only from those below it (`floors.spec.ts` holds it to that):
 * `time/` (spans and days: one binary search, "holds on day D" with the coarse-date rule, uncertainty rows),
 * `record/` (facts, supersession from the domain's one module, subject views folded by exhaustive `evolve`
 * switches, what an organisation's record comprises) and `queries/` (one file per query; every row carries the
 * `eventIds` that decide it). `reference/` is the independent naive reading the index is tested against.
 *
 * `source` is either a `TemporalIndex` (fed fact by fact with `apply`, answering from per-subject logs) or an
 * array of facts (answered by the reference fold, which reads the whole log: for tests and one-off use).
 *
 * Readings the answers rest on: docs/event-catalogue.md, "Reading the record" (the predecessor treaty is not the
 * organisation; periods and re-accession; amending protocols; one status per day; deployments present and
 * pending; undetermined answers; disputes; evidence on every row).
 */
import type { Fact } from './record/fact';
import type { HistoryQuery, InstrumentQuery, StateQuery, TimelineQuery } from './queries/query';
import type { InstrumentStatus } from './queries/instrument-status';
import type { OrganisationState } from './queries/organisation-state';
import type { HistorySpell } from './queries/participant-history';
import type { OrganisationHistory, OrganisationHistoryQuery } from './queries/organisation-history';
import {
  referenceInstrumentStatusAsOf,
  referenceOrganisationHistory,
  referenceParticipantHistory,
  referenceStateAsOf,
  referenceTimeline,
} from './reference';
import { TemporalIndex } from './temporal-index';
import type { TimelineEntry } from './queries/timeline';

export type { Fact, ResolvedFact, KnownAt } from './record/fact';
export type { StateQuery, InstrumentQuery, HistoryQuery, TimelineQuery } from './queries/query';
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
} from './queries/organisation-state';
export type { InstrumentStatus, ParticipantRow, DatesCompared } from './queries/instrument-status';
export type { HistorySpell } from './queries/participant-history';
export type {
  OrganisationHistory,
  OrganisationHistoryQuery,
  ParticipantSpells,
  InstrumentDates,
  DeploymentHistory,
  DeploymentPhase,
  ExternalStatusSpell,
  Establishment,
} from './queries/organisation-history';
export type { DisputedDate } from './record/disputes';
export type { TimelineEntry } from './queries/timeline';
export type { ViewSource } from './record/view-source';
export { TemporalIndex } from './temporal-index';
export {
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
  return source instanceof TemporalIndex
    ? source.instrumentStatusAsOf(query)
    : referenceInstrumentStatusAsOf(source, query);
}

export function participantHistory(
  source: FactSource,
  participant: string,
  query: HistoryQuery = {},
): HistorySpell[] {
  return source instanceof TemporalIndex
    ? source.participantHistory(participant, query)
    : referenceParticipantHistory(source, participant, query);
}

export function timeline(source: FactSource, query: TimelineQuery = {}): TimelineEntry[] {
  return source instanceof TemporalIndex ? source.timeline(query) : referenceTimeline(source, query);
}

export function organisationHistory(
  source: FactSource,
  query: OrganisationHistoryQuery,
): OrganisationHistory {
  return source instanceof TemporalIndex
    ? source.organisationHistory(query)
    : referenceOrganisationHistory(source, query);
}
