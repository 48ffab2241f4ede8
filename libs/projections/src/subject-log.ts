import { forEachStanding, parseStreamId, type SubjectEvent } from '@app/domain';
import type { Fact, ResolvedFact } from './record/fact';
import { buildView, evolveView, type SubjectView } from './record/subject-views';
import { organisationAt } from './record/past-organisation-view';
import { countBefore, effectiveOrdinal, type Spans } from './time/span';
import { IntList } from './int-list';

/** What one subject's facts resolve to for one prefix of its log. */
export interface Projection {
  readonly facts: readonly ResolvedFact[];
  readonly view: SubjectView | undefined;
}

/**
 * One content a subject fact had over a stretch of recorded time: what the record held for it from the recorded
 * position `from` (its own, or that of the correction that gave this content) until the position `until` of the
 * next supersession (exclusive; infinite for the content held now). It reads as the resolved fact at any cutoff in
 * that stretch: the original fact's id and place in recorded order, with the content and corrections known then.
 */
export class Version implements ResolvedFact {
  constructor(
    readonly fact: Fact,
    readonly event: SubjectEvent,
    readonly correctedBy: readonly string[],
    readonly from: number,
    readonly until: number,
    /** `effectiveOrdinal` of the content's date: where the content stands in effective order. */
    readonly key: number,
  ) {}

  get id(): string {
    return this.fact.id;
  }

  get position(): number {
    return this.fact.position;
  }

  get recordedAt(): string {
    return this.fact.recordedAt;
  }

  /** Whether this is the content the record held once it had recorded everything up to position `cutoff`. */
  heldAt(cutoff: number): boolean {
    return this.from <= cutoff && cutoff < this.until;
  }
}

/**
 * What a log's effective order holds: a fact that nothing has superseded, which is its own resolved fact (its own
 * content, held from its own position on; most facts, so they need no object beside them), or one content of a
 * fact that has been superseded.
 */
export type Held = Fact | Version;

function isVersion(held: Held): held is Version {
  return held instanceof Version;
}

/** The fact a held content belongs to. */
function factOf(held: Held): Fact {
  return isVersion(held) ? held.fact : held;
}

/** The recorded position from which a content is held. */
function fromOf(held: Held): number {
  return isVersion(held) ? held.from : held.position;
}

function isHeldNow(held: Held): boolean {
  return !isVersion(held) || held.until === Infinity;
}

function isHeldAt(held: Held, cutoff: number): boolean {
  return isVersion(held) ? held.heldAt(cutoff) : held.position <= cutoff;
}

/** The resolved fact a held content reads as (a fact of the log holds a subject event: record-keeping facts are never placed). */
function resolvedOf(held: Held): ResolvedFact {
  return held as ResolvedFact;
}

function keyOf(held: Held): number {
  return isVersion(held) ? held.key : effectiveOrdinal((held.event as SubjectEvent).effectiveDate);
}

/**
 * Every content a subject fact has had, oldest first, given the corrections and retractions whose chain leads to it.
 * The content can change only where one of them is recorded: at each such position the record's supersession rule
 * (`forEachStanding`, shared with the deciders and the reference) says what stood then, and a new version begins
 * where that differs from the last; a retracted stretch has no version. Worked out once per supersession (a fact
 * has few), instead of once per query.
 */
export function versionsOf(root: Fact, supersessions: readonly Fact[]): Version[] {
  const recorded = [root, ...supersessions].sort((a, b) => a.position - b.position);
  const stretches: {
    from: number;
    standing: { event: SubjectEvent; correctedBy: readonly string[] } | undefined;
  }[] = [];
  for (let at = recorded.indexOf(root); at < recorded.length; at++) {
    let standing: { event: SubjectEvent; correctedBy: readonly string[] } | undefined;
    forEachStanding(
      recorded.slice(0, at + 1),
      (_, event, correctedBy) => (standing = { event, correctedBy }),
    );
    const last = stretches.at(-1)?.standing;
    const same =
      last === standing ||
      (last !== undefined &&
        standing !== undefined &&
        last.event === standing.event &&
        last.correctedBy.join('\u0000') === standing.correctedBy.join('\u0000'));
    if (!same || stretches.length === 0) stretches.push({ from: (recorded[at] as Fact).position, standing });
  }
  return stretches.flatMap(({ from, standing }, at) => {
    if (standing === undefined) return [];
    const until = stretches[at + 1]?.from ?? Infinity;
    return [
      new Version(
        root,
        standing.event,
        standing.correctedBy,
        from,
        until,
        effectiveOrdinal(standing.event.effectiveDate),
      ),
    ];
  });
}

