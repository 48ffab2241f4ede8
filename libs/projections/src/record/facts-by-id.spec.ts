import fc from 'fast-check';
import { FactsById } from './facts-by-id';

interface Named {
  readonly id: string;
  readonly n: number;
}

/** Ids alike but for a few characters, as generated ids are, and some that differ only in their last one. */
const id = fc.oneof(
  fc.nat(5000).map((n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`),
  fc.string({ minLength: 0, maxLength: 6 }),
);

describe('facts by id', () => {
  it('finds what a Map finds, for any ids put in any order, growing from any size given up front', () => {
    fc.assert(
      fc.property(
        fc.array(id, { maxLength: 400 }),
        fc.array(id, { maxLength: 50 }),
        fc.nat(300),
        (put, asked, expected) => {
          const table = new FactsById<Named>(expected);
          const map = new Map<string, Named>();
          put.forEach((key, n) => {
            const fact = { id: key, n };
            table.add(fact);
            if (!map.has(key)) map.set(key, fact);
          });
          expect(table.size).toBe(map.size);
          for (const key of [...put, ...asked]) {
            expect(table.get(key)).toBe(map.get(key));
            expect(table.has(key)).toBe(map.has(key));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps the first fact put under an id: an event has one id, and the logs may hold a fact twice', () => {
    const table = new FactsById<Named>();
    const first = { id: 'a', n: 1 };
    table.add(first);
    table.add({ id: 'a', n: 2 });
    expect(table.get('a')).toBe(first);
    expect(table.size).toBe(1);
  });

  it('answers undefined for an id it does not hold, empty or full', () => {
    const table = new FactsById<Named>();
    expect(table.get('nothing')).toBeUndefined();
    for (let n = 0; n < 1000; n++) table.add({ id: `id-${n}`, n });
    expect(table.get('id-1000')).toBeUndefined();
    expect(table.get('id-999')?.n).toBe(999);
  });
});
