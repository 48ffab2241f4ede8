import { periodOf, type Period } from '@app/domain/dates';

/**
 * The days on which a change may have taken effect, with the text to show for it. A day is a span of one day; a
 * coarse date (`2006`, `2012-06`) spans its period; a derived date (a notice period counted from a coarse date)
 * spans the days it may fall on and is shown as an ISO 8601 interval `from/to`.
 */
export interface Span {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

// Spans are made in one place with one shape: queries compare millions of them, and a single hidden class keeps
// those property reads fast.
function makeSpan(from: string, to: string, label: string): Span {
  return { from, to, label };
}

/** Every view build reads each fact's date again: its span is worked out once per distinct date (a few thousand). */
const SPANS = new Map<string, Span>();

export function spanOf(date: string): Span {
  let span = SPANS.get(date);
  if (span === undefined) {
    const { from, to } = periodOf(date);
    span = makeSpan(from, to, date);
    SPANS.set(date, span);
  }
  return span;
}

export function spanOfPeriod(period: Period): Span {
  return makeSpan(period.from, period.to, period.from === period.to ? period.from : `${period.from}/${period.to}`);
}

export function isExact(span: Span): boolean {
  return span.from === span.to;
}

/**
 * Whether the change has taken effect on `day` in the main answer. A change dated to the day holds for the whole
 * of that day (DESIGN §1). A change known only to a coarser period is not taken as having happened until that
 * period is over: inside it the answer keeps the earlier status and reports the change as uncertain.
 */
export function hasTakenEffect(span: Span, day: string): boolean {
  return isExact(span) ? day >= span.from : day > span.to;
}

/** Whether `day` falls inside the period of a coarse change, where the answer cannot tell. */
export function isUncertainOn(span: Span, day: string): boolean {
  return !isExact(span) && day >= span.from && day <= span.to;
}

/**
 * Whether a status that begins at `start` and ends at `end` holds on `day`: `holds`, `no`, or `undetermined` when the
 * day falls inside the period of a start or an end known only to a period (a coarse date or a range), where the
 * record cannot tell. The undetermined answer names that period (`doubt`).
 */
export type Holding = { readonly holds: 'holds' | 'no' } | { readonly holds: 'undetermined'; readonly doubt: Span };

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
  return a.from === b.from && a.to === b.to;
}

/** Effective order: by the first day a change may have happened, then by its last. */
export function compareSpans(a: Span, b: Span): number {
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  if (a.to !== b.to) return a.to < b.to ? -1 : 1;
  return 0;
}

/** The later of two changes: bound on the later of two dates means both bounds move to the later one. */
export function laterSpan(a: Span, b: Span): Span {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to > b.to ? a.to : b.to;
  if (from === a.from && to === a.to) return a;
  if (from === b.from && to === b.to) return b;
  return spanOfPeriod({ from, to });
}

export function earlierSpan(a: Span, b: Span): Span {
  return compareSpans(a, b) <= 0 ? a : b;
}
