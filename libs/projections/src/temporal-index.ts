import { streamId, streamOf, type SubjectEvent } from '@app/domain';
// The event tests from their own module, not the domain's index: the index re-exports through a getter, one more call
// per fact applied (about 1% of a replay at 1M events, profiled).
import { isInstrumentEvent, isOrganisationEvent, isRecordKeepingEvent } from '@app/domain/events/catalogue';
import type { Fact } from './record/fact';
import type { HistoryQuery, InstrumentQuery, StateQuery, TimelineQuery } from './queries/query';
import { composeInstrumentStatus, type InstrumentStatus } from './queries/instrument-status';
import {
  composeOrganisationHistory,
  type OrganisationHistory,
  type OrganisationHistoryQuery,
} from './queries/organisation-history';
import { composeState, type OrganisationState } from './queries/organisation-state';
import { composeHistory, type HistorySpell } from './queries/participant-history';
import { Spans } from './time/span';
import type { OrganisationView, SubjectView } from './record/subject-views';
import { SubjectLog, versionsOf, type Held, type Projection } from './subject-log';
import { composeTimeline, type TimelineEntry } from './queries/timeline';
import type { ViewSource } from './record/view-source';
import { DerivedValues, ReadTracker, type DerivedStore, type Readable } from './derived-values';
import { FactsById } from './record/facts-by-id';
import { NamedIn } from './named-in';

/**
 * A small least-recently-used cache, so that repeated queries about one past record are cheap and memory stays
 * bounded: its keys and values in two short lists, the most recent last. Not a `Map`: evicting from one kept much of
 * what it had held alive through the next scavenges, to be copied and promoted to the old generation (a `Map` of
 * four, 2.4 KB values: 344 B promoted per insert against 5 with lists; as the index's cache of past records, 24.6 KB
 * against 8.2 per question, measured at 200k events), a table the map outgrew holding its entries until a full
 * collection.
 */
class Recent<K, V> {
  private readonly keys: K[] = [];
  private readonly values: V[] = [];

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const at = this.keys.indexOf(key);
    if (at < 0) return undefined;
    const value = this.values[at] as V;
    if (at < this.keys.length - 1) {
      this.remove(at);
      this.keys.push(key);
      this.values.push(value);
    }
    return value;
  }

  set(key: K, value: V): void {
    const at = this.keys.indexOf(key);
    if (at >= 0) this.remove(at);
    else if (this.keys.length === this.capacity) this.remove(0);
    this.keys.push(key);
    this.values.push(value);
  }

  clear(): void {
    // Called for every fact applied, and mostly empty then: setting an array's length is a call into the runtime even
    // when it changes nothing (about 100 ms of a million facts' apply, profiled).
    if (this.keys.length === 0) return;
    this.keys.length = 0;
    this.values.length = 0;
  }

  private remove(at: number): void {
    this.keys.splice(at, 1);
    this.values.splice(at, 1);
  }
}

/**
 * The record as it stood at one `knownAt`, as far as questions have read it: the projections of the subjects it
 * holds in part (a subject it holds whole is the latest record's; one it holds nothing of has no projection), and
 * the values derived from them that it alone holds. A page asks many days of one past record, and shares them.
 */
class PastRecord {
  readonly projections = new Recent<SubjectLog, Projection>(PROJECTIONS_PER_RECORD);
  readonly derived = new DerivedValues();

  constructor(readonly knownAt: string) {}
}

/**
 * How many past records are kept, the least recently asked dropped first. Few: whatever a kept record holds is alive
 * when the young generation is next collected, and so is copied, then promoted to the old generation, where only a
 * full collection frees it. Kept for the last 16 `knownAt`s and the last 256 projections (a question about a new
 * past record makes one or two), the past records of the last 200 questions or so were alive at each scavenge: about
 * 4 MB copied per scavenge, 10-25 ms each, and the old generation grew by 20 KB per question until a full
 * collection, whose marking steps slowed the questions in between (200k events, measured).
 */
const PAST_RECORDS = 4;

/** Projections kept per past record: a question about an organisation reads its own stream's and a few instruments'. */
const PROJECTIONS_PER_RECORD = 64;

/** The ids one key of an index lookup may stand for; they are only ever added to, so their count is the version. */
class Lookup implements Readable {
  readonly ids = new Set<string>();

  get version(): number {
    return this.ids.size;
  }
}

/** A count of the subjects and lookup keys created: a value that met none under a name must look again once one is. */
class Creations implements Readable {
  version = 0;
}

