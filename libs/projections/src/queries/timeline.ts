import { compareInEffectiveOrder, effectiveDay, type SubjectEvent } from '@app/domain';
import type { ResolvedFact } from '../record/fact';
import type { TimelineQuery } from './query';
import { countBefore } from '../time/span';
import { organisationSubjects } from '../record/organisation-record';
import type { ViewSource } from '../record/view-source';

/** A fact of the record as it stood at `knownAt`, with the corrections applied to it. */
export interface TimelineEntry {
  readonly id: string;
  readonly position: number;
  readonly recordedAt: string;
  readonly effectiveDate: string;
  readonly type: SubjectEvent['type'];
  readonly event: SubjectEvent;
  readonly correctedBy: readonly string[];
}

/** Whether the event concerns the participant: as a party, member, contributor or host. */
export function mentions(event: SubjectEvent, participant: string): boolean {
  return (
    ('participant' in event && event.participant === participant) ||
    ('contributor' in event && event.contributor === participant) ||
    ('host' in event && event.host === participant)
  );
}

function concernsInstrument(event: SubjectEvent, instrument: string): boolean {
  return (
    ('instrument' in event && event.instrument === instrument) ||
    ('protocol' in event && event.protocol === instrument) ||
    (event.type === 'MemberAdmitted' && event.basis === instrument) ||
    (event.type === 'OrganisationEstablished' &&
      (event.foundingInstrument === instrument || event.predecessorInstrument === instrument))
  );
}

/**
 * Facts ordered by effective date then position, with supersession applied. Each subject's facts are kept in
 * that order, so the date bounds are found by binary search and only the matching subjects are read.
 */
export function composeTimeline(source: ViewSource, query: TimelineQuery = {}): TimelineEntry[] {
  const own = query.organisation === undefined ? undefined : organisationSubjects(source, query.organisation);
  const subjects = [
    ...(query.participant !== undefined ? source.subjectsOf(query.participant) : (own ?? source.subjects())),
  ].filter((subject) => own === undefined || own.has(subject));
  const from = query.from === undefined ? undefined : effectiveDay(query.from);
  const to = query.to === undefined ? undefined : effectiveDay(query.to);
  const selected: ResolvedFact[] = [];
  for (const subject of new Set(subjects)) {
    const facts = source.facts(subject);
    const start =
      from === undefined ? 0 : countBefore(facts, (fact) => effectiveDay(fact.event.effectiveDate) < from);
    for (let index = start; index < facts.length; index++) {
      const fact = facts[index] as ResolvedFact;
      if (to !== undefined && effectiveDay(fact.event.effectiveDate) > to) break;
      if (query.type !== undefined && fact.event.type !== query.type) continue;
      if (query.participant !== undefined && !mentions(fact.event, query.participant)) continue;
      if (query.instrument !== undefined && !concernsInstrument(fact.event, query.instrument)) continue;
      selected.push(fact);
    }
  }
  return selected.sort(compareInEffectiveOrder).map((fact) => ({
    id: fact.id,
    position: fact.position,
    recordedAt: fact.recordedAt,
    effectiveDate: fact.event.effectiveDate,
    type: fact.event.type,
    event: fact.event,
    correctedBy: fact.correctedBy ?? [],
  }));
}
