import { streamId, termEnd, withdrawalEffectiveDate, type InstrumentRules } from '@app/domain';
import type { ResolvedFact } from '../record/fact';
import {
  compareSpans,
  earlierSpan,
  laterSpan,
  sameSpan,
  spanOf,
  spanOfPeriod,
  type Span,
} from '../time/span';
import { when, type Record, type When } from './record';

/** One period of a participant's consent: the first fact of each kind within it. */
export interface Period {
  signature?: When;
  ratification?: When & {
    readonly act: { readonly number?: string; readonly date: string; readonly title: string };
  };
  deposit?: When & { readonly kind: string };
  reportedInForce?: When;
  withdrawalNotice?: When;
  termination?: When & { readonly reason: string };
}

/** A period read against the instrument's rules: when it binds the participant and when it stops. */
export interface Bond {
  readonly participant: string;
  readonly start: Span | null;
  readonly derivedStart: Span | null;
  readonly reportedStart: Span | null;
  readonly end: Span | null;
  readonly derivedEnd: Span | null;
  readonly reportedEnd: Span | null;
  readonly endReason: string | null;
  readonly eventIds: readonly string[];
  readonly period: Period;
}

export interface Instrument {
  readonly id: string;
  readonly adopted:
    | (When & {
        readonly title: string;
        readonly kind: string;
        readonly organisation?: string;
        readonly rules: InstrumentRules;
      })
    | null;
  readonly derived: Span | null;
  readonly reported: Span | null;
  /** Derived where the clause allows, else reported. */
  readonly governing: Span | null;
  /** The facts entry into force rests on: the consents the clause counts (or the adoption, for a stated date), the report. */
  readonly entryIds: readonly string[];
  readonly amendments: readonly (When & { readonly protocol: string })[];
  /** Each participant's periods of consent, by participant in order of first mention. */
  readonly periods: ReadonlyMap<string, readonly Period[]>;
}

/** The instrument as its own stream tells it; undefined when the record holds nothing of it. */
export function readInstrument(record: Record, id: string): Instrument | undefined {
  return record.reading(`instrument ${id}`, () => {
    const facts = record.stream(streamId('instrument', id));
    return facts.length === 0 ? undefined : walkInstrument(id, facts);
  });
}

function walkInstrument(id: string, facts: readonly ResolvedFact[]): Instrument {
  let adopted: Instrument['adopted'] = null;
  let reportedGeneral: When | null = null;
  const amendments: (When & { protocol: string })[] = [];
  const periods = new Map<string, Period[]>();
  /** First signatures and first deposits (of each participant's first period), in effective order. */
  const consents: (When & { participant: string; kind: 'signature' | 'deposit' })[] = [];
  // A consent after a recorded termination opens a new period; other facts belong to the latest one.
  const periodFor = (participant: string, consenting: boolean): Period => {
    const list = periods.get(participant) ?? [];
    periods.set(participant, list);
    const latest = list.at(-1);
    if (latest !== undefined && !(consenting && latest.termination !== undefined)) return latest;
    const fresh: Period = {};
    list.push(fresh);
    return fresh;
  };
  const isFirstPeriod = (participant: string, period: Period): boolean =>
    periods.get(participant)?.[0] === period;
  for (const fact of facts) {
    const event = fact.event;
    const at = when(fact);
    switch (event.type) {
      case 'InstrumentAdopted':
        adopted ??= {
          ...at,
          title: event.title,
          kind: event.kind,
          organisation: event.organisation,
          rules: event.rules,
        };
        break;
      case 'InstrumentSigned': {
        const period = periodFor(event.participant, true);
        if (period.signature === undefined) {
          period.signature = at;
          if (isFirstPeriod(event.participant, period))
            consents.push({ ...at, participant: event.participant, kind: 'signature' });
        }
        break;
      }
      case 'RatificationLawEnacted':
        periodFor(event.participant, true).ratification ??= { ...at, act: event.act };
        break;
      case 'InstrumentDeposited': {
        const period = periodFor(event.participant, true);
        if (period.deposit === undefined) {
          period.deposit = { ...at, kind: event.kind };
          if (isFirstPeriod(event.participant, period))
            consents.push({ ...at, participant: event.participant, kind: 'deposit' });
        }
        break;
      }
      case 'EntryIntoForceReported':
        if (event.participant === undefined) reportedGeneral ??= at;
        else periodFor(event.participant, true).reportedInForce ??= at;
        break;
      case 'InstrumentWithdrawalNotified':
        periodFor(event.participant, false).withdrawalNotice ??= at;
        break;
      case 'InstrumentTerminatedForParticipant':
        periodFor(event.participant, false).termination ??= { ...at, reason: event.reason };
        break;
      case 'InstrumentAmended':
        amendments.push({ ...at, protocol: event.protocol });
        break;
      default:
        break;
    }
  }
  const derivation = adopted === null ? null : deriveEntryIntoForce(adopted.rules, adopted.eventId, consents);
  const derived = derivation?.span ?? null;
  const reported = reportedGeneral?.span ?? null;
  return {
    id,
    adopted,
    derived,
    reported,
    governing: derived ?? reported,
    entryIds: [...(derivation?.eventIds ?? []), ...(reportedGeneral ? [reportedGeneral.eventId] : [])],
    amendments,
    periods,
  };
}