/**
 * The temporal index: facts are kept per subject (organisation, instrument, deployment stream) on two axes, recorded
 * order and effective order (`SubjectLog`), with the projection of each subject's latest record cached until a fact
 * about it arrives. A query reads only the subjects it concerns; `knownAt` selects each subject's prefix by binary
 * search on recorded time and reads the contents held then in effective order, and the few past records asked about
 * last keep their projections and derived values (`PastRecord`). Facts may be applied in any order of position (a
 * correction before the fact it supersedes waits for it); applying a fact twice (an event has one id and one
 * position) changes nothing.
 */
export class TemporalIndex<F extends Fact = Fact> {
  private readonly logs = new Map<string, SubjectLog>();
  /** The same logs, each at its number (in order of creation). */
  private readonly numbered: SubjectLog[] = [];
  /** The same logs by category, then by the subject's id (`csto` for `organisation-csto`). */
  private readonly logsById = {
    organisation: new Map<string, SubjectLog>(),
    instrument: new Map<string, SubjectLog>(),
    deployment: new Map<string, SubjectLog>(),
  } as const;
  /**
   * Event id → every fact applied: the one map of ids, made from the logs (which hold every fact applied) at the first
   * lookup by id, then kept as facts arrive. A replay in order of position looks nothing up by id until the log
   * holds a correction, and queries about states never do: the map was a replay's largest cost per fact (a hashed
   * insert into a million entries) and 36 bytes per fact, paid now by the first audit lookup instead, once. A table
   * of its own rather than a `Map`: about 12 bytes per fact against 29 at a million (`FactsById`).
   */
  private byId: FactsById<F> | undefined;
  /** Root id → every subject its content has been in, when a correction has moved it. */
  private readonly moved = new Map<string, Set<string>>();
  /** Root id → its corrections and retractions, to copy into a subject the content moves to. */
  private readonly supersessions = new Map<string, F[]>();
  /** Root id → the contents it has had, once something supersedes it (until then, its own content from its position). */
  private readonly versions = new Map<string, Held[]>();
  /** Facts of the root, kept until the root is applied. */
  private readonly waiting = new Map<string, F[]>();
  private readonly namedIn = new Map<string, NamedIn>();
  private readonly instrumentsByOrganisation = new Map<string, Lookup>();
  private readonly amendmentsByInstrument = new Map<string, Lookup>();
  private readonly deploymentsByOrganisation = new Map<string, Lookup>();
  private readonly organisationsByInstrument = new Map<string, Lookup>();
  private readonly creations = new Creations();
  /** The logs that have held a disputed content: most never do, and their facts need not be read to find disputes. */
  private readonly disputed = new Set<SubjectLog>();
  /** The past records asked about last, by `knownAt`. */
  private readonly past = new Recent<string, PastRecord>(PAST_RECORDS);
  /** The highest position seen: a fact past it is new, which spares a replay in order the lookup by id. */
  private highest = -Infinity;
  /**
   * Values derived from the latest views, each standing until a fact changes something it read: shared by queries
   * about the latest record, and by those about a past record that holds every subject the value read as the latest
   * record does.
   */
  private readonly derived = new DerivedValues();
  private readonly latestDerived: DerivedStore = {
    find: (about, name, argument) => this.derived.find(about, name, argument),
    keep: (about, name, argument, derived) => this.derived.keep(about, name, argument, derived),
    subjectOf: (view) => this.subjectOf(view),
  };
  /**
   * The latest record's views, as a past record's values read them (`latestValue`): one source for every such read,
   * rather than one made for each (its closures were about 8% of what a past record's question allocated, measured).
   * It reads the index as it stands, and its tracker's frames are balanced by each value, so it never goes stale.
   */
  private latestSource: ViewSource | undefined;
  /** The latest recorded time applied: a record asked about at or after it is the latest record. */
  private lastRecordedAt: string | undefined;
  /** The span of every date met, shared by all the views this index builds. */
  private readonly spans = new Spans();
  private count = 0;

  /** Facts applied so far. */
  get size(): number {
    return this.count;
  }

  /** A fact applied so far, by event id (a correction is itself here, not the fact it corrects). */
  fact(id: string): F | undefined {
    return this.indexedById().get(id);
  }

  /** The corrections and retractions of a subject fact (and of its corrections), in recorded order: its audit trail. */
  supersessionsOf(id: string): F[] {
    return [...(this.supersessions.get(id) ?? [])].sort((a, b) => a.position - b.position);
  }

