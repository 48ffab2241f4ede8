import { streamId, streamOf } from '@app/domain';
import { isKnown, type Fact, type HistoryQuery, type InstrumentQuery, type ResolvedFact, type StateQuery, type TimelineQuery } from './fact';
import { composeInstrumentStatus, type InstrumentStatus } from './instrument-status';
import { composeOrganisationHistory, type OrganisationHistory, type OrganisationHistoryQuery } from './organisation-history';
import { composeState, type OrganisationState } from './organisation-state';
import { composeHistory, type HistorySpell } from './participant-history';
import { buildView, type SubjectView } from './subject-views';
import { compareResolved, resolveFacts } from './supersession';
import { composeTimeline, type TimelineEntry } from './timeline';
import { memoIn, type ViewSource } from './view-source';

/**
 * The naive projection, kept as the specification the temporal index is tested against: filter the log by
 * recorded time, apply corrections and retractions, sort by effective date then position, fold every subject.
 * Every query reads the whole log.
 */
export function referenceSource(log: readonly Fact[], knownAt: string | null | undefined): ViewSource {
  const resolved = resolveFacts(log.filter((fact) => isKnown(fact.recordedAt, knownAt))).sort(compareResolved);
  const bySubject = new Map<string, ResolvedFact[]>();
  for (const fact of resolved) {
    const subject = streamOf(fact.event);
    const list = bySubject.get(subject);
    if (list) list.push(fact);
    else bySubject.set(subject, [fact]);
  }
  const views = new Map<string, SubjectView | undefined>();
  const view = (subject: string): SubjectView | undefined => {
    if (!views.has(subject)) views.set(subject, buildView(subject, bySubject.get(subject) ?? []));
    return views.get(subject);
  };
  const idsOf = (category: string): string[] =>
    [...bySubject.keys()].filter((s) => s.startsWith(`${category}-`)).map((s) => s.slice(category.length + 1));
  return {
    organisation: (id) => narrow(view(streamId('organisation', id)), 'organisation'),
    instrument: (id) => narrow(view(streamId('instrument', id)), 'instrument'),
    deployment: (id) => narrow(view(streamId('deployment', id)), 'deployment'),
    instrumentsOf: () => idsOf('instrument'),
    amendmentsOf: () => idsOf('instrument'),
    deploymentsOf: () => idsOf('deployment'),
    organisationsFounded: () => idsOf('organisation'),
    subjectsOf: () => bySubject.keys(),
    subjects: () => bySubject.keys(),
    facts: (subject) => bySubject.get(subject) ?? [],
    memo: memoIn(new Map()),
  };
}

function narrow<K extends SubjectView['kind']>(view: SubjectView | undefined, kind: K): Extract<SubjectView, { kind: K }> | undefined {
  return view?.kind === kind ? (view as Extract<SubjectView, { kind: K }>) : undefined;
}

export function referenceStateAsOf(log: readonly Fact[], query: StateQuery): OrganisationState {
  return composeState(referenceSource(log, query.knownAt), query);
}

export function referenceInstrumentStatusAsOf(log: readonly Fact[], query: InstrumentQuery): InstrumentStatus {
  return composeInstrumentStatus(referenceSource(log, query.knownAt), query);
}

export function referenceParticipantHistory(log: readonly Fact[], participant: string, query: HistoryQuery = {}): HistorySpell[] {
  return composeHistory(referenceSource(log, query.knownAt), participant, query);
}

export function referenceTimeline(log: readonly Fact[], query: TimelineQuery = {}): TimelineEntry[] {
  return composeTimeline(referenceSource(log, query.knownAt), query);
}

export function referenceOrganisationHistory(log: readonly Fact[], query: OrganisationHistoryQuery): OrganisationHistory {
  return composeOrganisationHistory(referenceSource(log, query.knownAt), query);
}
