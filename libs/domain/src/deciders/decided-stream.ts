import { DomainError } from '../errors';
import { isRecordKeepingEvent, type DomainEvent, type SubjectEvent } from '../events/catalogue';
import { categoryOf, streamOf, type StreamCategory } from '../streams';
import { decide } from './decide';
import {
  NEW_FACT,
  standingFacts,
  supersessionProblem,
  throwIf,
  type RecordedFact,
  type RecordFact,
  type StandingFact,
} from './decider';
import { type DeploymentState, deploymentDecider } from './deployment.decider';
import { EffectiveOrder, type OrderChange, type StreamOrder } from './effective-order';
import { type InstrumentState, instrumentDecider } from './instrument.decider';
import { type OrganisationState, organisationDecider } from './organisation.decider';

export type StreamState = OrganisationState | InstrumentState | DeploymentState;

export interface DecidedStreamOptions {
  /** Keep the decider state before every n-th fact in effective order: a backdated fact replays at most n - 1 facts before its place. */
  readonly checkpointEvery?: number;
}

const CHECKPOINT_EVERY = 64;

/**
 * A stream's facts with its decider state kept between decisions, so that deciding one more fact costs the same
 * however long the stream is: the answer is always the one `decide(command, facts)` gives by replaying the whole
 * stream (a property test holds the two equal), but only what the new fact can change is replayed — nothing
 * before its effective date. Corrections and retractions re-check from the earlier of the old and new places.
 *
 * A history that does not hold in effective order (written before a rule existed, say) is decided by the full
 * replay every time, which gives that case its exact errors; so is a fact about another kind of stream.
 */
export class DecidedStream<Fact extends RecordedFact = RecordedFact> {
  private readonly history: Fact[] = [];
  private readonly byId = new Map<string, Fact>();
  private kind: StreamCategory | undefined;
  private order: StreamOrder<StreamState> | undefined;
  private held = true;

  private constructor(private readonly checkpointEvery: number) {}

  /** The stream with `history` (recorded order) already in it: one replay. */
  static of<Fact extends RecordedFact>(
    history: readonly Fact[],
    options: DecidedStreamOptions = {},
  ): DecidedStream<Fact> {
    const stream = new DecidedStream<Fact>(options.checkpointEvery ?? CHECKPOINT_EVERY);
    stream.reset(history);
    return stream;
  }

  /** The facts in recorded order. */
  get facts(): readonly Fact[] {
    return this.history;
  }

  /** The decider state after every fact, as `fold` gives it; undefined while the stream holds no subject fact. */
  get state(): StreamState | undefined {
    return this.order?.state;
  }

  fact(id: string): Fact | undefined {
    return this.byId.get(id);
  }

  /** The events to append ([the new fact]), or the DomainError a full replay throws. Changes nothing. */
  decide(command: RecordFact): DomainEvent[] {
    if (!this.decideIncrementally({ id: NEW_FACT, event: command.event }, 'check'))
      decide(command, this.history);
    return [command.event];
  }

  /** Decides the fact and, when it holds, keeps it; throws the DomainError and keeps nothing when it does not. */
  record(fact: Fact): DomainEvent[] {
    const incremental = !this.byId.has(fact.id) && this.decideIncrementally(fact, 'apply');
    if (!incremental) {
      decide({ event: fact.event }, this.history);
      this.reset([...this.history, fact]);
      return [fact.event];
    }
    this.history.push(fact);
    this.byId.set(fact.id, fact);
    return [fact.event];
  }

  /**
   * Keeps a fact the store already holds, whether or not it holds in this stream: what is stored is the record.
   * A fact that breaks the stream leaves it decided by full replays until the stream holds again.
   */
  follow(fact: Fact): void {
    try {
      this.record(fact);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.reset([...this.history, fact]);
    }
  }

  /** Decides through the kept order and returns true, or returns false when only a full replay gives the answer. */
  private decideIncrementally(fact: RecordedFact, step: 'check' | 'apply'): boolean {
    const { event } = fact;
    if (!this.held) return false;
    if (isRecordKeepingEvent(event)) {
      const order = this.order;
      if (order === undefined) return false;
      throwIf(
        supersessionProblem(
          event,
          this.byId.get(event.supersedes),
          () => order.standing(event.supersedes)?.event,
        ),
      );
      const original = order.standing(event.supersedes) as StandingFact;
      const corrected = event.type === 'FactCorrected' ? { ...original, event: event.corrected } : undefined;
      order[step]({ remove: original.id, insert: corrected, changed: original.id });
      return true;
    }
    const order = this.orderFor(event);
    if (order === undefined) return false;
    const change: OrderChange = {
      insert: { id: fact.id, position: this.history.length, event },
      changed: fact.id,
    };
    order[step](change);
    if (step === 'apply' && this.order === undefined) [this.kind, this.order] = [categoryOf(event), order];
    return true;
  }

  /** The order a new subject fact goes into, or undefined when it is about another stream (a full replay words that). */
  private orderFor(event: SubjectEvent): StreamOrder<StreamState> | undefined {
    const kind = categoryOf(event);
    if (this.order === undefined) return orderOf(kind, this.checkpointEvery, []);
    const any = this.order.anyFact;
    return kind === this.kind && (any === undefined || streamOf(any) === streamOf(event))
      ? this.order
      : undefined;
  }

  private reset(history: readonly Fact[]): void {
    this.history.length = 0;
    this.byId.clear();
    for (const fact of history) {
      this.history.push(fact);
      if (!this.byId.has(fact.id)) this.byId.set(fact.id, fact);
    }
    // As `decide` chooses the decider for a correction: by the stream's first subject fact.
    const first = history.find(
      (fact): fact is Fact & { event: SubjectEvent } => !isRecordKeepingEvent(fact.event),
    );
    this.kind = first && categoryOf(first.event);
    this.order = this.kind && orderOf(this.kind, this.checkpointEvery, standingFacts(history));
    this.held = this.order?.held ?? true;
  }
}

function orderOf(
  kind: StreamCategory,
  checkpointEvery: number,
  standing: readonly StandingFact[],
): StreamOrder<StreamState> {
  switch (kind) {
    case 'organisation':
      return new EffectiveOrder(organisationDecider.rules, checkpointEvery, standing);
    case 'instrument':
      return new EffectiveOrder(instrumentDecider.rules, checkpointEvery, standing);
    case 'deployment':
      return new EffectiveOrder(deploymentDecider.rules, checkpointEvery, standing);
  }
}