  apply(fact: F): void {
    // An event has one position, so a fact recorded after every fact seen cannot be one of them.
    if (fact.position > this.highest) this.highest = fact.position;
    else if (this.indexedById().has(fact.id) || this.isWaiting(fact)) return;
    this.count += 1;
    // Derived values of the latest record stay: each checks the versions of what it read. Past records are cut anew.
    this.past.clear();
    if (this.lastRecordedAt === undefined || fact.recordedAt > this.lastRecordedAt)
      this.lastRecordedAt = fact.recordedAt;
    const event = fact.event;
    if (isRecordKeepingEvent(event)) {
      this.supersede(fact, event.supersedes);
    } else {
      this.byId?.add(fact);
      const log = this.logFor(event);
      this.note(event, log);
      if (event.dispute !== undefined) this.disputed.add(log);
      log.add(fact, this.spans);
      this.release(fact.id);
    }
  }

  /** Trims what the facts applied so far grew (each log's lists), for a record that has replayed a log and now follows it. */
  trim(): void {
    for (const log of this.logs.values()) log.trim();
  }

  applyAll(facts: Iterable<F>): this {
    for (const fact of facts) this.apply(fact);
    return this;
  }

  stateAsOf(query: StateQuery): OrganisationState {
    return composeState(this.source(query.knownAt), query);
  }

  instrumentStatusAsOf(query: InstrumentQuery): InstrumentStatus {
    return composeInstrumentStatus(this.source(query.knownAt), query);
  }

  participantHistory(participant: string, query: HistoryQuery = {}): HistorySpell[] {
    return composeHistory(this.source(query.knownAt), participant, query);
  }

  timeline(query: TimelineQuery = {}): TimelineEntry[] {
    return composeTimeline(this.source(query.knownAt), query);
  }

  organisationHistory(query: OrganisationHistoryQuery): OrganisationHistory {
    return composeOrganisationHistory(this.source(query.knownAt), query);
  }

  /**
   * The views of the record as it stood at `knownAt`, read lazily subject by subject. Asked at or after the last
   * recording, that is the latest record, whose views and derived values every such query shares.
   */
  source(asked?: string | null): ViewSource {
    const knownAt =
      asked === undefined ||
      asked === null ||
      (this.lastRecordedAt !== undefined && asked >= this.lastRecordedAt)
        ? null
        : asked;
    const record = knownAt === null ? undefined : this.pastRecord(knownAt);
    const tracker = new ReadTracker(record === undefined ? this.latestDerived : this.derivedAt(record));
    const projectionOf = (log: SubjectLog | undefined): Projection | undefined => {
      tracker.read(log ?? this.creations);
      return log === undefined ? undefined : this.projection(log, knownAt, record);
    };
    const projection = (subject: string): Projection | undefined => projectionOf(this.logs.get(subject));
    // Found by the subject's own id where a fact about it was applied (no stream id made and hashed per view asked: a past
    // record's question asks for every instrument of the organisation); a log only a correction's content went to, by its stream.
    const view = <K extends SubjectView['kind']>(
      kind: K,
      id: string,
    ): Extract<SubjectView, { kind: K }> | undefined => {
      const found = projectionOf(this.logsById[kind].get(id) ?? this.logs.get(streamId(kind, id)))?.view;
      return found?.kind === kind ? (found as Extract<SubjectView, { kind: K }>) : undefined;
    };
    const ids = (map: Map<string, Lookup>, key: string): Iterable<string> => {
      const lookup = map.get(key);
      tracker.read(lookup ?? this.creations);
      return lookup?.ids ?? [];
    };
    const source: ViewSource = {
      organisation: (id) => view('organisation', id),
      instrument: (id) => view('instrument', id),
      deployment: (id) => view('deployment', id),
      instrumentsOf: (organisation) => ids(this.instrumentsByOrganisation, organisation),
      amendmentsOf: (instrument) => ids(this.amendmentsByInstrument, instrument),
      deploymentsOf: (organisation) => ids(this.deploymentsByOrganisation, organisation),
      organisationsFounded: (instrument) => ids(this.organisationsByInstrument, instrument),
      subjectsOf: (participant) => {
        const named = this.namedIn.get(participant);
        tracker.read(named ?? this.creations);
        return named?.subjects() ?? [];
      },
      subjects: () => {
        tracker.read(this.creations);
        return this.logs.keys();
      },
      facts: (subject) => projection(subject)?.facts ?? [],
      mayHoldDisputes: (category, id) => {
        const log = this.logsById[category].get(id) ?? this.logs.get(streamId(category, id));
        tracker.read(log ?? this.creations);
        return log !== undefined && this.disputed.has(log);
      },
      memo: tracker.memo,
      latestValue: <T>(
        latest: OrganisationView,
        name: string,
        derive: (latest: ViewSource) => T,
      ): T | undefined => {
        if (knownAt === null) return undefined;
        const value = derive((this.latestSource ??= this.source(null)));
        const reads = this.derived.find(latest, name, undefined)?.reads;
        const own = this.subjectOf(latest);
        if (reads === undefined || !reads.every((read) => read === own || this.heldAlike(read, knownAt)))
          return undefined;
        for (const read of reads) tracker.read(read);
        return value;
      },
    };
    return source;
  }

