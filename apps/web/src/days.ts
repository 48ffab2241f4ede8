import { isEffectiveDate, periodOf, precisionOf } from '@app/domain/dates';

/* Days as `YYYY-MM-DD` and as whole days since 1970-01-01 (UTC), and the record's coarse date labels. */

const MS_PER_DAY = 86_400_000;

/** A calendar day `YYYY-MM-DD` (not a month or a year). */
export function isDay(value: string): boolean {
  return isEffectiveDate(value) && precisionOf(value) === 'day';
}

export function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;
}

export function dateOf(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The first day of a date as the record gives it: a day, a month (`2024-02`), a year (`1994`) or an interval
 * (`2012-06-28/2012-12-28`, a date derived from a coarse one).
 */
export function firstDayOf(label: string): string {
  return periodOf(label.split('/')[0] ?? label).from;
}
