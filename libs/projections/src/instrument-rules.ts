import { termEnd, withdrawalEffectiveDate, type EntryIntoForceClause } from '@app/domain';
import { compareSpans, earlierSpan, laterSpan, sameSpan, spanOf, spanOfPeriod, type Span } from './span';
import type { Consent, InstrumentView, PartyRecord } from './subject-views';
import type { ViewSource } from './view-source';

/** Entry into force of an instrument as a whole: as derived from its clause, as reported, and the one followed. */
export interface GeneralEntryIntoForce {
  readonly derived: Span | null;
  readonly reported: Span | null;
  /**
   * The derivation when the record allows one (the clause is the law; reports are often secondary), otherwise
   * the report. Null when neither exists.
   */
  readonly governing: Span | null;
  readonly disagreement: boolean;
  readonly eventIds: readonly string[];
}

/** One participant's place under an instrument: a single spell from entry into force for it to its end. */
export interface PartySpell {
  readonly participant: string;
  readonly start: Span | null;
  readonly derivedStart: Span | null;
  readonly reportedStart: Span | null;
  readonly end: Span | null;
  readonly derivedEnd: Span | null;
  readonly reportedEnd: Span | null;
  readonly endReason: string | null;
  readonly eventIds: readonly string[];
}

/** Views do not change once built: the derivation is made once per view, not once per participant asked about. */
const derivations = new WeakMap<InstrumentView, GeneralEntryIntoForce>();

export function generalEntryIntoForce(view: InstrumentView): GeneralEntryIntoForce {
  let derivation = derivations.get(view);
  if (derivation === undefined) {
    derivation = deriveGeneralEntryIntoForce(view);
    derivations.set(view, derivation);
  }
  return derivation;
}

function deriveGeneralEntryIntoForce(view: InstrumentView): GeneralEntryIntoForce {
  const clause = view.adopted?.rules.entryIntoForce;
  const derivedFrom = clause === undefined ? null : deriveGeneral(clause, view.consents, view.adopted?.eventId ?? '');
  const derived = derivedFrom?.span ?? null;
  const reported = view.reportedGeneral?.span ?? null;
  const eventIds = [...(derivedFrom?.eventIds ?? []), ...(view.reportedGeneral ? [view.reportedGeneral.eventId] : [])];
  return {
    derived,
    reported,
    governing: derived ?? reported,
    disagreement: derived !== null && reported !== null && !sameSpan(derived, reported),
    eventIds,
  };
}

/**
 * The clause applied to the consents in effective order. The last-signatory rule counts the signatories known
 * when each deposit is made: the instrument enters into force on the first deposit after which every state that
 * has signed so far has deposited (a state signing later does not put it back out of force).
 */
function deriveGeneral(clause: EntryIntoForceClause, consents: readonly Consent[], adoptionId: string): { span: Span; eventIds: string[] } | null {
  const found = (consent: Consent | undefined): { span: Span; eventIds: string[] } | null =>
    consent ? { span: consent.span, eventIds: [consent.eventId] } : null;
  switch (clause.kind) {
    case 'on-stated-date':
      return { span: spanOf(clause.date), eventIds: [adoptionId] };
    case 'on-signature':
      return found(consents.find((c) => c.kind === 'signature'));
    case 'on-deposit':
      return found(consents.find((c) => c.kind === 'deposit'));
    case 'on-nth-deposit':
      return found(consents.filter((c) => c.kind === 'deposit')[clause.n - 1]);
    case 'on-last-signatory-deposit': {
      const pending = new Set<string>();
      const deposited = new Set<string>();
      for (const consent of consents) {
        if (consent.kind === 'signature') {
          if (!deposited.has(consent.participant)) pending.add(consent.participant);
          continue;
        }
        deposited.add(consent.participant);
        const wasPending = pending.delete(consent.participant);
        if (wasPending && pending.size === 0) return found(consent);
      }
      return null;
    }
  }
}

/**
 * A participant's spell under the instrument. Start: the later of general entry into force and its own consent
 * (the N-th deposit rule binds later depositors on their own deposit), else the reported date for it. End: the
 * earlier of the withdrawal notice plus the notice period and, for a fixed term renewed by protocol, the term's
 * end if it signed no renewing protocol; else the reported termination. Derived dates govern; a report that
 * differs is kept beside them.
 */
export function partySpell(view: InstrumentView, record: PartyRecord, source: ViewSource): PartySpell {
  return source.memo(`party\u0000${view.id}\u0000${record.participant}`, () => derivePartySpell(view, record, source));
}

function derivePartySpell(view: InstrumentView, record: PartyRecord, source: ViewSource): PartySpell {
  const rules = view.adopted?.rules;
  const general = generalEntryIntoForce(view);
  const consent = rules?.entryIntoForce.kind === 'on-signature' ? record.signature : record.deposit;
  const derivedStart = general.governing && consent ? laterSpan(general.governing, consent.span) : null;
  const reportedStart = record.reportedInForce?.span ?? null;
  const start = derivedStart ?? reportedStart;
  const withdrawal =
    rules && record.withdrawalNotice ? optionalSpan(withdrawalEffectiveDate(rules, record.withdrawalNotice.date)) : null;
  const lapse = start && !renewed(view, record.participant, general.governing, source) ? termLapse(view, general.governing) : null;
  const derivedEnd = withdrawal && lapse ? earlierSpan(withdrawal, lapse) : (withdrawal ?? lapse);
  const reportedEnd = record.termination?.span ?? null;
  const end = start === null ? null : (derivedEnd ?? reportedEnd);
  const endReason =
    end === null ? null : derivedEnd === null ? (record.termination?.reason ?? null) : derivedEnd === withdrawal ? 'withdrawal' : 'non-renewal';
  const eventIds = [record.signature, record.deposit, record.reportedInForce, record.withdrawalNotice, record.termination]
    .filter((d) => d !== undefined)
    .map((d) => d.eventId);
  return { participant: record.participant, start, derivedStart, reportedStart, end, derivedEnd, reportedEnd, endReason, eventIds };
}

function optionalSpan(period: { from: string; to: string } | undefined): Span | null {
  return period === undefined ? null : spanOfPeriod(period);
}

function termLapse(view: InstrumentView, general: Span | null): Span | null {
  const rules = view.adopted?.rules;
  if (!rules?.term || rules.term.renewal !== 'by-protocol' || general === null) return null;
  // A derived start may be a span of days rather than one written date: count the term from both ends.
  const first = termEnd(rules, general.from);
  const last = termEnd(rules, general.to);
  if (first === undefined || last === undefined) return null;
  return spanOfPeriod({ from: first.from, to: last.to });
}

/**
 * A fixed term renewed by protocol goes on for a party that signed or deposited a protocol recorded as amending
 * the instrument by the end of the term (CST 1992: the Protocol of 2 April 1999, effective 21 April 1999).
 * Later renewals are taken as made: the catalogue records the first term only.
 */
function renewed(view: InstrumentView, participant: string, general: Span | null, source: ViewSource): boolean {
  const end = termLapse(view, general);
  if (end === null) return true;
  return view.amendments.some((amendment) => {
    if (compareSpans(amendment.span, end) > 0) return false;
    const protocol = source.instrument(amendment.protocol)?.parties.get(participant);
    const consent = protocol?.signature ?? protocol?.deposit;
    return consent !== undefined && consent.span.from <= end.to;
  });
}