  /**
   * The values derived for the record at `knownAt`: its own, and those of the latest record that read only subjects
   * it holds as the latest record does (whose views are then the very same objects). A value it derives that reads
   * only such subjects is the latest record's too, and kept there.
   */
  private derivedAt(record: PastRecord): DerivedStore {
    const { knownAt, derived: held } = record;
    const sharable = (reads: readonly Readable[]): boolean =>
      reads.every((read) => this.heldAlike(read, knownAt));
    return {
      find: (about, name, argument) => {
        const found = held.find(about, name, argument);
        if (found !== undefined) return found;
        const latest = this.derived.find(about, name, argument);
        return latest !== undefined && sharable(latest.reads) ? latest : undefined;
      },
      keep: (about, name, argument, derived) =>
        (sharable(derived.reads) ? this.derived : held).keep(about, name, argument, derived),
      subjectOf: (view) => this.subjectOf(view),
    };
  }

  /**
   * Whether the record at `knownAt` holds what was read as the latest record does: every entry of a subject's log
   * known then. The lookups and the set of subjects are the same for every record (queries check what they give).
   */
  private heldAlike(read: Readable, knownAt: string): boolean {
    return !(read instanceof SubjectLog) || read.knowsAllAt(knownAt);
  }

  /**
   * The log a view was built from (views are built only from logs), found by the subject's own id as `source` finds
   * it: every value derived about a view asks, and a stream id made and hashed for each was a twentieth of deriving
   * an organisation's values (profiled at 1M events).
   */
  private subjectOf(view: SubjectView): Readable {
    return (
      this.logsById[view.kind].get(view.id) ?? this.logs.get(streamId(view.kind, view.id)) ?? this.creations
    );
  }

  /** The past record at `knownAt`, kept among the last asked about. */
  private pastRecord(knownAt: string): PastRecord {
    let record = this.past.get(knownAt);
    if (record === undefined) this.past.set(knownAt, (record = new PastRecord(knownAt)));
    return record;
  }

  private projection(
    log: SubjectLog,
    knownAt: string | null,
    record: PastRecord | undefined,
  ): Projection | undefined {
    const count = log.knownCount(knownAt);
    if (count === log.entries.length) return (log.latest ??= log.project(count, this.spans));
    // Nothing recorded yet: one shared projection, nothing to keep.
    if (count === 0 || record === undefined) return log.project(count, this.spans);
    const cached = record.projections.get(log);
    if (cached) return cached;
    const projected = log.project(count, this.spans);
    record.projections.set(log, projected);
    return projected;
  }

  /** The log of an event's subject, found by the subject's own id: a replay makes no subject string per fact. */
  private logFor(event: SubjectEvent): SubjectLog {
    if (isOrganisationEvent(event)) return this.logIn(this.logsById.organisation, event.organisation, event);
    if (isInstrumentEvent(event)) return this.logIn(this.logsById.instrument, event.instrument, event);
    return this.logIn(this.logsById.deployment, event.deployment, event);
  }

  private logIn(logs: Map<string, SubjectLog>, id: string, event: SubjectEvent): SubjectLog {
    let log = logs.get(id);
    if (log === undefined) {
      log = this.logOf(streamOf(event));
      logs.set(id, log);
    }
    return log;
  }

  private logOf(subject: string): SubjectLog {
    let log = this.logs.get(subject);
    if (log === undefined) {
      log = new SubjectLog(subject, this.numbered.length);
      this.logs.set(subject, log);
      this.numbered.push(log);
      this.creations.version += 1;
    }
    return log;
  }

  /** Every fact applied, by event id: a fact is in its subjects' logs, a correction or retraction in those of its fact. */
  private indexedById(): FactsById<F> {
    if (this.byId === undefined) {
      this.byId = new FactsById(this.count);
      // The logs hold only facts applied here, so of type F.
      for (const log of this.logs.values()) for (const fact of log.entries) this.byId.add(fact as F);
    }
    return this.byId;
  }

