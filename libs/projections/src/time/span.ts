import { effectiveDay, periodOf, type Period } from '@app/domain/dates';

/**
 * The days on which a change may have taken effect, with the text to show for it. A day is a span of one day; a
 * coarse date (`2006`, `2012-06`) spans its period; a derived date (a notice period counted from a coarse date)
 * spans the days it may fall on and is shown as an ISO 8601 interval `from/to`.
 */
export interface Span {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  /**
   * `from` and `to` as numbers (`dayNumber`), worked out once per span: spans are shared per date, and the derivations
   * compare and index them by day thousands of times per organisation, where reading the texts again cost a parse each.
   */
  readonly fromDay: number;
  readonly toDay: number;
}

/**
 * The one binary search of the projections: the number of leading items for which `isBefore` holds, for a
 * predicate true on a prefix of `items` and false after it.
 */
export function countBefore<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(items[middle] as T)) low = middle + 1;
    else high = middle;
  }
  return low;
}

// Spans are made in one place with one shape: queries compare millions of them, and a single hidden class keeps
// those property reads fast.
function makeSpan(from: string, to: string, label: string): Span {
  return { from, to, label, fromDay: dayNumber(from), toDay: dayNumber(to) };
}

/** The span a date stands for. */
export function spanOf(date: string): Span {
  const { from, to } = periodOf(date);
  return makeSpan(from, to, date);
}

/**
 * One span per distinct date, for whoever builds views again and again (the index owns one): a view build reads
 * every fact's date, and a record of a million facts has a few thousand distinct dates, so the spans are worked out
 * once and shared by every view rather than held once per fact. A day of the years the table covers (most dates)
 * is found at a slot of its own, worked out from its digits: a hashed lookup per fact, into a map the rest of a large
 * record keeps out of the cache, was an eighth of a first question about an organisation (profiled at 1M events).
 */
export class Spans {
  private readonly byDate = new Map<string, Span>();
  private readonly byDay = new Array<Span | undefined>(DAY_SLOTS);

  readonly of = (date: string): Span => {
    const slot = daySlot(date);
    if (slot < 0) return this.ofDate(date);
    let span = this.byDay[slot];
    if (span === undefined) this.byDay[slot] = span = spanOf(date);
    return span;
  };

  private ofDate(date: string): Span {
    let span = this.byDate.get(date);
    if (span === undefined) {
      span = spanOf(date);
      this.byDate.set(date, span);
    }
    return span;
  }
}

/** The years whose days `Spans` finds by slot: 372 slots a year (twelve months of 31), about 600 kB of table. */
const FIRST_SLOT_YEAR = 1900;
const SLOT_YEARS = 200;
const DAY_SLOTS = SLOT_YEARS * 372;

/**
 * The slot of a date written `YYYY-MM-DD` with a month 01–12 and a day 01–31 in the years the table covers, one slot
 * per such text and one text per slot; -1 for any other date (a year, a month, a range, another year).
 */
function daySlot(date: string): number {
  const digits = dayDigits(date);
  if (digits < 0) return -1;
  const year = Math.floor(digits / 10_000) - FIRST_SLOT_YEAR;
  const month = Math.floor(digits / 100) % 100;
  const day = digits % 100;
  if (year < 0 || year >= SLOT_YEARS || month < 1 || month > 12 || day < 1 || day > 31) return -1;
  return year * 372 + (month - 1) * 31 + (day - 1);
}

export function spanOfPeriod(period: Period): Span {
  return makeSpan(
    period.from,
    period.to,
    period.from === period.to ? period.from : `${period.from}/${period.to}`,
  );
}

export function isExact(span: Span): boolean {
  return span.from === span.to;
}

/**
 * Whether the change has surely taken effect on `day`. A change dated to the day holds for the whole of that day
 * (DESIGN §1). A change known only to a period (a month, a year, a range) took effect on one of its days, so it has
 * surely taken effect on the period's last day, not before: on the days before, the answer cannot tell.
 */
export function hasTakenEffect(span: Span, day: string): boolean {
  return day >= span.to;
}

/**
 * Whether `day` falls in the part of a coarse change's period where the answer cannot tell: from its first day
 * (the change may have happened already) to the day before its last (by then it surely has).
 */
export function isUncertainOn(span: Span, day: string): boolean {
  return day >= span.from && day < span.to;
}

