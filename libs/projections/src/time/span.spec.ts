import fc from 'fast-check';
import { Spans, spanOf } from './span';

/** Dates of every form, days inside and outside the years `Spans` finds by slot among them. */
const anyDate = fc
  .tuple(
    fc.integer({ min: 1850, max: 2150 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
    fc.constantFrom('day', 'day', 'month', 'year', 'range'),
  )
  .map(([y, m, d, precision]) => {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    const day = `${month}-${String(Math.min(d, 28)).padStart(2, '0')}`;
    if (precision === 'day') return `${month}-${String(d).padStart(2, '0')}`;
    if (precision === 'month') return month;
    return precision === 'year' ? month.slice(0, 4) : `${day}/${month.slice(0, 4)}`;
  });

/** The span a date stands for, or the message its refusal gives. */
function outcome(read: (date: string) => unknown, date: string): unknown {
  try {
    return read(date);
  } catch (error) {
    return (error as Error).message;
  }
}

describe('Spans', () => {
  it('gives each date the span spanOf gives it (or its refusal), one object per date, whatever dates came before', () => {
    fc.assert(
      fc.property(fc.array(anyDate, { maxLength: 40 }), (dates) => {
        const spans = new Spans();
        const met = new Map<string, unknown>();
        for (const date of dates) {
          const span = outcome(spans.of, date);
          expect(span).toEqual(outcome(spanOf, date));
          if (met.has(date)) expect(span).toBe(met.get(date));
          met.set(date, span);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a text that is no day even after meeting the day whose slot its digits would point at', () => {
    const spans = new Spans();
    expect(spans.of('2000-01-14')).toEqual(spanOf('2000-01-14'));
    // Month 00, day 45: (0 - 1) * 31 + 44 is the slot of 14 January.
    expect(() => spans.of('2000-00-45')).toThrow(/2000-00-45|month/);
    expect(spans.of('2000-02-01')).toEqual(spanOf('2000-02-01'));
    // Month 01, day 32: 31 + 0 … the slot of 1 February.
    expect(() => spans.of('2000-01-32')).toThrow();
  });
});