/**
 * Of two contents on the same day of effective order, whether `a` comes first: recorded order, then two contents of one
 * fact (never held at once) by when they were held.
 */
function precedesOnItsDay(a: Held, b: Held): boolean {
  const aPosition = factOf(a).position;
  const bPosition = factOf(b).position;
  if (aPosition !== bPosition) return aPosition < bPosition;
  return fromOf(a) < fromOf(b);
}

/**
 * One subject's log on two axes. `entries` are its facts and the supersessions that concern them in recorded
 * order: a `knownAt` finds its cutoff there by binary search. `order` holds every content its facts have had in
 * effective order, each with the stretch of recorded positions it was held for: the resolved facts known at a
 * cutoff are those held at it, read in one pass, already in the order the folds read them.
 *
 * Most logs are recorded in effective order and nothing in them is superseded: the two orders are then one list,
 * kept once (an array of a pointer per fact, 11 B per event at 200k, measured), until a fact arrives out of
 * effective order, a supersession is recorded, or a content moves in.
 */
export class SubjectLog {
  private recorded: Fact[] = [];
  /** The effective order, once it differs from the recorded one; until then `recorded` is both. */
  private effective: Held[] | undefined;
  /** The effective-order key (`keyOf`) of each content in `order`, at the same index. */
  private keys = new IntList();
  /** Versions in `order` that a later supersession replaced: while none, the facts held now are `order` itself. */
  private replaced = 0;
  /**
   * Contents in `order` held from a position other than their fact's own (one a correction moved in from another
   * subject is held from the correction's): the changes a view makes carry their fact's position, so while there is
   * any, a past view is not cut by position.
   */
  private late = 0;
  latest: Projection | undefined;
  /** Changes with every entry added or inserted and every content placed or removed: what values derived from the log check. */
  version = 0;

  /** Whether this is an organisation's log, whose past views are cut from the latest one (`cutAt`). */
  private readonly organisation: boolean;

  constructor(
    readonly subject: string,
    /** Its number among the index's logs, in order of creation (`NamedIn`). */
    readonly number: number,
  ) {
    this.organisation = parseStreamId(subject)?.category === 'organisation';
  }

  /** Entries in recorded order. */
  get entries(): readonly Fact[] {
    return this.recorded;
  }

  /** Every content in effective order. */
  get order(): readonly Held[] {
    return this.effective ?? this.recorded;
  }

  /**
   * A subject fact new to this log: noted in recorded order and its content placed in effective order. One that
   * comes last on both axes, in a log whose two orders are still one list, is appended once.
   */
  add(fact: Fact, spans: Spans): void {
    this.version += 1;
    const last = this.recorded.at(-1);
    const key = keyOf(fact);
    // Recorded after the last entry and not before it in effective order, it comes after it on both axes.
    if (
      this.effective === undefined &&
      (last === undefined || (last.position < fact.position && this.keys.last() <= key))
    ) {
      this.recorded.push(fact);
      this.keys.push(key);
      this.extendLatest(fact, spans);
      return;
    }
    this.insert(fact);
    this.placeAt(fact, key, spans);
  }

  /** Notes an entry in recorded order; the contents it gives or changes are placed (or removed) in `order`. */
  insert(fact: Fact): void {
    this.version += 1;
    const entries = this.recorded;
    this.split();
    const last = entries.at(-1);
    if (last === undefined || last.position < fact.position) entries.push(fact);
    else
      entries.splice(
        countBefore(entries, (entry) => entry.position <= fact.position),
        0,
        fact,
      );
  }

  /**
   * The effective order as a list of its own, from now on. The latest projection may hold the shared list as its facts
   * (`heldNow`): it is forgotten, since that list now goes on in recorded order only.
   */
  private split(): Held[] {
    if (this.effective === undefined) {
      this.effective = this.recorded.slice();
      this.latest = undefined;
    }
    return this.effective;
  }