/**
 * Whether a status that begins at `start` and ends at `end` holds on `day`: `holds`, `no`, or `undetermined` when the
 * day falls inside the period of a start or an end known only to a period (a coarse date or a range), where the
 * record cannot tell. The undetermined answer names that period (`doubt`).
 */
export type Holding =
  { readonly holds: 'holds' | 'no' } | { readonly holds: 'undetermined'; readonly doubt: Span };

const HOLDS: Holding = { holds: 'holds' };
const NO: Holding = { holds: 'no' };

export function holdingOn(spell: { readonly start: Span; readonly end: Span | null }, day: string): Holding {
  const { start, end } = spell;
  if (isUncertainOn(start, day)) return { holds: 'undetermined', doubt: start };
  if (!hasTakenEffect(start, day)) return NO;
  if (end === null) return HOLDS;
  if (isUncertainOn(end, day)) return { holds: 'undetermined', doubt: end };
  return hasTakenEffect(end, day) ? NO : HOLDS;
}

export function sameSpan(a: Span, b: Span): boolean {
  return a.fromDay === b.fromDay && a.toDay === b.toDay;
}

/** Effective order: by the first day a change may have happened, then by its last. */
export function compareSpans(a: Span, b: Span): number {
  if (a.fromDay !== b.fromDay) return a.fromDay < b.fromDay ? -1 : 1;
  if (a.toDay !== b.toDay) return a.toDay < b.toDay ? -1 : 1;
  return 0;
}

/** The later of two changes: bound on the later of two dates means both bounds move to the later one. */
export function laterSpan(a: Span, b: Span): Span {
  const from = a.fromDay > b.fromDay ? a : b;
  const to = a.toDay > b.toDay ? a : b;
  if (from.fromDay === a.fromDay && to.toDay === a.toDay) return a;
  if (from.fromDay === b.fromDay && to.toDay === b.toDay) return b;
  return spanOfPeriod({ from: from.from, to: to.to });
}

export function earlierSpan(a: Span, b: Span): Span {
  return compareSpans(a, b) <= 0 ? a : b;
}

/** A status from `start` to `end` (null: open), on the days it holds. */
export interface Spell {
  readonly start: Span;
  readonly end: Span | null;
}

export function holdsOn(spell: { readonly start: Span; readonly end: Span | null }, day: string): boolean {
  return hasTakenEffect(spell.start, day) && !(spell.end !== null && hasTakenEffect(spell.end, day));
}

