import { InvalidDate } from './errors';

/**
 * How much of a date is known, read from its shape: `1992-05-15`, `1992-05`, `1992`, or a range `2008-10-24/2009-01`
 * (one unknown day between the first day of the first and the last day of the second: "no earlier than … and no
 * later than …", as the sources give an instrument's entry into force without its day).
 */
export type Precision = 'day' | 'month' | 'year' | 'range';

/** The days a date may stand for, both ends inclusive, as `YYYY-MM-DD`. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

/**
 * The calendar range a recorded date may fall in. Wide enough for predecessor instruments and for terms and
 * notice periods running into the future, narrow enough to catch a typo such as `2992`.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface DateParts {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** Why `value` is not a date of one of the four precisions, in a curator's words; undefined when it is one. */
export function dateProblem(value: unknown): string | undefined {
  if (typeof value !== 'string')
    return 'must be a date written as text: YYYY-MM-DD, YYYY-MM or YYYY, or a range FROM/TO of those';
  const ends = value.split('/');
  if (ends.length === 2) return rangeProblem(value, ends[0] ?? '', ends[1] ?? '');
  return singleDateProblem(value);
}

function rangeProblem(value: string, first: string, last: string): string | undefined {
  const problem = singleDateProblem(first) ?? singleDateProblem(last);
  if (problem !== undefined) return `in the range "${clip(value)}": ${problem}`;
  const [from, to] = [periodOf(first).from, periodOf(last).to];
  if (from >= to)
    return `"${clip(value)}" is not a range: its end must come after its start (or write the one date)`;
  return undefined;
}

function singleDateProblem(value: string): string | undefined {
  const parts = readDate(value);
  return typeof parts === 'string' ? parts : undefined;
}

/** The parts of a date of one precision, or why it is not one: one reading serves the check and the arithmetic. */
function readDate(value: string): DateParts | string {
  const match = SHAPE.exec(value);
  if (!match) {
    return `"${clip(value)}" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY (zero-padded, no time of day)`;
  }
  const [, y, m, d] = match;
  const year = Number(y);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR)
    return `year ${year} is outside ${EARLIEST_YEAR}–${LATEST_YEAR}`;
  if (m === undefined) return { year };
  const month = Number(m);
  if (month < 1 || month > 12) return `"${value}" has no month ${m}: months run 01 to 12`;
  if (d === undefined) return { year, month };
  const days = daysInMonth(year, month);
  const day = Number(d);
  if (day < 1 || day > days)
    return `"${value}" is not a calendar date: ${MONTH_NAMES[month - 1]} ${year} has ${days} days`;
  return { year, month, day };
}

export function isEffectiveDate(value: unknown): value is string {
  return dateProblem(value) === undefined;
}

export function precisionOf(date: string): Precision {
  if (isRange(date)) return 'range';
  const { month, day } = partsOf(date);
  if (day !== undefined) return 'day';
  return month !== undefined ? 'month' : 'year';
}

/** The days a date covers: `1992-05` → 1992-05-01 … 1992-05-31; a day covers itself; a range, its ends' periods. */
export function periodOf(date: string): Period {
  if (isRange(date)) {
    const [first = '', last = ''] = date.split('/');
    return { from: periodOf(first).from, to: periodOf(last).to };
  }
  const { year, month, day } = partsOf(date);
  if (day !== undefined) return { from: date, to: date };
  if (month !== undefined)
    return { from: format(year, month, 1), to: format(year, month, daysInMonth(year, month)) };
  return { from: format(year, 1, 1), to: format(year, 12, 31) };
}

/**
 * Moves a date by whole months, keeping its precision. A day missing in the target month becomes that month's
 * last day (31 August + 6 months → 28 or 29 February), as civil codes count periods in months.
 */
export function addMonths(date: string, months: number): string {
  if (isRange(date)) {
    const [first = '', last = ''] = date.split('/');
    return `${addMonths(first, months)}/${addMonths(last, months)}`;
  }
  const { year, month, day } = partsOf(date);
  if (!Number.isInteger(months)) throw InvalidDate.because(`can only add whole months, not ${months}`);
  if (month === undefined) {
    if (months % 12 !== 0) throw InvalidDate.because(`"${date}" is a year: it can only move by whole years`);
    return String(year + months / 12).padStart(4, '0');
  }
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  if (day === undefined) return format(y, m).slice(0, 7);
  return format(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Moves a day-precision date by whole days. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = partsOf(date);
  if (month === undefined || day === undefined)
    throw InvalidDate.because(`"${date}" is not a day: cannot add days to it`);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return format(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/**
 * The day a date takes its place at in effective order: the first day of its period (`periodOf(date).from`), so
 * `1992` and `1992-01` sort with `1992-01-01`, before anything later in 1992; read from the shape alone, since every
 * fold sorts by it. `date` must be valid (the door checked it).
 */
export function effectiveDay(date: string): string {
  if (date.length === 10) return date;
  if (date.length === 7) return `${date}-01`;
  if (date.length === 4) return `${date}-01-01`;
  const slash = date.indexOf('/');
  // Only a range has another length; anything else (an empty text) would have called itself for ever.
  if (slash < 0) throw InvalidDate.because(dateProblem(date) ?? `"${date}" is not a date`);
  return effectiveDay(date.slice(0, slash));
}

function isRange(date: string): boolean {
  if (!date.includes('/')) return false;
  const problem = dateProblem(date);
  if (problem !== undefined) throw InvalidDate.because(problem);
  return true;
}

/** The parts of a date that is not a range (callers check for ranges first); a date that is no date is refused. */
function partsOf(date: string): DateParts {
  const parts = date.includes('/')
    ? (dateProblem(date) ?? 'a range has no single year, month and day')
    : readDate(date);
  if (typeof parts === 'string') throw InvalidDate.because(parts);
  return parts;
}

/**
 * The day after the period of whole months counted from `day` (`addDays(addMonths(day, months), 1)`), for a day
 * already read: `day` must be a `YYYY-MM-DD` that `periodOf` gave, so it is read by its digits, not checked again.
 */
export function dayAfterMonths(day: string, months: number): string {
  const index = digitsOf(day, 0, 4) * 12 + (digitsOf(day, 5, 7) - 1) + months;
  let year = Math.floor(index / 12);
  let month = (index % 12) + 1;
  let next = Math.min(digitsOf(day, 8, 10), daysInMonth(year, month)) + 1;
  if (next > daysInMonth(year, month)) {
    next = 1;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return format(year, month, next);
}

/** The number written by the digits of `text` from `from` to `to` (exclusive). */
function digitsOf(text: string, from: number, to: number): number {
  let value = 0;
  for (let at = from; at < to; at++) value = value * 10 + (text.charCodeAt(at) - 48);
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The Gregorian calendar's rule, counted rather than read from a `Date`: instrument rules ask this of every notice
 * and term they date (a first question about an organisation, thousands of times).
 */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

function format(year: number, month: number, day = 1): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