  /**
   * Its lists at their length, once a replay has filled them: a list grown by `push` keeps up to half as much again
   * as room. The latest projection, if any, keeps its view and reads the same facts from the new list.
   */
  trim(): void {
    const sharesOrder = this.latest !== undefined && this.latest.facts === this.order;
    this.recorded = this.recorded.slice();
    if (this.effective !== undefined) this.effective = this.effective.slice();
    this.keys = this.keys.trimmed();
    if (sharesOrder && this.latest !== undefined)
      this.latest = { facts: this.order as readonly ResolvedFact[], view: this.latest.view };
  }

  /** Places a content in effective order: facts mostly arrive in effective order, so the search ends at the end. */
  place(held: Held, spans: Spans): void {
    this.placeAt(held, keyOf(held), spans);
  }

  private placeAt(held: Held, key: number, spans: Spans): void {
    this.version += 1;
    const order = this.split();
    const at = this.placeFor(key, held);
    if (at === order.length) {
      order.push(held);
      this.keys.push(key);
      this.extendLatest(held, spans);
    } else {
      insertAt(order, at, held);
      this.keys.insert(at, key);
      this.latest = undefined;
    }
    if (!isHeldNow(held)) this.replaced += 1;
    if (fromOf(held) !== factOf(held).position) this.late += 1;
  }

  /**
   * A content held now that comes after every other in effective order (the usual case as facts arrive) extends the
   * latest view in place, one step further in its fold: a live record answers the next query without rebuilding
   * the subject's view. Values derived from the view check the log's `version`, so none is left stale.
   */
  private extendLatest(held: Held, spans: Spans): void {
    const view = this.latest?.view;
    // While nothing is replaced, the latest facts are `order` itself, which now holds the content.
    if (view !== undefined && this.replaced === 0 && isHeldNow(held))
      evolveView(view, resolvedOf(held), spans.of);
    else this.latest = undefined;
  }

  /** Takes back a content that a new supersession has replaced by others (the same fact, held from the same position). */
  remove(content: Held): void {
    this.version += 1;
    const at = this.preceding(keyOf(content), content);
    const order = this.split();
    const held = order[at];
    if (held === undefined || factOf(held) !== factOf(content) || fromOf(held) !== fromOf(content)) {
      throw new Error(`content of ${factOf(content).id} from ${fromOf(content)} is not in ${this.subject}`);
    }
    order.splice(at, 1);
    this.keys.remove(at);
    if (!isHeldNow(held)) this.replaced -= 1;
    if (fromOf(held) !== factOf(held).position) this.late -= 1;
    this.latest = undefined;
  }

  /** How many entries were recorded at or before `knownAt`: recorded time does not decrease with position. */
  knownCount(knownAt: string | null | undefined): number {
    const entries = this.entries;
    if (knownAt === undefined || knownAt === null) return entries.length;
    // Most subjects asked about in a past record were recorded wholly before it or wholly after: two reads, not a search.
    if (entries.length === 0 || (entries[0] as Fact).recordedAt > knownAt) return 0;
    if ((entries[entries.length - 1] as Fact).recordedAt <= knownAt) return entries.length;
    return countBefore(entries, (entry) => entry.recordedAt <= knownAt);
  }

  /** Whether every entry was recorded at or before `knownAt`: the record then holds this subject as it does now. */
  knowsAllAt(knownAt: string): boolean {
    const last = this.entries.at(-1);
    return last === undefined || last.recordedAt <= knownAt;
  }

  /**
   * The resolved facts and view of the first `count` entries: no map, no sort, one pass over `order`. A past one reads
   * its facts only when asked (a state question about an organisation mostly never does).
   */
  project(count: number, spans: Spans): Projection {
    if (count === this.entries.length) {
      const facts = this.heldNow();
      return { facts, view: buildView(this.subject, facts, spans.of) };
    }
    return count === 0
      ? NOTHING_KNOWN
      : new PastProjection(this, (this.entries[count - 1] as Fact).position, spans);
  }

