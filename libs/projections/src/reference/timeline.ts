import { effectiveDay, streamId, streamOf, type SubjectEvent } from '@app/domain';
import type { Fact } from '../record/fact';
import type { TimelineQuery } from '../queries/query';
import type { TimelineEntry } from '../queries/timeline';
import { deploymentsOf } from './deployments';
import { Record } from './record';
import { instrumentsOf } from './scope';

/** Every fact of the record that passes the filters, in effective order then recorded order. */
export function referenceTimeline(log: readonly Fact[], query: TimelineQuery = {}): TimelineEntry[] {
  const record = new Record(log, query.knownAt);
  const own = query.organisation === undefined ? undefined : organisationStreams(record, query.organisation);
  const from = query.from === undefined ? undefined : effectiveDay(query.from);
  const to = query.to === undefined ? undefined : effectiveDay(query.to);
  return record.facts
    .filter(({ event }) => {
      const key = effectiveDay(event.effectiveDate);
      return (
        (own === undefined || own.has(streamOf(event))) &&
        (from === undefined || key >= from) &&
        (to === undefined || key <= to) &&
        (query.type === undefined || event.type === query.type) &&
        (query.participant === undefined || concernsParticipant(event, query.participant)) &&
        (query.instrument === undefined || concernsInstrument(event, query.instrument))
      );
    })
    .map((fact) => ({
      id: fact.id,
      position: fact.position,
      recordedAt: fact.recordedAt,
      effectiveDate: fact.event.effectiveDate,
      type: fact.event.type,
      event: fact.event,
      correctedBy: fact.correctedBy ?? [],
    }));
}

/** The organisation's own streams: its own, its instruments', its deployments'. */
export function organisationStreams(record: Record, organisation: string): Set<string> {
  return new Set([
    streamId('organisation', organisation),
    ...instrumentsOf(record, organisation).map((instrument) => streamId('instrument', instrument.id)),
    ...deploymentsOf(record, organisation).map((deployment) => streamId('deployment', deployment.id)),
  ]);
}

function concernsParticipant(event: SubjectEvent, participant: string): boolean {
  return (
    ('participant' in event && event.participant === participant) ||
    ('contributor' in event && event.contributor === participant) ||
    ('host' in event && event.host === participant)
  );
}

function concernsInstrument(event: SubjectEvent, instrument: string): boolean {
  switch (event.type) {
    case 'InstrumentAmended':
      return event.instrument === instrument || event.protocol === instrument;
    case 'MemberAdmitted':
      return event.basis === instrument;
    case 'MembershipWithdrawalNotified':
      return event.instrument === instrument;
    case 'OrganisationEstablished':
      return event.foundingInstrument === instrument || event.predecessorInstrument === instrument;
    default:
      return 'instrument' in event && event.instrument === instrument;
  }
}
