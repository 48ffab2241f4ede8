/**
 * Facts by event id, in one array used as an open-addressing table (linear probing): each fact in the slot its id
 * hashes to, or the next free one. A `Map` of a million facts keeps three words per entry and a bucket per two, 29 B
 * per fact (measured at 1M events); this keeps one word per slot, at most two slots per fact after growing and fewer
 * when sized up front for a known count (about 12 B per fact).
 */
export class FactsById<F extends { readonly id: string }> {
  private slots: (F | undefined)[];
  private count = 0;

  /** `expected`: how many facts will be put in, if known: the table is then sized for them at once. */
  constructor(expected = 0) {
    this.slots = new Array<F | undefined>(capacityFor(expected));
  }

  get size(): number {
    return this.count;
  }

  get(id: string): F | undefined {
    const slots = this.slots;
    for (let at = slotOf(id, slots.length); ; at = at + 1 === slots.length ? 0 : at + 1) {
      const fact = slots[at];
      if (fact === undefined || fact.id === id) return fact;
    }
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Puts a fact under its id; a fact already there under that id (an event has one id) is kept. */
  add(fact: F): void {
    if ((this.count + 1) * 4 > this.slots.length * 3) this.grow();
    if (this.put(this.slots, fact)) this.count += 1;
  }

  /** True when the fact took a free slot. */
  private put(slots: (F | undefined)[], fact: F): boolean {
    for (let at = slotOf(fact.id, slots.length); ; at = at + 1 === slots.length ? 0 : at + 1) {
      const held = slots[at];
      if (held === undefined) {
        slots[at] = fact;
        return true;
      }
      if (held.id === fact.id) return false;
    }
  }

  /** Twice the slots: a table at most three quarters full, probes stay short. */
  private grow(): void {
    const old = this.slots;
    this.slots = new Array<F | undefined>(old.length * 2);
    for (const fact of old) if (fact !== undefined) this.put(this.slots, fact);
  }
}

/** Room for `count` facts at two thirds full, and never less than 16 slots. */
function capacityFor(count: number): number {
  return Math.max(16, Math.ceil((count * 3) / 2));
}

/**
 * Where an id's probe starts: FNV-1a over its UTF-16 code units, mixed once more so that ids differing only in their
 * last characters (as generated ids often do) spread over the whole table, scaled to the table's length.
 */
function slotOf(id: string, length: number): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < id.length; at++) hash = Math.imul(hash ^ id.charCodeAt(at), 0x01000193);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return Math.floor(((hash >>> 0) * length) / 4294967296);
}
