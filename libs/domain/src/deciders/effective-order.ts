import { effectiveDay } from '../dates';
import { DomainError } from '../errors';
import type { SubjectEvent } from '../events/catalogue';
import { streamOf } from '../streams';
import { factCheck, NEW_FACT, type StandingFact, type StreamRules } from './decider';

/** A change to a stream's standing facts: a new fact, a correction (one out, its corrected version in), a retraction. */
export interface OrderChange {
  /** The id of the standing fact that goes out. */
  readonly remove?: string;
  /** The fact that comes in, at its place in effective-date order. */
  readonly insert?: StandingFact;
  /** The fact the change is about: a problem with it is its own, a problem with any other is caused by the change. */
  readonly changed: string;
}

/** What a stream that keeps its decider state needs of its standing facts, whatever the kind of stream. */
export interface StreamOrder<State = unknown> {
  /** The decider state after every standing fact. */
  readonly state: State;
  /** True when every standing fact held, in effective-date order, when the order was built. */
  readonly held: boolean;
  /** Any standing fact: in a stream that holds they all belong to the same stream. */
  readonly anyFact: SubjectEvent | undefined;
  standing(id: string): StandingFact | undefined;
  /** Throws the DomainError a full replay would throw for this change, and changes nothing. */
  check(change: OrderChange): void;
  /** As `check`, then keeps the change. */
  apply(change: OrderChange): void;
}

/** A standing fact with the first day of its effective date: the order is by that day, then by recorded position. */
interface PlacedFact extends StandingFact {
  readonly day: string;
}

/**
 * A stream's standing facts in effective-date order, with the decider state before every `checkpointEvery`-th
 * fact and after the last. A change re-checks only the facts from its place on, starting from the checkpoint
 * before that place: a fact dated after all others costs one `violation` and one `evolve`, a backdated one the
 * facts after its date. Everything before the place is unchanged and held before, so a full replay would find
 * nothing there. States are the decider's immutable values, so a checkpoint is shared, never copied.
 */
export class EffectiveOrder<State, Event extends SubjectEvent> implements StreamOrder<State> {
  private readonly facts: PlacedFact[] = [];
  private readonly byId = new Map<string, PlacedFact>();
  private readonly checkpoints: State[] = [];
  private last: State;
  readonly held: boolean;

  /** `standing`: the stream's standing facts in recorded order, as `standingFacts` gives them. */
  constructor(
    private readonly rules: StreamRules<State, Event>,
    private readonly checkpointEvery: number,
    standing: readonly StandingFact[],
  ) {
    const placed = standing.map(place).sort(byPlace);
    const check = factCheck(rules, standing[0] && streamOf(standing[0].event), NEW_FACT);
    let held = true;
    let state = rules.initialState();
    placed.forEach((fact, i) => {
      if (i % checkpointEvery === 0) this.checkpoints.push(state);
      if (held) held = holds(() => check(fact, state));
      state = this.evolve(state, fact);
      this.facts.push(fact);
      this.byId.set(fact.id, fact);
    });
    this.last = state;
    this.held = held;
  }

  get state(): State {
    return this.last;
  }

  get anyFact(): SubjectEvent | undefined {
    return this.facts[0]?.event;
  }

  standing(id: string): StandingFact | undefined {
    return this.byId.get(id);
  }

  check(change: OrderChange): void {
    this.replay(change);
  }

  apply(change: OrderChange): void {
    const { from, suffix, checkpoints, state } = this.replay(change);
    const removed = change.remove === undefined ? undefined : this.byId.get(change.remove);
    if (removed) this.byId.delete(removed.id);
    this.facts.length = from;
    for (const fact of suffix) {
      this.facts.push(fact);
      this.byId.set(fact.id, fact);
    }
    this.checkpoints.length = Math.ceil(from / this.checkpointEvery);
    for (const checkpoint of checkpoints) this.checkpoints.push(checkpoint);
    this.last = state;
  }

  /** The facts from the change's place on, as they stand after it, checked; with their checkpoints and the final state. */
  private replay(change: OrderChange): {
    from: number;
    suffix: PlacedFact[];
    checkpoints: State[];
    state: State;
  } {
    const removed = change.remove === undefined ? undefined : this.byId.get(change.remove);
    const inserted = change.insert && place(change.insert);
    const from = Math.min(
      removed ? this.indexOf(removed) : Infinity,
      inserted ? this.insertionPoint(inserted) : Infinity,
    );
    if (from === Infinity) return { from: this.facts.length, suffix: [], checkpoints: [], state: this.last };
    const suffix: PlacedFact[] = [];
    let pending = inserted;
    for (let i = from; i < this.facts.length; i++) {
      const fact = this.facts[i] as PlacedFact;
      if (pending && byPlace(pending, fact) < 0) {
        suffix.push(pending);
        pending = undefined;
      }
      if (fact !== removed) suffix.push(fact);
    }
    if (pending) suffix.push(pending);

    const stream = this.streamAfter(removed, inserted);
    const check = factCheck(this.rules, stream, change.changed);
    let state = this.stateAt(from);
    const checkpoints: State[] = [];
    suffix.forEach((fact, k) => {
      if ((from + k) % this.checkpointEvery === 0) checkpoints.push(state);
      check(fact, state);
      state = this.evolve(state, fact);
    });
    return { from, suffix, checkpoints, state };
  }

  /** The stream every standing fact must belong to once the change is made. */
  private streamAfter(removed: PlacedFact | undefined, inserted: PlacedFact | undefined): string | undefined {
    const kept = this.facts.find((fact) => fact !== removed) ?? inserted;
    return kept && streamOf(kept.event);
  }

  /** The state before the fact at `index`: from the checkpoint at or before it, or the last state at the end. */
  private stateAt(index: number): State {
    if (index === this.facts.length) return this.last;
    const checkpoint = Math.floor(index / this.checkpointEvery);
    let state = this.checkpoints[checkpoint] as State;
    for (let i = checkpoint * this.checkpointEvery; i < index; i++)
      state = this.evolve(state, this.facts[i] as PlacedFact);
    return state;
  }

  private evolve(state: State, fact: PlacedFact): State {
    return this.rules.accepts(fact.event) ? this.rules.evolve(state, fact.event) : state;
  }

  private indexOf(fact: PlacedFact): number {
    const at = this.insertionPoint(fact) - 1;
    if (this.facts[at] !== fact)
      throw new Error(`standing fact ${fact.id} is not at its place in effective order`);
    return at;
  }

  /** The index of the first fact placed after `fact`. */
  private insertionPoint(fact: PlacedFact): number {
    let [low, high] = [0, this.facts.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byPlace(this.facts[middle] as PlacedFact, fact) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function place(fact: StandingFact): PlacedFact {
  return { ...fact, day: effectiveDay(fact.event.effectiveDate) };
}

/** `compareInEffectiveOrder` on the day worked out once per fact: the order is compared many times per change. */
function byPlace(a: PlacedFact, b: PlacedFact): number {
  return a.day < b.day ? -1 : a.day > b.day ? 1 : a.position - b.position;
}

function holds(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}
