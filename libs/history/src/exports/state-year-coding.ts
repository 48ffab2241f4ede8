import type { OrganisationState } from '@app/projections';

/**
 * Membership codes in the manner of the Correlates of War IGO data set (Pevehouse et al.), one per state,
 * organisation and year:
 *
 * |  1 | full member — also while suspended or frozen: COW codes formal membership, and a suspended or frozen
 * |    | member is still a member (it has not withdrawn); the `status` column says which, so that a study of
 * |    | participation can recode it. Code 2 is kept for associate membership, which the CSTO does not have.
 * |  2 | associate member (not used by the CSTO record)
 * |  3 | observer, or partner (a formal non-member status without a vote, the nearest COW category)
 * |  0 | no membership (includes a state that has only signed)
 * | -9 | missing: the state's status on the reference day is known only to a period that contains it
 * | -1 | state not in the system: not emitted — every state in this record (the former Soviet republics) was
 * |    | independent throughout 1992–2024
 *
 * A year is coded by the status held on its reference day, 31 December (the end-of-year convention of annual
 * panels): a state that joins during a year is a member that year, one that leaves during it is not. Only years in
 * which the organisation exists on that day are coded (the CSTO from 2003): the parties to its predecessor treaty
 * were not its members.
 */
export const COW_CODES = { FULL_MEMBER: 1, ASSOCIATE_MEMBER: 2, OBSERVER: 3, NONE: 0, MISSING: -9, NOT_IN_SYSTEM: -1 } as const;

export type CowCode = (typeof COW_CODES)[keyof typeof COW_CODES];

export interface StateYearCoding {
  readonly code: CowCode;
  /** What the record says: active, suspended, frozen, observer, partner, signatory, none or uncertain. */
  readonly status: string;
  /** The instrument membership rests on, or the body that granted an observer or partner status. */
  readonly basis: string | null;
}

/** The day whose status codes the year. */
export function referenceDayOf(year: number): string {
  return `${year}-12-31`;
}

const STATUSES = new Set(['member', 'suspended', 'frozen', 'observer', 'partner']);

/** Codes one state from the organisation's state on the year's reference day. */
export function codeStateYear(state: OrganisationState, participant: string): StateYearCoding {
  if (state.uncertain.some((row) => row.participant === participant && STATUSES.has(row.status))) {
    return { code: COW_CODES.MISSING, status: 'uncertain', basis: null };
  }
  const member = state.members.find((row) => row.participant === participant);
  if (member) return { code: COW_CODES.FULL_MEMBER, status: member.status, basis: member.basis };
  const observer = state.observers.find((row) => row.participant === participant);
  if (observer) return { code: COW_CODES.OBSERVER, status: 'observer', basis: observer.body };
  const partner = state.partners.find((row) => row.participant === participant);
  if (partner) return { code: COW_CODES.OBSERVER, status: 'partner', basis: partner.body };
  const signatory = state.signatories.find((row) => row.participant === participant);
  if (signatory) return { code: COW_CODES.NONE, status: 'signatory', basis: signatory.instrument };
  return { code: COW_CODES.NONE, status: 'none', basis: null };
}