  private isWaiting(fact: F): boolean {
    if (this.waiting.size === 0) return false;
    for (const facts of this.waiting.values())
      if (facts.some((waiting) => waiting.id === fact.id)) return true;
    return false;
  }

  /** A correction or retraction goes to every subject its fact's content has been in, and a correction to its new one. */
  private supersede(fact: F, target: string): void {
    const original = this.rootOf(target);
    if (original === undefined) {
      this.waiting.set(target, [...(this.waiting.get(target) ?? []), fact]);
      return;
    }
    this.indexedById().add(fact);
    const root = original.id;
    const subjects = this.moved.get(root) ?? new Set([streamOf(original.event as SubjectEvent)]);
    this.moved.set(root, subjects);
    const earlier = this.supersessions.get(root) ?? [];
    const supersessions = [...earlier, fact];
    this.supersessions.set(root, supersessions);
    if (fact.event.type === 'FactCorrected') {
      const corrected = fact.event.corrected;
      const subject = streamOf(corrected);
      this.note(corrected, this.logOf(subject));
      if (!subjects.has(subject)) {
        subjects.add(subject);
        const log = this.logOf(subject);
        for (const copied of [original, ...earlier]) log.insert(copied);
      }
    }
    for (const subject of subjects) this.logOf(subject).insert(fact);
    this.revise(original, supersessions);
    this.release(fact.id);
  }

  /** Replaces, in effective order, the contents a fact has had by those its supersessions now give it. */
  private revise(original: F, supersessions: readonly F[]): void {
    for (const held of this.versions.get(original.id) ?? [original])
      this.logOf(streamOf(held.event as SubjectEvent)).remove(held);
    const versions = versionsOf(original, supersessions);
    this.versions.set(original.id, versions);
    for (const version of versions) this.place(this.logOf(streamOf(version.event)), version);
  }

  private place(log: SubjectLog, held: Held): void {
    if ((held.event as SubjectEvent).dispute !== undefined) this.disputed.add(log);
    log.place(held, this.spans);
  }

  /** The subject fact an id stands for: the fact itself, or the one a correction supersedes in the end. */
  private rootOf(id: string): F | undefined {
    const fact = this.indexedById().get(id);
    return fact !== undefined && isRecordKeepingEvent(fact.event) ? this.rootOf(fact.event.supersedes) : fact;
  }

  private release(id: string): void {
    // Mostly nothing waits: no lookup, which would hash every new id.
    if (this.waiting.size === 0) return;
    const waiting = this.waiting.get(id);
    if (waiting === undefined) return;
    this.waiting.delete(id);
    for (const fact of waiting) {
      const event = fact.event;
      if (isRecordKeepingEvent(event)) this.supersede(fact, event.supersedes);
    }
  }

  private addTo(map: Map<string, Lookup>, key: string, value: string): void {
    let lookup = map.get(key);
    if (lookup === undefined) {
      map.set(key, (lookup = new Lookup()));
      this.creations.version += 1;
    }
    lookup.ids.add(value);
  }

  private nameIn(participant: string, log: SubjectLog): void {
    let named = this.namedIn.get(participant);
    if (named === undefined) {
      this.namedIn.set(participant, (named = new NamedIn(this.numbered)));
      this.creations.version += 1;
    }
    named.add(log);
  }

  /** Remembers which lookups the content may answer; over-approximate by design (queries check). */
  private note(event: SubjectEvent, log: SubjectLog): void {
    const participant = participantOf(event);
    // No set per log to spare this lookup: it cost 8 B per event at 200k events (measured), the lookup little.
    if (participant !== undefined) this.nameIn(participant, log);
    switch (event.type) {
      case 'InstrumentAdopted':
        if (event.organisation !== undefined)
          this.addTo(this.instrumentsByOrganisation, event.organisation, event.instrument);
        if (event.rules.amends !== undefined)
          this.addTo(this.amendmentsByInstrument, event.rules.amends, event.instrument);
        return;
      case 'DeploymentRequested':
        this.addTo(this.deploymentsByOrganisation, event.organisation, event.deployment);
        return;
      case 'OrganisationEstablished':
        this.addTo(this.organisationsByInstrument, event.foundingInstrument, event.organisation);
        if (event.predecessorInstrument !== undefined)
          this.addTo(this.organisationsByInstrument, event.predecessorInstrument, event.organisation);
        return;
      default:
        return;
    }
  }
}

function participantOf(event: SubjectEvent): string | undefined {
  if ('participant' in event) return event.participant;
  if ('contributor' in event) return event.contributor;
  return 'host' in event ? event.host : undefined;
}
