import {
  compareInEffectiveOrder,
  parseStreamId,
  streamOf,
  type StreamCategory,
  type SubjectEvent,
} from '@app/domain';
import { isKnown, type Fact, type ResolvedFact } from '../record/fact';
import { spanOf, type Span } from '../time/span';
import { resolveFacts } from '../record/supersession';

/**
 * The record as it stood at `knownAt`, read the plain way: drop what was recorded later, apply corrections and
 * retractions, sort by effective date then recorded order, and file every fact under its stream. Each reading of
 * a subject (an instrument, an organisation) is worked out at most once per question and kept here.
 */
export class Record {
  /** Every fact of the record, in effective order then recorded order. */
  readonly facts: readonly ResolvedFact[];
  private readonly streams = new Map<string, ResolvedFact[]>();
  private readonly readings = new Map<string, unknown>();

  constructor(log: readonly Fact[], knownAt: string | null | undefined) {
    this.facts = resolveFacts(log.filter((fact) => isKnown(fact.recordedAt, knownAt))).sort(
      compareInEffectiveOrder,
    );
    for (const fact of this.facts) {
      const stream = streamOf(fact.event);
      const list = this.streams.get(stream);
      if (list) list.push(fact);
      else this.streams.set(stream, [fact]);
    }
  }

  /** The facts of one stream, in effective order then recorded order. */
  stream(stream: string): readonly ResolvedFact[] {
    return this.streams.get(stream) ?? [];
  }

  /** The ids of the subjects of a category that have at least one fact. */
  ids(category: StreamCategory): string[] {
    const ids: string[] = [];
    for (const stream of this.streams.keys()) {
      const parsed = parseStreamId(stream);
      if (parsed?.category === category) ids.push(parsed.id);
    }
    return ids.sort(byText);
  }

  /** A reading worked out once per question. */
  reading<T>(key: string, read: () => T): T {
    if (!this.readings.has(key)) this.readings.set(key, read());
    return this.readings.get(key) as T;
  }
}

/** A fact's date as written, the days it may fall on, and the fact's id. */
export interface When {
  readonly date: string;
  readonly span: Span;
  readonly eventId: string;
}

export function when(fact: ResolvedFact): When {
  return { date: fact.event.effectiveDate, span: spanOf(fact.event.effectiveDate), eventId: fact.id };
}

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The participant a fact is about, if any: a party, a member, a contributor. */
export function participantOf(event: SubjectEvent): string | undefined {
  if ('participant' in event) return event.participant;
  return 'contributor' in event ? event.contributor : undefined;
}
