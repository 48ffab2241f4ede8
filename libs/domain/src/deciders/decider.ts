import { DomainError } from '../errors';
import {
  isRecordKeepingEvent,
  type DomainEvent,
  type RecordKeepingEvent,
  type SubjectEvent,
} from '../events/catalogue';
import { streamOf } from '../streams';
import { compareInEffectiveOrder, forEachStanding } from '../supersession';

/** A fact already in a stream, with the id the store gave it. History is passed in recorded order. */
export interface RecordedFact {
  readonly id: string;
  readonly event: DomainEvent;
}

/** The one command: record this new fact (already through parseEvent) in its stream. */
export interface RecordFact {
  readonly event: DomainEvent;
}

/** What a stream kind contributes: its state, how a fact changes it, and which fact would break it. */
export interface StreamRules<State, Event extends SubjectEvent> {
  readonly accepts: (event: SubjectEvent) => event is Event;
  readonly initialState: () => State;
  /** Total and pure: a fact that breaks an invariant is caught by `violation` before it gets here. */
  readonly evolve: (state: State, event: Event) => State;
  readonly violation: (state: State, event: Event) => DomainError | undefined;
}

export interface Decider<State, Event extends SubjectEvent> {
  /**
   * Returns the events to append ([the new fact]) or throws DomainError. The new fact is placed in effective-date
   * order among the standing facts (ties: recorded order, the new fact last), and every invariant is checked
   * over the whole replay, so a backdated fact cannot make a later one inconsistent.
   */
  readonly decide: (command: RecordFact, history: readonly RecordedFact[]) => DomainEvent[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
  /** The state at the end of the history: corrections applied, retractions removed, in effective-date order. */
  readonly fold: (history: readonly RecordedFact[]) => State;
  /** What the decider is made of, for a stream that keeps its state between decisions (DecidedStream). */
  readonly rules: StreamRules<State, Event>;
}

/** A subject fact as the record now stands, and where it was first recorded (which breaks date ties). */
export interface StandingFact {
  readonly id: string;
  readonly position: number;
  readonly event: SubjectEvent;
}

/** The id the new fact stands under while it is checked: no stored id is empty. */
export const NEW_FACT = '';

export function deciderOf<State, Event extends SubjectEvent>(
  rules: StreamRules<State, Event>,
): Decider<State, Event> {
  const replay = (facts: readonly StandingFact[], check: (fact: StandingFact, state: State) => void): State =>
    inEffectiveOrder(facts).reduce((state, fact) => {
      check(fact, state);
      return rules.accepts(fact.event) ? rules.evolve(state, fact.event) : state;
    }, rules.initialState());

  return {
    rules,
    initialState: rules.initialState,
    evolve: rules.evolve,
    fold: (history) => replay(standingFacts(history), () => undefined),
    decide: ({ event }, history) => {
      if (isRecordKeepingEvent(event)) throwIf(supersessionViolation(event, history));
      const standing = standingFacts([...history, { id: NEW_FACT, event }]);
      const changed = isRecordKeepingEvent(event) ? event.supersedes : NEW_FACT;
      replay(standing, factCheck(rules, standing[0] && streamOf(standing[0].event), changed));
      return [event];
    },
  };
}

/**
 * The check of one standing fact against the state before it, as a replay in effective-date order makes it: the
 * fact must belong to `stream` and keep the rules. A problem with the `changed` fact (the new one, or the one a
 * correction replaces) is its own; a problem with any other fact is one the change causes, and says so.
 */
export function factCheck<State, Event extends SubjectEvent>(
  rules: StreamRules<State, Event>,
  stream: string | undefined,
  changed: string,
): (fact: StandingFact, state: State) => void {
  return (fact, state) => {
    const problem =
      streamProblem(fact.event, stream) ??
      (rules.accepts(fact.event) ? rules.violation(state, fact.event) : undefined);
    if (problem === undefined) return;
    throw fact.id === changed
      ? problem
      : new DomainError(
          problem.code,
          `with this fact recorded, an existing fact no longer holds: ${problem.message}`,
        );
  };

  function streamProblem(event: SubjectEvent, stream: string | undefined): DomainError | undefined {
    if (rules.accepts(event) && streamOf(event) === stream) return undefined;
    return new DomainError(
      'WRONG_STREAM',
      `${event.type} belongs to ${streamOf(event)}, not to ${stream ?? 'this stream'}`,
    );
  }
}

/** Subject facts as the record now stands: corrected facts in place of the originals, retracted ones gone. */
export function standingFacts(history: readonly RecordedFact[]): StandingFact[] {
  const standing: StandingFact[] = [];
  forEachStanding(
    history.map(({ id, event }, position) => ({ id, position, event })),
    ({ id, position }, event) => standing.push({ id, position, event }),
  );
  return standing;
}

function inEffectiveOrder(facts: readonly StandingFact[]): StandingFact[] {
  return [...facts].sort(compareInEffectiveOrder);
}

function supersessionViolation(
  event: RecordKeepingEvent,
  history: readonly RecordedFact[],
): DomainError | undefined {
  const target = history.find((fact) => fact.id === event.supersedes);
  return supersessionProblem(
    event,
    target,
    () => standingFacts(history).find((fact) => fact.id === event.supersedes)?.event,
  );
}

/**
 * Why a correction or retraction cannot supersede `target` (the stream's fact with the id it names, if any), whose
 * version as the record now stands `standing` gives (undefined once retracted); undefined when it can. `standing` is
 * called only when needed: a full history finds it by replaying the supersessions.
 */
export function supersessionProblem(
  event: RecordKeepingEvent,
  target: RecordedFact | undefined,
  standing: () => SubjectEvent | undefined,
): DomainError | undefined {
  const named = `${event.type} supersedes ${event.supersedes}`;
  if (target === undefined)
    return new DomainError('UNKNOWN_FACT', `${named}, which is not a fact of this stream`);
  if (isRecordKeepingEvent(target.event)) {
    return new DomainError(
      'SUPERSEDES_RECORD_KEEPING',
      `${named}, a ${target.event.type}: name the original fact instead`,
    );
  }
  const current = standing();
  if (current === undefined)
    return new DomainError('ALREADY_RETRACTED', `${named}, which has been retracted`);
  if (event.effectiveDate !== current.effectiveDate) {
    return new DomainError(
      'SUPERSEDED_DATE_MISMATCH',
      `${named}, effective ${current.effectiveDate}, but is dated ${event.effectiveDate}`,
    );
  }
  if (event.type === 'FactRetracted') return undefined;
  if (event.corrected.type !== current.type) {
    return new DomainError(
      'CORRECTION_CHANGES_TYPE',
      `${named}, a ${current.type}, but the correction is a ${event.corrected.type}: retract it and record the right fact`,
    );
  }
  if (streamOf(event.corrected) !== streamOf(current)) {
    return new DomainError(
      'CORRECTION_CHANGES_STREAM',
      `${named} in ${streamOf(current)}, but the correction is about ${streamOf(event.corrected)}: retract it and record the fact there`,
    );
  }
  return undefined;
}

export function throwIf(error: DomainError | undefined): void {
  if (error) throw error;
}
