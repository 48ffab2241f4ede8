import type { DomainEvent, EventOfType, WireName } from '@app/domain';
import type { Fact } from '../record/fact';
import { referenceStateAsOf } from '../reference';
import { TemporalIndex } from '../temporal-index';
import type { OrganisationState } from '../queries/organisation-state';
import type { InstrumentStatus } from '../queries/instrument-status';
import { referenceInstrumentStatusAsOf } from '../reference';

const shared = {
  sources: [{ seed: '004_b382b7bce98f5533.txt', quote: 'test' }],
  confidence: 'high' as const,
};

/** An event of the catalogue from its wire name and its own fields, with sources and confidence filled in. */
export function event<N extends WireName>(
  type: N,
  fields: Omit<EventOfType<N>, 'type' | 'sources' | 'confidence'>,
): EventOfType<N> {
  return { type, ...shared, ...fields } as unknown as EventOfType<N>;
}

/** Events recorded in order, one per day from 2026-01-01, with ids `e1`, `e2`, … unless given as facts. */
export function record(events: readonly (DomainEvent | Fact)[], start = 0): Fact[] {
  return events.map((item, index) => {
    if ('event' in item) return item;
    const position = start + index + 1;
    return { id: `e${position}`, position, recordedAt: recordedOn(position), event: item };
  });
}

export function recordedOn(position: number): string {
  return new Date(Date.UTC(2026, 0, 1) + position * 86_400_000).toISOString();
}

/**
 * `given(facts).asOf(date)`: the organisation state from both the reference and the index, which must agree;
 * `.knownAt(instant)` narrows to the record as it stood then.
 */
export function given(facts: readonly (DomainEvent | Fact)[]) {
  const log = record(facts);
  const index = new TemporalIndex().applyAll(log);
  const ask = (knownAt: string | null) => ({
    asOf(asOf: string, organisation = 'csto'): OrganisationState {
      const reference = referenceStateAsOf(log, { organisation, asOf, knownAt });
      const indexed = index.stateAsOf({ organisation, asOf, knownAt });
      expect(indexed).toEqual(reference);
      return reference;
    },
    instrument(instrument: string, asOf: string): InstrumentStatus {
      const reference = referenceInstrumentStatusAsOf(log, { instrument, asOf, knownAt });
      expect(index.instrumentStatusAsOf({ instrument, asOf, knownAt })).toEqual(reference);
      return reference;
    },
  });
  return { ...ask(null), knownAt: (instant: string) => ask(instant), log, index };
}
