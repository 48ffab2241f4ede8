import type { SubjectView } from './record/subject-views';
import type { ViewSource } from './record/view-source';

/**
 * Something a derived value may read, whose version changes whenever what it answers changes: a subject's log (a
 * fact placed or taken back), an index lookup (an id added), the set of subjects and lookups (one created).
 */
export interface Readable {
  readonly version: number;
}

/** Most values read a subject or more; those that read none (date arithmetic) share one empty list. */
const NO_READS: readonly Readable[] = Object.freeze([]);
const NO_VERSIONS: readonly number[] = Object.freeze([]);

/** A value derived from views, with everything it read (its view's subject included) and their versions then. */
export interface Derived {
  readonly value: unknown;
  readonly reads: readonly Readable[];
  readonly versions: readonly number[];
}

/**
 * A derived value as a tracker keeps it: an instance of a class, not an object literal. V8 allocates a literal's
 * objects in the old generation once most of them outlive a collection of the young one (allocation-site
 * pretenuring), as the latest record's values do; a past record's value, kept for a question or two, was then an
 * old object holding young ones, which every scavenge copied and promoted until a full collection (10 KB per
 * question of member timelines alone, measured at 200k events). Objects made by `new` are always made young.
 */
class DerivedValue implements Derived {
  constructor(
    readonly value: unknown,
    readonly reads: readonly Readable[],
    readonly versions: readonly number[],
  ) {}
}

/** Whether nothing the value read has changed since: a fact about another subject leaves it standing. */
export function isFresh(derived: Derived): boolean {
  const { reads, versions } = derived;
  for (let at = 0; at < reads.length; at++)
    if ((reads[at] as Readable).version !== versions[at]) return false;
  return true;
}

/**
 * The values derived about one view (or about no view), by name, then by argument (a participant): names are
 * literals and arguments strings already hashed, so a lookup builds and hashes no key per call.
 */
class Table {
  private readonly byName = new Map<string, Derived>();
  private byArgument: Map<string, Map<string, Derived>> | undefined;

  get(name: string, argument: string | undefined): Derived | undefined {
    return argument === undefined ? this.byName.get(name) : this.byArgument?.get(name)?.get(argument);
  }

  set(name: string, argument: string | undefined, derived: Derived): void {
    if (argument === undefined) {
      this.byName.set(name, derived);
      return;
    }
    this.byArgument ??= new Map();
    let values = this.byArgument.get(name);
    if (values === undefined) this.byArgument.set(name, (values = new Map<string, Derived>()));
    values.set(argument, derived);
  }
}

/**
 * The derived values of one record, in a table per view object (a view the record replaces takes its table with it)
 * and one for values about no view.
 */
export class DerivedValues {
  private readonly tables = new WeakMap<SubjectView, Table>();
  private readonly unattached = new Table();

  /** The value kept under the name, if it still stands. */
  find(about: SubjectView | null, name: string, argument: string | undefined): Derived | undefined {
    const found = (about === null ? this.unattached : this.tables.get(about))?.get(name, argument);
    return found !== undefined && isFresh(found) ? found : undefined;
  }

  keep(about: SubjectView | null, name: string, argument: string | undefined, derived: Derived): void {
    let table = about === null ? this.unattached : this.tables.get(about);
    if (table === undefined) this.tables.set(about as SubjectView, (table = new Table()));
    table.set(name, argument, derived);
  }
}

/** Where one record keeps its derived values, and finds those it may share with another record. */
export interface DerivedStore {
  find(about: SubjectView | null, name: string, argument: string | undefined): Derived | undefined;
  keep(about: SubjectView | null, name: string, argument: string | undefined, derived: Derived): void;
  /** What a view's own subject is to read: its log. */
  subjectOf(view: SubjectView): Readable;
}

/**
 * The memo of one view source, which notes what each value reads while it is computed: the subject of the view it is
 * about, the subjects and lookups it reads through the source, and those the values it rests on read, each with its
 * version. A value then stands for as long as none of them changes (a fact about another subject leaves it be), and
 * for every record whose views of those subjects are the same objects, so that a question about a past record
 * reuses what the latest record derived from the subjects both hold alike (most instruments, most of the time), and
 * computes afresh only what rests on a subject the past record saw differently.
 */
export class ReadTracker {
  /** The reads of each value being computed, innermost last. */
  private readonly frames: Set<Readable>[] = [];

  constructor(private readonly store: DerivedStore) {}

  /** Notes that the value being computed (if any) reads this. */
  read(read: Readable): void {
    this.frames.at(-1)?.add(read);
  }

  readonly memo: ViewSource['memo'] = <T>(
    about: SubjectView | null,
    name: string,
    compute: () => T,
    argument?: string,
  ): T => {
    const found = this.store.find(about, name, argument);
    if (found !== undefined) {
      this.readAll(found.reads);
      return found.value as T;
    }
    const frame = new Set<Readable>();
    if (about !== null) frame.add(this.store.subjectOf(about));
    this.frames.push(frame);
    let value: T;
    try {
      value = compute();
    } finally {
      this.frames.pop();
    }
    const reads = frame.size === 0 ? NO_READS : [...frame];
    const versions = reads.length === 0 ? NO_VERSIONS : reads.map((read) => read.version);
    this.store.keep(about, name, argument, new DerivedValue(value, reads, versions));
    this.readAll(reads);
    return value;
  };

  private readAll(reads: readonly Readable[]): void {
    const frame = this.frames.at(-1);
    if (frame !== undefined) for (const read of reads) frame.add(read);
  }
}
