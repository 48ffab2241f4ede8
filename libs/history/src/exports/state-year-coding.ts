import type { OrganisationState } from '@app/projections';

/**
 * Membership codes in the manner of the Correlates of War IGO data set (Pevehouse et al.), one per state,
 * organisation and year, with what each means here. The README's codebook and /exports/state-year.codebook.json
 * are this table; a test holds the README to it.
 *
 * A year is coded by the status held on its reference day, 31 December (the end-of-year convention of annual
 * panels): a state that joins during a year is a member that year, one that leaves during it is not. Only years in
 * which the organisation exists on that day are coded (the CSTO from 2003): the parties to its predecessor treaty
 * were not its members.
 */
export const COW_CODEBOOK = [
  {
    code: 1,
    meaning: 'full member',
    rule: 'a member of the organisation, also while suspended or frozen: COW codes formal membership, and a suspended or frozen member has not withdrawn; the status column says which, for recoding',
  },
  { code: 2, meaning: 'associate member', rule: 'not emitted: the CSTO has no associate membership' },
  {
    code: 3,
    meaning: 'observer',
    rule: 'an observer or partner status granted by the organisation itself (a partner is the nearest COW category: a formal non-member status without a vote)',
  },
  {
    code: 0,
    meaning: 'no membership',
    rule: 'no tie to the organisation itself: also a state that has only signed, and an observer or partner of another body of it (its parliamentary assembly), named in the body column',
  },
  {
    code: -9,
    meaning: 'missing',
    rule: "the state's status on the reference day is known only to a period that contains it",
  },
  {
    code: -1,
    meaning: 'state not in the system',
    rule: 'not emitted: every state in this record (the former Soviet republics) was independent throughout 1992–2024',
  },
] as const;

export const COW_CODES = {
  FULL_MEMBER: 1,
  ASSOCIATE_MEMBER: 2,
  OBSERVER: 3,
  NONE: 0,
  MISSING: -9,
  NOT_IN_SYSTEM: -1,
} as const;

/** The panel's columns, in order, with what each holds. */
export const STATE_YEAR_COLUMNS = [
  { name: 'state', meaning: 'ISO 3166-1 alpha-3 code' },
  { name: 'organisation', meaning: "the organisation's slug, e.g. csto" },
  { name: 'year', meaning: 'the year coded' },
  { name: 'code', meaning: 'the COW code (codebook)' },
  {
    name: 'status',
    meaning:
      'what the record says on the reference day: active, suspended, frozen, observer, partner, signatory, none or uncertain',
  },
  { name: 'basis', meaning: 'the instrument a membership rests on, or the instrument a signatory signed' },
  {
    name: 'body',
    meaning:
      'the body an observer or partner status was granted by: the organisation itself, or e.g. its parliamentary assembly',
  },
  { name: 'referenceDay', meaning: 'the day whose status codes the year (31 December)' },
] as const;

export type CowCode = (typeof COW_CODES)[keyof typeof COW_CODES];

export interface StateYearCoding {
  readonly code: CowCode;
  /** What the record says: active, suspended, frozen, observer, partner, signatory, none or uncertain. */
  readonly status: string;
  /** The instrument membership rests on, or the instrument a signatory signed. */
  readonly basis: string | null;
  /** The body that granted an observer or partner status. */
  readonly body: string | null;
}

/** The day whose status codes the year. */
export function referenceDayOf(year: number): string {
  return `${year}-12-31`;
}

const STATUSES = new Set(['member', 'suspended', 'frozen', 'observer', 'partner']);

/** Codes one state from the organisation's state on the year's reference day. */
export function codeStateYear(state: OrganisationState, participant: string): StateYearCoding {
  if (state.uncertain.some((row) => row.participant === participant && STATUSES.has(row.status))) {
    return { code: COW_CODES.MISSING, status: 'uncertain', basis: null, body: null };
  }
  const member = state.members.find((row) => row.participant === participant);
  if (member) return { code: COW_CODES.FULL_MEMBER, status: member.status, basis: member.basis, body: null };
  // An observer or partner of the organisation itself is coded 3; of another body of it (its assembly), 0.
  const byOrganisation = (body: string): CowCode =>
    body === state.organisation ? COW_CODES.OBSERVER : COW_CODES.NONE;
  const observer = state.observers.find((row) => row.participant === participant);
  if (observer)
    return { code: byOrganisation(observer.body), status: 'observer', basis: null, body: observer.body };
  const partner = state.partners.find((row) => row.participant === participant);
  if (partner)
    return { code: byOrganisation(partner.body), status: 'partner', basis: null, body: partner.body };
  const signatory = state.signatories.find((row) => row.participant === participant);
  if (signatory)
    return { code: COW_CODES.NONE, status: 'signatory', basis: signatory.instrument, body: null };
  return { code: COW_CODES.NONE, status: 'none', basis: null, body: null };
}
