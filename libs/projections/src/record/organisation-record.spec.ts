import fc from 'fast-check';
import { effectiveDate } from '../testing/arbitraries';
import { Spans } from '../time/span';
import { openClose, openCloseUpTo } from './organisation-record';

/** Grants and ends of one status in effective order (first day, then as recorded), as a view holds them. */
const changes = fc.array(fc.tuple(fc.constantFrom('granted' as const, 'ended' as const), effectiveDate), { maxLength: 12 }).map((pairs) => {
  const spans = new Spans();
  return pairs
    .map(([kind, date], at) => ({ kind, date, span: spans.of(date), eventId: `e${at}` }))
    .sort((a, b) => (a.span.from < b.span.from ? -1 : a.span.from > b.span.from ? 1 : 0));
});

describe('openCloseUpTo', () => {
  it('gives the spells of the changes dated up to a day, as openClose of those changes does', () => {
    fc.assert(
      fc.property(changes, effectiveDate, (all, cut) => {
        const lastDay = new Spans().of(cut).from;
        const kept = all.filter((change) => change.span.from <= lastDay);
        expect(openCloseUpTo(openClose(all), lastDay)).toEqual(openClose(kept));
      }),
      { numRuns: 500 },
    );
  });

  it('hands back the very list when the cut keeps every spell as it is, so that a past record shares it', () => {
    const spans = new Spans();
    const spells = openClose([
      { kind: 'granted', date: '2004-01-01', span: spans.of('2004-01-01'), eventId: 'g' },
      { kind: 'ended', date: '2006-05', span: spans.of('2006-05'), eventId: 'e' },
    ]);
    expect(openCloseUpTo(spells, '2010-01-01')).toBe(spells);
    expect(openCloseUpTo(spells, '2005-01-01')).toEqual([{ start: spans.of('2004-01-01'), end: null, eventIds: ['g'] }]);
    expect(openCloseUpTo(spells, '2003-12-31')).toEqual([]);
  });
});
