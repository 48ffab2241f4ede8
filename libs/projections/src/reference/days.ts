import type { UncertainRow } from '../time/span';
import { hasTakenEffect, holdingOn, isUncertainOn, sameSpan, type Span } from '../time/span';

interface Timed {
  readonly start: Span;
  readonly end: Span | null;
}

/**
 * Whether the spell holds on the day in the main answer: its start has taken effect and its end has not (a change
 * known only to a period is not taken as having happened until the period is over).
 */
export function holds(spell: Timed, day: string): boolean {
  return hasTakenEffect(spell.start, day) && !(spell.end !== null && hasTakenEffect(spell.end, day));
}

/**
 * The spell that holds on the day, else the latest one that may (the day falls in the period of its coarse start or
 * end), with that period as `doubt`. Every spell is looked at, latest first.
 */
export function spellOnDay<T extends Timed>(
  spells: readonly T[],
  day: string,
): { readonly spell: T; readonly doubt?: Span } | undefined {
  let maybe: { spell: T; doubt: Span } | undefined;
  for (const spell of [...spells].reverse()) {
    const holding = holdingOn(spell, day);
    if (holding.holds === 'holds') return { spell };
    if (holding.holds === 'undetermined') maybe ??= { spell, doubt: holding.doubt };
  }
  return maybe;
}

/** The end of the latest spell that has ended by the day. */
export function lastEnded(spells: readonly Timed[], day: string): Span | null {
  const ended = spells.filter(
    (spell) => spell.start.from <= day && spell.end !== null && hasTakenEffect(spell.end, day),
  );
  return ended.at(-1)?.end ?? null;
}

/**
 * The uncertain rows of a run of spells on the day: each start or end known only to a period that covers the day,
 * except where one spell ends on the very span the next begins (no change there).
 */
export function uncertainRows(
  spells: readonly Timed[],
  day: string,
  subject: string,
  participant: string | undefined,
  status: string,
): UncertainRow[] {
  const rows: UncertainRow[] = [];
  const row = (span: Span, because: string): UncertainRow =>
    participant === undefined
      ? { subject, status, from: span.from, to: span.to, because }
      : { subject, participant, status, from: span.from, to: span.to, because };
  spells.forEach((spell, index) => {
    const before = spells[index - 1];
    const after = spells[index + 1];
    if (isUncertainOn(spell.start, day) && !(before?.end && sameSpan(before.end, spell.start))) {
      rows.push(
        row(
          spell.start,
          `${status} from ${spell.start.label}: the date is known only to ${precision(spell.start)}`,
        ),
      );
    }
    if (spell.end !== null && isUncertainOn(spell.end, day) && !(after && sameSpan(spell.end, after.start))) {
      rows.push(
        row(
          spell.end,
          `${status} until ${spell.end.label}: the date is known only to ${precision(spell.end)}`,
        ),
      );
    }
  });
  return rows;
}

function precision(span: Span): string {
  if (span.label.includes('/')) return `a span of days (${span.label})`;
  return span.label.length === 4 ? 'the year' : 'the month';
}

/** In force on the day, not, or undetermined while the day is inside the period its entry into force is known to. */
export function inForceOnDay(
  governing: Span | null,
  day: string,
): { inForce: boolean | 'undetermined'; doubt?: Span } {
  if (governing === null) return { inForce: false };
  if (isUncertainOn(governing, day)) return { inForce: 'undetermined', doubt: governing };
  return { inForce: hasTakenEffect(governing, day) };
}
