import { hasTakenEffect, spanOf } from '@app/projections/span';

/**
 * Whether a spell `[from, to)` holds on the day, by the server's own rule (a coarse date takes effect after its
 * period), not a copy of it: the page must never say a status holds where the state answer says it does not.
 */
export function holdsOn(spell: { readonly from: string; readonly to: string | null }, day: string): boolean {
  return (
    hasTakenEffect(spanOf(spell.from), day) && (spell.to === null || !hasTakenEffect(spanOf(spell.to), day))
  );
}
