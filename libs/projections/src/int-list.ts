/**
 * A list of integers from 0 to 2^31 - 1 in a typed array that grows by doubling: four bytes each, against the eight of
 * an array of numbers, and no object to reach for any. The index keeps in these what a replay searches for every fact:
 * the effective-order keys of a log's contents (`SubjectLog`), and the logs that name a participant (`NamedIn`).
 */
export class IntList {
  private items: Int32Array;
  private count = 0;

  constructor(capacity = INITIAL_CAPACITY) {
    this.items = new Int32Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** The value at `index`, which must be below `length`. */
  at(index: number): number {
    return this.items[index] as number;
  }

  /** The last value; -1 for an empty list, below every value it can hold. */
  last(): number {
    return this.count === 0 ? -1 : (this.items[this.count - 1] as number);
  }

  push(value: number): void {
    if (this.count === this.items.length) this.grow();
    this.items[this.count++] = value;
  }

  insert(at: number, value: number): void {
    if (this.count === this.items.length) this.grow();
    this.items.copyWithin(at + 1, at, this.count);
    this.items[at] = value;
    this.count += 1;
  }

  remove(at: number): void {
    this.items.copyWithin(at, at + 1, this.count);
    this.count -= 1;
  }

  /** In a list in ascending order, how many of its integers are at most `value`. */
  countAtMost(value: number): number {
    const items = this.items;
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((items[middle] as number) <= value) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The same integers, with no room to spare: a replay is over and the list grows seldom from now on. */
  trimmed(): IntList {
    const copy = new IntList(Math.max(1, this.count));
    copy.items.set(this.items.subarray(0, this.count));
    copy.count = this.count;
    return copy;
  }

  private grow(): void {
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.items = items;
  }
}

/** Most lists are short (a deployment's dozen facts); a long one doubles its way up. */
const INITIAL_CAPACITY = 8;
