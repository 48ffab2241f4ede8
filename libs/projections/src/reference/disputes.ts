import { parseStreamId } from '@app/domain';
import { whatOf, type Disputed, type DisputedDate } from '../record/disputes';
import type { UncertainRow } from '../time/span';
import { hasTakenEffect, spanOf } from '../time/span';
import { byText, participantOf, type Record } from './record';

/**
 * The disputes that matter on the day among the facts of the given streams, in their order: a fact whose reading
 * followed and another dated reading fall on different sides of the day. Each gives an uncertain row, and flags
 * every row resting on the fact.
 */
export function disputesOnDay(
  record: Record,
  streams: Iterable<string>,
  day: string,
): { byId: ReadonlyMap<string, Disputed>; rows: UncertainRow[] } {
  const byId = new Map<string, Disputed>();
  const rows: UncertainRow[] = [];
  for (const stream of streams) {
    for (const fact of record.stream(stream)) {
      const dispute = fact.event.dispute;
      if (dispute === undefined) continue;
      const followed = spanOf(fact.event.effectiveDate);
      const happened = hasTakenEffect(followed, day);
      const other = dispute.readings.find(
        (reading) =>
          reading.effectiveDate !== undefined &&
          hasTakenEffect(spanOf(reading.effectiveDate), day) !== happened,
      );
      if (other === undefined) continue;
      const subject = parseStreamId(stream)?.id ?? stream;
      const disputed: Disputed = {
        eventId: fact.id,
        followed: dispute.followed,
        readings: dispute.readings.map((reading) => ({
          claim: reading.claim,
          effectiveDate: reading.effectiveDate ?? null,
        })),
        effect: `under the other reading (${other.claim}), ${participantOf(fact.event) ?? subject} ${happened ? 'has not yet' : 'has already'} ${whatOf(fact.event)}`,
      };
      byId.set(fact.id, disputed);
      const spans = [
        followed,
        ...dispute.readings.flatMap((reading) =>
          reading.effectiveDate === undefined ? [] : [spanOf(reading.effectiveDate)],
        ),
      ];
      const participant = participantOf(fact.event);
      rows.push({
        subject,
        ...(participant ? { participant } : {}),
        status: 'disputed',
        from: spans.map((span) => span.from).sort()[0] as string,
        to: spans
          .map((span) => span.to)
          .sort()
          .at(-1) as string,
        because: disputed.effect,
        disputed,
      } as UncertainRow);
    }
  }
  return { byId, rows };
}

/** The row with the dispute of the first fact it rests on that is disputed on the day. */
export function flagged<R extends { readonly eventIds: readonly string[] }>(
  row: R,
  disputes: ReadonlyMap<string, Disputed>,
): R {
  const disputed = row.eventIds.map((id) => disputes.get(id)).find((found) => found !== undefined);
  return disputed === undefined ? row : { ...row, disputed };
}

/** Every disputed fact among the given streams' facts, with the days from its earliest to its latest reading. */
export function disputedDatesOf(record: Record, streams: Iterable<string>): DisputedDate[] {
  const found: DisputedDate[] = [];
  for (const stream of streams) {
    for (const fact of record.stream(stream)) {
      const dispute = fact.event.dispute;
      if (dispute === undefined) continue;
      const spans = [
        fact.event.effectiveDate,
        ...dispute.readings.flatMap((reading) => reading.effectiveDate ?? []),
      ].map(spanOf);
      found.push({
        eventId: fact.id,
        date: fact.event.effectiveDate,
        followed: dispute.followed,
        readings: dispute.readings.map((reading) => ({
          claim: reading.claim,
          effectiveDate: reading.effectiveDate ?? null,
        })),
        from: spans.map((span) => span.from).sort()[0] as string,
        to: spans
          .map((span) => span.to)
          .sort()
          .at(-1) as string,
      });
    }
  }
  return found.sort((a, b) => byText(a.from, b.from) || byText(a.eventId, b.eventId));
}
