import { dayAfterMonths, periodOf, type Period } from './dates';

export const ENTRY_INTO_FORCE_KINDS = [
  'on-last-signatory-deposit',
  'on-nth-deposit',
  'on-stated-date',
  'on-signature',
  'on-deposit',
] as const;
export const RENEWALS = ['by-protocol', 'automatic'] as const;

/** How an instrument enters into force, as its final clauses say. */
export type EntryIntoForceClause =
  | { readonly kind: 'on-last-signatory-deposit' }
  | { readonly kind: 'on-nth-deposit'; readonly n: number }
  | { readonly kind: 'on-stated-date'; readonly date: string }
  | { readonly kind: 'on-signature' }
  | { readonly kind: 'on-deposit' };

/** The rules of an instrument, kept as data on InstrumentAdopted. */
export interface InstrumentRules {
  readonly entryIntoForce: EntryIntoForceClause;
  readonly withdrawalNoticeMonths?: number;
  readonly term?: { readonly years: number; readonly renewal: (typeof RENEWALS)[number] };
  readonly amends?: string;
}

/**
 * The first days on which a withdrawal notified on `noticeDate` can take effect, or undefined when the
 * instrument has no notice clause.
 *
 * Reading: the Peacekeeping Agreement 2007 ceases to have effect for a party on the expiry of six months from the
 * depositary's receipt of its notice; the Charter 2002 asks for notice no later than six months before the
 * withdrawal, so its earliest effect is computed the same way. A period counted from a date starts the next day and runs out at the end
 * of the corresponding day of the last month, the last day of that month if it has no such day (civil codes of
 * the member states, e.g. Russian Civil Code arts. 191–192). The withdrawal holds from the day after that, the
 * first day of the new status (DESIGN §1): notice on 2012-06-28 → effective 2012-12-29. A coarse notice date
 * gives the span of possible first days.
 */
export function withdrawalEffectiveDate(rules: InstrumentRules, noticeDate: string): Period | undefined {
  return withdrawalEffectivePeriod(rules, periodOf(noticeDate));
}

/**
 * `withdrawalEffectiveDate` for a notice whose days are known already (`periodOf` its date, as a projection's span
 * holds them): the date is not read and checked again, as a first question about an organisation dates every notice
 * of every party.
 */
export function withdrawalEffectivePeriod(rules: InstrumentRules, notice: Period): Period | undefined {
  const months = rules.withdrawalNoticeMonths;
  return months === undefined
    ? undefined
    : { from: dayAfterMonths(notice.from, months), to: dayAfterMonths(notice.to, months) };
}

/**
 * The first day after a fixed term that began with entry into force on `entryIntoForce`, or undefined for an
 * instrument without a term. CST 1992 art. 11 ("concluded for five years"): in force 1994-04-20, the term runs
 * out on 1999-04-20 and a party that does not renew is no longer bound from 1999-04-21.
 */
export function termEnd(rules: InstrumentRules, entryIntoForce: string): Period | undefined {
  const years = rules.term?.years;
  return years === undefined ? undefined : dayAfterPeriod(entryIntoForce, years * 12);
}

function dayAfterPeriod(start: string, months: number): Period {
  const { from, to } = periodOf(start);
  return { from: dayAfterMonths(from, months), to: dayAfterMonths(to, months) };
}
