import { dateProblem, periodOf } from '@app/domain/dates';
import { isDay } from './days';

/** The days the page can show, and the one it shows when the address names none. */
export interface DayRange {
  readonly first: string;
  readonly last: string;
  readonly fallback: string;
}

/** What the address asks for, made valid, with a sentence for every part that had to change. */
export interface Address {
  readonly organisation: string;
  readonly day: string;
  readonly knownAt: string | null;
  readonly notices: readonly string[];
}

const DAY_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_DATE = /^(\d{4}-\d{2}-\d{2})(T.*)$/;

/**
 * Reads `org`, `asOf` and `knownAt`. An `asOf` that is not a day the page can show becomes the nearest one that
 * is, and says so: never a silent switch to another day. `knownAt` is the server's to judge (it refuses what it
 * cannot read, and the page then says so); only a calendar day that does not exist is moved here, as for `asOf`,
 * because the server's instant parser would otherwise roll it into the next month without a word.
 */
export function readAddress(params: URLSearchParams, range: DayRange): Address {
  const notices: string[] = [];
  const asOf = params.get('asOf');
  let day = range.fallback;
  if (asOf !== null) {
    const nearest = nearestDay(asOf, range);
    day = nearest.day;
    if (nearest.problem !== null) notices.push(`asOf=${asOf} ${nearest.problem}: showing ${day} instead.`);
  }
  let knownAt = params.get('knownAt');
  const instant = knownAt === null ? null : INSTANT_DATE.exec(knownAt);
  if (knownAt !== null && instant !== null) {
    const [, date = '', time = ''] = instant;
    const moved = calendarDay(date);
    if (moved !== null && moved !== date) {
      notices.push(
        `knownAt=${knownAt}: ${dateProblem(date) ?? 'not a calendar day'}; showing the record as at ${moved}${time} instead.`,
      );
      knownAt = `${moved}${time}`;
    }
  }
  return {
    organisation: params.get('org') ?? 'csto',
    day,
    knownAt: knownAt === '' ? null : knownAt,
    notices,
  };
}

/** The day the page shows for a requested `asOf`, and why it is not the one asked for (null when it is). */
export function nearestDay(
  value: string,
  range: DayRange,
): { readonly day: string; readonly problem: string | null } {
  const day = calendarDay(value);
  if (day === null) return { day: range.fallback, problem: `is not a day (write YYYY-MM-DD)` };
  if (day < range.first)
    return { day: range.first, problem: `is before the first day of the chart, ${range.first}` };
  if (day > range.last)
    return { day: range.last, problem: `is after the last day of the chart, ${range.last}` };
  if (day !== value) return { day, problem: `is not a calendar day (${dateProblem(value) ?? ''})` };
  return { day, problem: null };
}

/**
 * A day shaped `YYYY-MM-DD` moved to the nearest calendar day (month 13 to December, 30 February to the last day
 * of February); null when the text is not shaped like a day at all.
 */
function calendarDay(value: string): string | null {
  if (isDay(value)) return value;
  const match = DAY_SHAPE.exec(value);
  if (match === null) return null;
  const [, year = '', month = '', day = ''] = match;
  const monthNumber = Math.min(12, Math.max(1, Number(month)));
  const lastDay = periodOf(`${year}-${String(monthNumber).padStart(2, '0')}`).to;
  const dayNumber = Math.max(1, Number(day));
  const candidate = `${lastDay.slice(0, 8)}${String(dayNumber).padStart(2, '0')}`;
  return candidate > lastDay ? lastDay : candidate;
}