/** The entry-into-force clause applied to the first consents, in effective order. */
function deriveEntryIntoForce(
  rules: InstrumentRules,
  adoptionId: string,
  consents: readonly (When & { participant: string; kind: 'signature' | 'deposit' })[],
): { span: Span; eventIds: string[] } | null {
  const clause = rules.entryIntoForce;
  const on = (consent: When | undefined): { span: Span; eventIds: string[] } | null =>
    consent ? { span: consent.span, eventIds: [consent.eventId] } : null;
  const deposits = consents.filter((consent) => consent.kind === 'deposit');
  switch (clause.kind) {
    case 'on-stated-date':
      return { span: spanOf(clause.date), eventIds: [adoptionId] };
    case 'on-signature':
      return on(consents.find((consent) => consent.kind === 'signature'));
    case 'on-deposit':
      return on(deposits[0]);
    case 'on-nth-deposit':
      return on(deposits[clause.n - 1]);
    case 'on-last-signatory-deposit':
      // The first deposit of a state that had signed, after which every state that has signed so far has deposited.
      return on(
        deposits.find((deposit) => {
          const upTo = consents.slice(0, consents.indexOf(deposit) + 1);
          const hasDeposited = (participant: string): boolean =>
            upTo.some((c) => c.kind === 'deposit' && c.participant === participant);
          const signed = upTo.some((c) => c.kind === 'signature' && c.participant === deposit.participant);
          return signed && upTo.every((c) => c.kind !== 'signature' || hasDeposited(c.participant));
        }),
      );
  }
}

/** A participant's periods read against the rules, in effective order (`Bond` per period). */
export function bondsOf(record: Record, instrument: Instrument, participant: string): readonly Bond[] {
  return record.reading(`bonds ${instrument.id} ${participant}`, () =>
    (instrument.periods.get(participant) ?? []).map((period) =>
      bondOf(record, instrument, participant, period),
    ),
  );
}

/**
 * Bound from the later of general entry into force and its own consent (deposit; signature for an instrument in
 * force on signature), else from the date reported for it. Bound until the earlier of its withdrawal's effect and,
 * for a fixed term renewed by protocol, the term's end when it renewed nothing; else until a reported termination.
 */
