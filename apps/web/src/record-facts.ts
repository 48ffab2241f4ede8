import type { DisputedDate, Establishment, OrganisationHistory } from '@app/projections';

/**
 * What the chart needs beside the spells, as the history answer carries it: which treaty the organisation succeeded
 * (its founding fact names it), and which facts are disputed, with their readings' dates.
 */
export interface RecordFacts {
  readonly founding: Establishment | null;
  /** By event id: a spell resting on one of these facts rests on a disputed date. */
  readonly disputes: ReadonlyMap<string, DisputedDate>;
}

export function recordFacts(history: OrganisationHistory): RecordFacts {
  return {
    founding: history.established,
    disputes: new Map(history.disputes.map((dispute) => [dispute.eventId, dispute])),
  };
}