  /**
   * A past organisation view cut from the latest one at a recorded position (`organisationAt`), where that is the
   * fold of the contents held then: nothing in this log was ever superseded (the latest view is the fold of `order`,
   * and a past record holds a subset of it), every content is held from its own fact's position (the position the
   * view's changes carry), and the establishment the latest view keeps was recorded by then (else an earlier one
   * may count). An organisation's stream is long (thousands of memberships and grants): a question about its past
   * then costs a filter of the lists it reads instead of a fold of them all. Any other goes to a fold.
   */
  cutAt(cutoff: number, spans: Spans): SubjectView | undefined {
    if (!this.organisation || this.replaced !== 0 || this.late !== 0) return undefined;
    const view = (this.latest ??= this.project(this.entries.length, spans)).view;
    if (view?.kind !== 'organisation' || (view.established !== null && view.established.position > cutoff))
      return undefined;
    return organisationAt(view, cutoff);
  }

  /**
   * Where a content not in `order` yet goes. Facts mostly arrive in effective order: the end first. A fact that is
   * the last entry (new to the log: in a replay, nearly every one) comes after every content of its day, each being of
   * an entry recorded before it, and is placed by the keys alone; any other is compared with the contents of its day.
   */
  private placeFor(key: number, held: Held): number {
    const keys = this.keys;
    const last = keys.last();
    if (last < key) return keys.length;
    if (!isVersion(held) && this.recorded.at(-1) === held)
      return last === key ? keys.length : keys.countAtMost(key);
    return this.preceding(key, held);
  }

  /** How many contents in `order` precede one with this key: the keys are searched, the contents of its day compared. */
  private preceding(key: number, held: Held): number {
    const keys = this.keys;
    const order = this.order;
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = keys.at(middle);
      if (other < key || (other === key && precedesOnItsDay(order[middle] as Held, held))) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private heldNow(): readonly ResolvedFact[] {
    const order = this.order;
    return (this.replaced === 0 ? order : order.filter(isHeldNow)) as readonly ResolvedFact[];
  }

  /**
   * The contents held at a cutoff. With nothing superseded, those are the facts recorded by then, and a stream
   * recorded in effective order holds the first ones of `order`: one copy of that many, rather than a list grown
   * element by element (a past organisation view's largest allocation after the view itself).
   */
  heldAt(cutoff: number): ResolvedFact[] {
    const order = this.order;
    if (this.replaced === 0) {
      let prefix = 0;
      while (prefix < order.length && fromOf(order[prefix] as Held) <= cutoff) prefix += 1;
      let after = prefix;
      while (after < order.length && fromOf(order[after] as Held) > cutoff) after += 1;
      if (after === order.length) return order.slice(0, prefix) as ResolvedFact[];
    }
    return order.filter((held) => isHeldAt(held, cutoff)) as ResolvedFact[];
  }
}

/**
 * Inserts an item at `at`. A fact placed out of effective order mostly lands a few places from the end, where moving
 * the items after it in a loop costs a fraction of `splice` (which also makes an array of what it removes): in a list
 * of 100, two from the end, 17-19 ns against 52-85 (measured); from about halfway on, `splice` costs less.
 */
function insertAt<T>(items: T[], at: number, item: T): void {
  let index = items.length;
  if (index - at > INSERTED_BY_LOOP) {
    items.splice(at, 0, item);
    return;
  }
  items.push(item);
  for (; index > at; index--) items[index] = items[index - 1] as T;
  items[at] = item;
}

/** How many items after the place of an insertion the loop moves at most. */
const INSERTED_BY_LOOP = 32;

/** A subject none of whose entries was recorded yet: most of an organisation's instruments, early in its record. */
const NOTHING_KNOWN: Projection = Object.freeze({ facts: Object.freeze([]), view: undefined });

/** The facts and view of a log's first entries up to a recorded position, the facts read when first asked for. */
class PastProjection implements Projection {
  readonly view: SubjectView | undefined;
  private held: readonly ResolvedFact[] | undefined;

  constructor(
    private readonly log: SubjectLog,
    private readonly cutoff: number,
    spans: Spans,
  ) {
    this.view = log.cutAt(cutoff, spans) ?? buildView(log.subject, this.facts, spans.of);
  }

  get facts(): readonly ResolvedFact[] {
    return (this.held ??= this.log.heldAt(this.cutoff));
  }
}