/** The number of spells (sorted by start) whose start may fall on or before `day`. */
export function startedBy(spells: readonly { readonly start: Span }[], day: string): number {
  // `countBefore` written out: a query asks this of every timeline it reads, and the predicate would be a closure each time.
  let low = 0;
  let high = spells.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((spells[middle] as { readonly start: Span }).start.from <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The spell holding on `day`, by binary search over spells sorted by start. Spells of one subject do not overlap
 * except where a coarse start has not yet taken effect, so the candidate and the one before it are enough.
 */
export function spellOn<T extends { readonly start: Span; readonly end: Span | null }>(
  spells: readonly T[],
  day: string,
): T | undefined {
  const started = startedBy(spells, day);
  for (let index = started - 1; index >= Math.max(0, started - 2); index--) {
    const spell = spells[index] as T;
    if (holdsOn(spell, day)) return spell;
  }
  return undefined;
}

/**
 * The spell that holds on `day`, or else one that may (the day falls in the period of its coarse start or end), with
 * that period as `doubt`. Spells sorted by start, as for `spellOn`.
 */
export function spellMaybeOn<T extends { readonly start: Span; readonly end: Span | null }>(
  spells: readonly T[],
  day: string,
): { readonly spell: T; readonly doubt?: Span } | undefined {
  const started = startedBy(spells, day);
  let maybe: { spell: T; doubt: Span } | undefined;
  for (let index = started - 1; index >= Math.max(0, started - 2); index--) {
    const spell = spells[index] as T;
    const holding = holdingOn(spell, day);
    if (holding.holds === 'holds') return { spell };
    if (holding.holds === 'undetermined') maybe ??= { spell, doubt: holding.doubt };
  }
  return maybe;
}

/** The latest end among spells that has taken effect on `day` (spells sorted by start and not overlapping). */
export function lastEndBy(
  spells: readonly { readonly start: Span; readonly end: Span | null }[],
  day: string,
): Span | null {
  for (let index = startedBy(spells, day) - 1; index >= 0; index--) {
    const end = (spells[index] as { readonly end: Span | null }).end;
    if (end !== null && hasTakenEffect(end, day)) return end;
  }
  return null;
}

/** Whether any start or end of the spells is coarse: only then can a day be uncertain. */
export function hasCoarseDates(
  spells: readonly { readonly start: Span; readonly end: Span | null }[],
): boolean {
  for (const spell of spells)
    if (!isExact(spell.start) || (spell.end !== null && !isExact(spell.end))) return true;
  return false;
}

/** A change in doubt on the day asked about: it happened somewhere in `from`…`to`. */
export interface UncertainRow {
  readonly subject: string;
  readonly participant?: string;
  readonly status: string;
  readonly from: string;
  readonly to: string;
  readonly because: string;
}

/**
 * Adds to `into` an uncertain row for each start or end of `spells` whose period covers `day`; a seam between
 * joined spells is no change. Queries call it for every timeline they read, so it allocates nothing unless a row is due.
 */
export function collectUncertainties(
  into: UncertainRow[],
  spells: readonly { readonly start: Span; readonly end: Span | null }[],
  day: string,
  subject: string,
  participant: string | undefined,
  status: string,
): void {
  for (let index = 0; index < spells.length; index++) {
    const spell = spells[index] as { readonly start: Span; readonly end: Span | null };
    const previous = spells[index - 1];
    const next = spells[index + 1];
    if (isUncertainOn(spell.start, day) && !(previous?.end && sameSpan(previous.end, spell.start))) {
      into.push(
        uncertainRow(
          subject,
          participant,
          status,
          spell.start,
          `${status} from ${spell.start.label}: the date is known only to ${precisionWords(spell.start)}`,
        ),
      );
    }
    if (spell.end !== null && isUncertainOn(spell.end, day) && !(next && sameSpan(spell.end, next.start))) {
      into.push(
        uncertainRow(
          subject,
          participant,
          status,
          spell.end,
          `${status} until ${spell.end.label}: the date is known only to ${precisionWords(spell.end)}`,
        ),
      );
    }
  }
}

function uncertainRow(
  subject: string,
  participant: string | undefined,
  status: string,
  span: Span,
  because: string,
): UncertainRow {
  return participant === undefined
    ? { subject, status, from: span.from, to: span.to, because }
    : { subject, participant, status, from: span.from, to: span.to, because };
}

/** The uncertain rows of `spells` on `day`, as a new list. */
export function uncertainties(
  spells: readonly { readonly start: Span; readonly end: Span | null }[],
  day: string,
  row: { subject: string; participant?: string; status: string },
): UncertainRow[] {
  const rows: UncertainRow[] = [];
  collectUncertainties(rows, spells, day, row.subject, row.participant, row.status);
  return rows;
}

function precisionWords(span: Span): string {
  if (span.label.includes('/')) return `a span of days (${span.label})`;
  return span.label.length === 4 ? 'the year' : 'the month';
}

/** A day no date reaches: the end of what never ends, the start of what never begins. */
export const NEVER = 99_999_999;

/**
 * A day `YYYY-MM-DD` as the number YYYYMMDD, which orders as the text does: the day asked about once per question,
 * and the days of spells once when a structure of numbers is built, so that a question compares numbers rather than
 * reading each spell's span and strings. Anything else is refused (queries are asked about days).
 */
export function dayNumber(day: string): number {
  const digits = dayDigits(day);
  if (digits < 0) throw new Error(`"${day}" is not a day written YYYY-MM-DD`);
  return digits;
}

/**
 * The effective order as a number (`1992-05-15` → 19920515, a coarse date at the first day of its period), worked
 * out once per fact so that placing a fact compares numbers rather than strings built on each comparison.
 */
export function effectiveOrdinal(date: string): number {
  return dayNumber(effectiveDay(date));
}

/** The digits of a text written `YYYY-MM-DD` as one number (`1992-05-15` → 19920515); -1 for any other text. */
function dayDigits(text: string): number {
  if (text.length !== 10) return -1;
  let value = 0;
  for (let at = 0; at < 10; at++) {
    const code = text.charCodeAt(at);
    if (at === 4 || at === 7) {
      if (code !== 45) return -1;
    } else if (code >= 48 && code <= 57) value = value * 10 + (code - 48);
    else return -1;
  }
  return value;
}
