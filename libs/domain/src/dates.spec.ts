import fc from 'fast-check';
import {
  addDays,
  addMonths,
  dateProblem,
  dayAfterMonths,
  EARLIEST_YEAR,
  effectiveDay,
  LATEST_YEAR,
  periodOf,
  precisionOf,
} from './dates';
import { DomainError } from './errors';

describe('dates', () => {
  it('counts the day after a period of months from a day read already as the checked arithmetic does', () => {
    const days = fc
      .integer({ min: 0, max: 60_000 })
      .map((n) => new Date(Date.UTC(1900, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 240 }), (day, months) => {
        expect(dayAfterMonths(day, months)).toBe(addDays(addMonths(day, months), 1));
      }),
      { numRuns: 2000 },
    );
    expect([
      dayAfterMonths('2013-08-31', 6),
      dayAfterMonths('2023-06-30', 6),
      dayAfterMonths('2024-08-31', 6),
      dayAfterMonths('2023-12-31', 12),
    ]).toEqual(['2014-03-01', '2023-12-31', '2025-03-01', '2025-01-01']);
  });

  it('reads the precision from the shape', () => {
    expect([precisionOf('1992-05-15'), precisionOf('1992-05'), precisionOf('1992')]).toEqual([
      'day',
      'month',
      'year',
    ]);
  });

  it('refuses to read the precision of what is not a date', () => {
    expect(() => precisionOf('1992-5')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => precisionOf('2023-02-30')).toThrow(DomainError);
  });

  it('gives the period a coarse date covers, leap years included', () => {
    expect(periodOf('1992-05')).toEqual({ from: '1992-05-01', to: '1992-05-31' });
    expect(periodOf('2000-02')).toEqual({ from: '2000-02-01', to: '2000-02-29' });
    expect(periodOf('1900-02')).toEqual({ from: '1900-02-01', to: '1900-02-28' });
    expect(periodOf('1992')).toEqual({ from: '1992-01-01', to: '1992-12-31' });
    expect(periodOf('1992-05-15')).toEqual({ from: '1992-05-15', to: '1992-05-15' });
  });

  it('adds months, ending on the last day of a shorter month', () => {
    expect(addMonths('2012-06-28', 6)).toBe('2012-12-28');
    expect(addMonths('2011-08-31', 6)).toBe('2012-02-29');
    expect(addMonths('2013-08-31', 6)).toBe('2014-02-28');
    expect(addMonths('1994-04-20', 60)).toBe('1999-04-20');
    expect(addMonths('2012-11', 3)).toBe('2013-02');
    expect(addMonths('1994', 60)).toBe('1999');
    expect(addMonths('1994-04-20', -4)).toBe('1993-12-20');
  });

  it('refuses to move a year by a part of a year', () => {
    expect(() => addMonths('1994', 6)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('adds days across months and years', () => {
    expect(addDays('1999-12-31', 1)).toBe('2000-01-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(() => addDays('2000-02', 1)).toThrow(DomainError);
  });

  it('orders a coarse date at the start of its period', () => {
    expect(effectiveDay('1992')).toBe(effectiveDay('1992-01-01'));
    for (const date of [
      '1992',
      '1992-05',
      '1992-05-15',
      '1992-05/1993',
      '1992/1993-02-01',
      '2008-10-24/2009-01',
    ])
      expect(effectiveDay(date)).toBe(periodOf(date).from);
    expect(effectiveDay('1992') < effectiveDay('1992-05-15')).toBe(true);
    expect(effectiveDay('1992-06') > effectiveDay('1992-05-31')).toBe(true);
  });

  it('refuses to order what is no date, naming it, rather than calling itself for ever', () => {
    expect(() => effectiveDay('')).toThrow(DomainError);
    expect(() => effectiveDay('1992-5-1')).toThrow(DomainError);
  });

  it('knows the length of every month of every year it accepts as the calendar does, 1900 and 2100 not leap, 2000 leap', () => {
    for (let year = EARLIEST_YEAR; year <= LATEST_YEAR; year++) {
      for (let month = 1; month <= 12; month++) {
        const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
        expect(periodOf(last.slice(0, 7)).to).toBe(last);
      }
    }
  });

  it('refuses to move a range by days, naming why', () => {
    expect(() => addDays('2008-10-24/2009-01', 1)).toThrow('a range has no single year, month and day');
  });

  it('explains what is wrong with a date', () => {
    expect(dateProblem('1992-02-30')).toBe('"1992-02-30" is not a calendar date: February 1992 has 29 days');
    expect(dateProblem('1992-02-29')).toBeUndefined();
  });

  describe('a range: one unknown day between two dates ("no earlier than … no later than …")', () => {
    it('covers the first day of its start to the last day of its end', () => {
      expect(precisionOf('2008-10-24/2009-01')).toBe('range');
      expect(periodOf('2008-10-24/2009-01')).toEqual({ from: '2008-10-24', to: '2009-01-31' });
      expect(periodOf('2008/2009-03-15')).toEqual({ from: '2008-01-01', to: '2009-03-15' });
    });

    it('orders with its first possible day and moves both ends by months', () => {
      expect(effectiveDay('2008-10-24/2009-01')).toBe('2008-10-24');
      expect(addMonths('2012-06-28/2012-07-05', 6)).toBe('2012-12-28/2013-01-05');
    });

    it('names what is wrong with either end, or with an end before the start', () => {
      expect(dateProblem('2008-10-24/2009-02-30')).toBe(
        'in the range "2008-10-24/2009-02-30": "2009-02-30" is not a calendar date: February 2009 has 28 days',
      );
      expect(dateProblem('2009-01-01/2008-12-31')).toBe(
        '"2009-01-01/2008-12-31" is not a range: its end must come after its start (or write the one date)',
      );
      expect(dateProblem('2009-01-01/2009-01-01')).toBe(
        '"2009-01-01/2009-01-01" is not a range: its end must come after its start (or write the one date)',
      );
      expect(dateProblem('2008/2009/2010')).toMatch(/is not a date/);
    });
  });
});
