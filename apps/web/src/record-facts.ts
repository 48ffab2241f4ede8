import type { TimelineEntry } from '@app/projections';
import { spanOf } from '@app/projections/time/span';

/**
 * What the chart needs from the record's own facts that the history answer does not carry: which treaty the
 * organisation succeeded (its founding fact names it), and which facts are disputed, with their readings' dates.
 */
export interface Founding {
  readonly foundingInstrument: string;
  readonly predecessorInstrument: string | null;
  readonly eventId: string;
}

/** A disputed fact: the date followed, the other readings' dates, and the days from the earliest to the latest. */
export interface DisputedDate {
  readonly eventId: string;
  readonly followed: string;
  readonly readings: readonly { readonly claim: string; readonly effectiveDate: string | null }[];
  readonly from: string;
  readonly to: string;
}

export interface RecordFacts {
  readonly founding: Founding | null;
  /** By event id: a spell resting on one of these facts rests on a disputed date. */
  readonly disputes: ReadonlyMap<string, DisputedDate>;
}

export function recordFacts(entries: readonly TimelineEntry[]): RecordFacts {
  let founding: Founding | null = null;
  const disputes = new Map<string, DisputedDate>();
  for (const { id, event } of entries) {
    if (event.type === 'OrganisationEstablished')
      founding = {
        foundingInstrument: event.foundingInstrument,
        predecessorInstrument: event.predecessorInstrument ?? null,
        eventId: id,
      };
    if (event.dispute === undefined) continue;
    const readings = event.dispute.readings.map(({ claim, effectiveDate }) => ({
      claim,
      effectiveDate: effectiveDate ?? null,
    }));
    const spans = [
      event.effectiveDate,
      ...readings.flatMap((r) => (r.effectiveDate ? [r.effectiveDate] : [])),
    ].map(spanOf);
    disputes.set(id, {
      eventId: id,
      followed: event.effectiveDate,
      readings,
      from: spans.reduce((min, span) => (span.from < min ? span.from : min), spans[0]?.from ?? ''),
      to: spans.reduce((max, span) => (span.to > max ? span.to : max), spans[0]?.to ?? ''),
    });
  }
  return { founding, disputes };
}