function bondOf(record: Record, instrument: Instrument, participant: string, period: Period): Bond {
  const rules = instrument.adopted?.rules;
  const consent = rules?.entryIntoForce.kind === 'on-signature' ? period.signature : period.deposit;
  const derivedStart =
    instrument.governing !== null && consent !== undefined
      ? laterSpan(instrument.governing, consent.span)
      : null;
  const reportedStart = period.reportedInForce?.span ?? null;
  const start = derivedStart ?? reportedStart;
  const noticeEffect =
    rules && period.withdrawalNotice
      ? withdrawalEffectiveDate(rules, period.withdrawalNotice.date)
      : undefined;
  const withdrawal = noticeEffect === undefined ? null : spanOfPeriod(noticeEffect);
  const term = lapseOf(instrument);
  const lapse =
    start !== null &&
    term !== null &&
    compareSpans(start, term) < 0 &&
    !renewedBy(record, instrument, participant, term)
      ? term
      : null;
  const derivedEnd = withdrawal && lapse ? earlierSpan(withdrawal, lapse) : (withdrawal ?? lapse);
  const reportedEnd = period.termination?.span ?? null;
  const end = start === null ? null : (derivedEnd ?? reportedEnd);
  let endReason: string | null = null;
  if (end !== null)
    endReason =
      derivedEnd === null
        ? (period.termination?.reason ?? null)
        : withdrawal !== null && derivedEnd === withdrawal
          ? 'withdrawal'
          : 'non-renewal';
  const eventIds = [
    period.signature,
    period.deposit,
    period.reportedInForce,
    period.withdrawalNotice,
    period.termination,
  ].flatMap((at) => (at ? [at.eventId] : []));
  return {
    participant,
    start,
    derivedStart,
    reportedStart,
    end,
    derivedEnd,
    reportedEnd,
    endReason,
    eventIds,
    period,
  };
}

/** The first day after a first term renewed by protocol, counted from both ends of entry into force. */
function lapseOf(instrument: Instrument): Span | null {
  const rules = instrument.adopted?.rules;
  const general = instrument.governing;
  if (rules?.term?.renewal !== 'by-protocol' || general === null) return null;
  const first = termEnd(rules, general.from);
  const last = termEnd(rules, general.to);
  return first && last ? spanOfPeriod({ from: first.from, to: last.to }) : null;
}

/** Renewed: it signed or deposited, by the term's end, a protocol recorded as amending the instrument by then. */
function renewedBy(record: Record, instrument: Instrument, participant: string, term: Span): boolean {
  return instrument.amendments.some((amendment) => {
    if (compareSpans(amendment.span, term) > 0) return false;
    const first = readInstrument(record, amendment.protocol)?.periods.get(participant)?.[0];
    const consent = first?.signature ?? first?.deposit;
    return consent !== undefined && consent.span.from <= term.to;
  });
}

/**
 * Every participant's bonds, with the reading for an amending protocol known in force only from a general report:
 * a participant it holds no bond for is bound by it while bound by the amended instrument, from the report on.
 */
export function partiesOf(record: Record, instrument: Instrument): ReadonlyMap<string, readonly Bond[]> {
  return record.reading(`parties ${instrument.id}`, () => {
    const parties = new Map<string, readonly Bond[]>();
    for (const participant of instrument.periods.keys())
      parties.set(participant, bondsOf(record, instrument, participant));
    const amended =
      instrument.adopted?.rules.amends === undefined
        ? undefined
        : readInstrument(record, instrument.adopted.rules.amends);
    const report = instrument.reported;
    if (amended === undefined || instrument.derived !== null || report === null) return parties;
    for (const participant of amended.periods.keys()) {
      const own = parties.get(participant) ?? [];
      if (own.some((bond) => bond.start !== null)) continue;
      const implied: Bond[] = [];
      for (const bond of bondsOf(record, amended, participant)) {
        if (bond.start === null) continue;
        const start = laterSpan(bond.start, report);
        if (bond.end !== null && compareSpans(start, bond.end) >= 0) continue;
        implied.push({
          ...bond,
          period: own[0]?.period ?? {},
          start,
          derivedStart: null,
          reportedStart: start,
          eventIds: [...(own[0]?.eventIds ?? []), ...instrument.entryIds, ...bond.eventIds],
        });
      }
      if (implied.length > 0) parties.set(participant, implied);
    }
    return parties;
  });
}

/** The bound part of each bond: its start and end. */
export function boundOf(
  bonds: readonly Bond[],
): { readonly start: Span; readonly end: Span | null; readonly bond: Bond }[] {
  return bonds.flatMap((bond) => (bond.start === null ? [] : [{ start: bond.start, end: bond.end, bond }]));
}

export function disagree(derived: Span | null, reported: Span | null): boolean {
  return derived !== null && reported !== null && !sameSpan(derived, reported);
}
