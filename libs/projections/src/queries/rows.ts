import { hasTakenEffect, isUncertainOn, type Span, type UncertainRow } from '../time/span';

/**
 * The period in which a status shown is decided, when the day asked about falls inside it: the fact that decides it
 * is dated only to a month, a year or a range, so the record cannot tell whether the status holds on the day. A
 * row with `undetermined` may hold; one without it holds.
 */
export interface Undetermined {
  readonly from: string;
  readonly to: string;
}

/** The `undetermined` field of a row whose status hangs on `doubt`; nothing when it does not. */
export function undeterminedBy(doubt: Span | undefined): { undetermined?: Undetermined } {
  return doubt === undefined ? {} : { undetermined: { from: doubt.from, to: doubt.to } };
}

/** Whether an instrument whose entry into force governs from `governing` is in force on the day. */
export function inForceOn(
  governing: Span | null,
  day: string,
): { inForce: boolean | 'undetermined'; doubt?: Span } {
  if (governing === null) return { inForce: false };
  if (isUncertainOn(governing, day)) return { inForce: 'undetermined', doubt: governing };
  return { inForce: hasTakenEffect(governing, day) };
}

/** The `uncertain` row of an instrument in force from a day the record cannot tell. */
export function entryIntoForceDoubt(instrument: string, doubt: Span): UncertainRow {
  return {
    subject: instrument,
    status: 'in-force',
    from: doubt.from,
    to: doubt.to,
    because: `in force from a day in ${doubt.label}: the record cannot tell which`,
  };
}

/**
 * The `uncertain` row of an instrument in force on the strength of a report alone (the record holds none of the
 * consents its entry into force would be derived from), on a day when some participants have signed and are not
 * shown bound: they may well be parties, and the record cannot tell.
 */
export function unknownPartiesDoubt(
  instrument: string,
  governing: Span,
  signatories: readonly string[],
  day: string,
): UncertainRow {
  const who = signatories.length === 1 ? `${signatories[0]} is` : `${signatories.join(', ')} are`;
  return {
    subject: instrument,
    status: 'party',
    from: governing.from,
    to: day,
    because: `in force since ${governing.label} by report, but the record holds none of the consents that brought it into force: whether ${who} bound it cannot tell`,
  };
}
