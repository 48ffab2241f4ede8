import { decide } from '../deciders/decide';
import { DecidedStream } from '../deciders/decided-stream';
import type { RecordedFact } from '../deciders/decider';
import { DomainError, type DomainErrorCode } from '../errors';
import type { DomainEvent, EventOfType, WireName } from '../events/catalogue';
import { parseEvent } from '../parse-event';
import { sample } from './sample-events';

/**
 * Decider specifications: `given(history).when(fact).then([fact])` or `.thenRejects(code)`.
 * History facts given as bare events get ids e1, e2, … in order, so a correction can name `e2`. Every decision is
 * also made by a DecidedStream of the same history, which must give the same answer.
 */
export function given(history: readonly (DomainEvent | RecordedFact)[] = []) {
  const facts: RecordedFact[] = history.map((fact, i) =>
    'event' in fact ? fact : { id: `e${i + 1}`, event: fact },
  );
  return {
    when(event: DomainEvent) {
      const decision = (): DomainEvent[] => {
        const incremental = attempt(() => DecidedStream.of(facts).decide({ event }));
        const full = attempt(() => decide({ event }, facts));
        expect(incremental).toEqual(full);
        if ('error' in full) throw full.error;
        return full.events;
      };
      return {
        then(expected: readonly DomainEvent[]): void {
          expect(decision()).toEqual(expected);
        },
        thenRejects(code: DomainErrorCode): void {
          let thrown: unknown;
          try {
            decision();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(DomainError);
          expect((thrown as DomainError).code).toBe(code);
        },
      };
    },
  };
}

function attempt(decision: () => DomainEvent[]): { events: DomainEvent[] } | { error: unknown } {
  try {
    return { events: decision() };
  } catch (error) {
    return { error };
  }
}

/** A parsed event of `type`: a valid sample with `changes` applied. */
export function fact<Name extends WireName>(
  type: Name,
  changes: Readonly<Record<string, unknown>> = {},
): EventOfType<Name> {
  return parseEvent(sample(type, changes)) as EventOfType<Name>;
}
