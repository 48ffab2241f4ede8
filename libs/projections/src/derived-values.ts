import { streamId } from '@app/domain';
import type { SubjectView } from './record/subject-views';
import type { ViewSource } from './record/view-source';

/** Most values read a subject or more; those that read none (date arithmetic) share one empty list. */
const NO_READS: readonly string[] = Object.freeze([]);

/** A value derived from views, with every subject whose view (or facts) went into it. */
export interface Derived {
  readonly value: unknown;
  readonly reads: readonly string[];
}

/** Where one record keeps its derived values, and finds those it may share with another record. */
export interface DerivedStore {
  find(key: string): Derived | undefined;
  keep(key: string, derived: Derived): void;
}

/**
 * The memo of one view source, which notes what each value reads while it is computed: the subject it is about,
 * the subjects whose views or facts it reads through the source, and those the values it rests on read. A value
 * then stands for every record whose views of those subjects are the same objects, so that a question about a past
 * record reuses what the latest record derived from the subjects both hold alike (most instruments, most of the
 * time), and computes afresh only what rests on a subject the past record saw differently.
 */
export class ReadTracker {
  /** The subjects read by each value being computed, innermost last. */
  private readonly frames: Set<string>[] = [];

  constructor(private readonly store: DerivedStore) {}

  /** Notes that the value being computed (if any) reads this subject. */
  read(subject: string): void {
    this.frames.at(-1)?.add(subject);
  }

  readonly memo: ViewSource['memo'] = <T>(key: string, about: SubjectView | null, compute: () => T): T => {
    const found = this.store.find(key);
    if (found !== undefined) {
      this.readAll(found.reads);
      return found.value as T;
    }
    const frame = new Set<string>();
    if (about !== null) frame.add(streamId(about.kind, about.id));
    this.frames.push(frame);
    let value: T;
    try {
      value = compute();
    } finally {
      this.frames.pop();
    }
    const reads = frame.size === 0 ? NO_READS : [...frame];
    this.store.keep(key, { value, reads });
    this.readAll(reads);
    return value;
  };

  private readAll(reads: readonly string[]): void {
    const frame = this.frames.at(-1);
    if (frame !== undefined) for (const subject of reads) frame.add(subject);
  }
}
