/** Days as `YYYY-MM-DD` and as whole days since 1970-01-01 (UTC), and the record's coarse date labels. */

const MS_PER_DAY = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  return match !== null && dateOf(dayNumber(value)) === value;
}

export function dayNumber(day: string): number {
  const [, year, month, date] = DAY.exec(day) ?? [];
  return Date.UTC(Number(year), Number(month) - 1, Number(date)) / MS_PER_DAY;
}

export function dateOf(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The first day of a date as the record gives it: a day, a month (`2024-02`), a year (`1994`) or an interval
 * (`2012-06-28/2012-12-28`, a date derived from a coarse one).
 */
export function firstDayOf(label: string): string {
  const start = label.split('/')[0] ?? label;
  if (start.length === 4) return `${start}-01-01`;
  if (start.length === 7) return `${start}-01`;
  return start;
}

/** Whether a spell `[from, to)` (labels; `to` null while open) holds on the day. */
export function holdsOn(spell: { readonly from: string; readonly to: string | null }, day: string): boolean {
  return firstDayOf(spell.from) <= day && (spell.to === null || day < firstDayOf(spell.to));
}
