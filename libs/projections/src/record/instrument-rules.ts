import {
  termEnd,
  withdrawalEffectivePeriod,
  type EntryIntoForceClause,
  type InstrumentRules,
} from '@app/domain';
import {
  compareSpans,
  earlierSpan,
  isExact,
  laterSpan,
  NEVER,
  sameSpan,
  spanOf,
  spanOfPeriod,
  type Span,
} from '../time/span';
import {
  episodesOf,
  type Consent,
  type InstrumentView,
  type PartyEpisode,
  type PartyRecord,
} from './subject-views';
import type { ViewSource } from './view-source';
import { byText } from './organisation-record';

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

/**
 * One period of a participant under an instrument, from entry into force for it to its end, with the facts of that
 * period (`episode`). `start` is null while it has consented (or only signed) but is not bound.
 */
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
  readonly episode: PartyEpisode;
}

/** A view does not change once built: the derivation is made once per view and source, not once per participant asked about. */
export function generalEntryIntoForce(source: ViewSource, view: InstrumentView): GeneralEntryIntoForce {
  return source.memo(view, 'general', () => deriveGeneralEntryIntoForce(view));
}

function deriveGeneralEntryIntoForce(view: InstrumentView): GeneralEntryIntoForce {
  const clause = view.adopted?.rules.entryIntoForce;
  const derivedFrom =
    clause === undefined ? null : deriveGeneral(clause, view.consents, view.adopted?.eventId ?? '');
  const derived = derivedFrom?.span ?? null;
  const reported = view.reportedGeneral?.span ?? null;
  const eventIds = [
    ...(derivedFrom?.eventIds ?? []),
    ...(view.reportedGeneral ? [view.reportedGeneral.eventId] : []),
  ];
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
function deriveGeneral(
  clause: EntryIntoForceClause,
  consents: readonly Consent[],
  adoptionId: string,
): { span: Span; eventIds: string[] } | null {
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
 * A participant's periods under the instrument, in effective order, one spell each (see `PartyRecord`). A period
 * is bound from the later of general entry into force and its own consent (the N-th deposit rule binds later
 * depositors on their own deposit), else from the date reported for it. It ends at the earlier of the withdrawal
 * notice plus the notice period and, for a fixed term renewed by protocol, the term's end if the period began
 * before it and the participant signed no renewing protocol; else at the reported termination. Derived dates
 * govern; a report that differs is kept beside them.
 */
function partySpells(
  view: InstrumentView,
  record: PartyRecord,
  general: GeneralEntryIntoForce,
  source: ViewSource,
): readonly PartySpell[] {
  // Most participants have one period: one list of one spell, and no list of periods made to map over.
  if (record.later === undefined) return [deriveEpisode(view, record.participant, record, general, source)];
  return episodesOf(record).map((episode) =>
    deriveEpisode(view, record.participant, episode, general, source),
  );
}

/**
 * Every participant's periods under the instrument. An amending protocol whose entry into force the record knows
 * only from a general report (no deposits to derive it from, no report for the participant) binds the parties to
 * the instrument it amends: from the later of that report and their own entry into force, until their period
 * under the amended instrument ends. Those periods are shown as reported, not derived (`derivedStart` null), and
 * rest on the report and on the amended instrument's facts. Derived once per instrument and set of views (one memo
 * per instrument, not per participant: a million-event record has hundreds of thousands of participants' periods).
 */
export function partiesOf(
  source: ViewSource,
  view: InstrumentView,
): ReadonlyMap<string, readonly PartySpell[]> {
  return source.memo(view, 'parties', () => deriveParties(source, view));
}

function deriveParties(source: ViewSource, view: InstrumentView): ReadonlyMap<string, readonly PartySpell[]> {
  const general = generalEntryIntoForce(source, view);
  const own = ownParties(view, general, source);
  const parties = new Map<string, readonly PartySpell[]>();
  own.participants.forEach((participant, at) =>
    parties.set(participant, own.periods[at] as readonly PartySpell[]),
  );
  const amended = amendedByReport(source, view, general);
  if (amended === undefined || general.reported === null) return parties;
  const report = general.reported;
  const reportIds = general.eventIds;
  for (const [participant, periods] of partiesOf(source, amended)) {
    const own = parties.get(participant);
    if (own !== undefined && boundSpells(own).length > 0) continue;
    const episode = own?.[0]?.episode ?? {};
    const implied = boundSpells(periods).flatMap((bound): PartySpell[] => {
      const start = laterSpan(bound.start, report);
      if (bound.end !== null && compareSpans(start, bound.end) >= 0) return [];
      const ownIds = own?.[0]?.eventIds ?? [];
      return [
        {
          ...bound,
          episode,
          start,
          derivedStart: null,
          reportedStart: start,
          eventIds: [...ownIds, ...reportIds, ...bound.eventIds],
        },
      ];
    });
    if (implied.length > 0) parties.set(participant, implied);
  }
  return byParticipant(parties);
}

/**
 * The instrument whose parties this one binds by report (see `partiesOf`): an amending protocol whose entry into force
 * the record knows only from a general report. Mostly none, and then the parties are the instrument's own.
 */
function amendedByReport(
  source: ViewSource,
  view: InstrumentView,
  general: GeneralEntryIntoForce,
): InstrumentView | undefined {
  const amendedId = view.adopted?.rules.amends;
  const amended = amendedId === undefined ? undefined : source.instrument(amendedId);
  return amended === undefined || general.derived !== null || general.reported === null ? undefined : amended;
}

/** Participants in alphabetical order, and the periods of each at the same place. */
interface PartyPeriods {
  readonly participants: readonly string[];
  readonly periods: readonly (readonly PartySpell[])[];
}

/**
 * The periods of the participants the instrument's own record names, in alphabetical order: the participants sorted
 * in the default order (`byText`'s, with no comparator to call), rather than their records by a comparator.
 */
function ownParties(view: InstrumentView, general: GeneralEntryIntoForce, source: ViewSource): PartyPeriods {
  const participants = [...view.parties.keys()].sort();
  return {
    participants,
    periods: participants.map((participant) =>
      partySpells(view, view.parties.get(participant) as PartyRecord, general, source),
    ),
  };
}

/**
 * An instrument's parties in numbers of days (`dayNumber`), for the two questions asked of every party on every day:
 * is it bound, and has it signed without being bound yet. Built once per set of views from the parties' periods, so
 * that a question compares numbers in a few arrays rather than reading each party's periods, episodes, signatures and
 * spans. The periods themselves are not kept for it (a first question about an organisation derives those of every
 * party to each of its instruments, and kept they were a sixth of what it added to the heap, measured): a question
 * that needs them (`partiesOf`) derives them then.
 */
export interface PartyDays {
  readonly view: InstrumentView;
  readonly general: GeneralEntryIntoForce;
  /** In alphabetical order, as `partiesOf` lists them. */
  readonly participants: readonly string[];
  /** Where each participant's periods begin in the arrays below, and one more entry: where the last ones end. */
  readonly firstPeriod: Int32Array;
  /** The day from which the period surely binds (its start's last day); `NEVER` for a period that does not bind. */
  readonly boundFrom: Int32Array;
  /** The day from which it surely no longer binds (its end's last day); `NEVER` while it does not end. */
  readonly boundUntil: Int32Array;
  /** The day from which it has surely been signed; `NEVER` without a signature. */
  readonly signedFrom: Int32Array;
  /** Each period's signature, for the rows of signatories not yet bound. */
  readonly signatures: readonly PartyEpisode['signature'][];
  /** Each period's signatory as answers show it, made when first due (`signatoryOf`). */
  readonly signatories: (Signatory | undefined)[];
  /**
   * The day from which no period begins or ends any more (0 when none ever binds): from then on the parties bound are
   * the same every day, and `settledParties` (made when first asked) lists them.
   */
  readonly settledFrom: number;
  settledParties: readonly string[] | undefined;
  /** Whether any binding period starts or ends on a date known only to a period: uncertain rows may then be due. */
  readonly coarse: boolean;
  /**
   * Its adoption and the facts its entry into force rests on, each once: what the instrument's row names on any day,
   * one list shared by every answer rather than one made per question.
   */
  readonly eventIds: readonly string[];
  /** No one is a signatory not yet bound before `signatoriesFrom` or from `signatoriesUntil` on. */
  readonly signatoriesFrom: number;
  readonly signatoriesUntil: number;
}

/**
 * Derived from the parties' periods (`partiesOf`'s), without their map: most instruments bind only the participants
 * their own record names, whose periods are made in alphabetical order with no map to fill (a map per instrument,
 * with a comparator called to sort its records, was about a tenth of deriving an organisation's values, profiled).
 */
export function partyDays(source: ViewSource, view: InstrumentView): PartyDays {
  return source.memo(view, 'party-days', () => {
    const general = generalEntryIntoForce(source, view);
    if (amendedByReport(source, view, general) === undefined)
      return derivePartyDays(view, general, ownParties(view, general, source));
    const parties = deriveParties(source, view);
    return derivePartyDays(view, general, {
      participants: [...parties.keys()],
      periods: [...parties.values()],
    });
  });
}

function derivePartyDays(
  view: InstrumentView,
  general: GeneralEntryIntoForce,
  parties: PartyPeriods,
): PartyDays {
  const { participants } = parties;
  let periods = 0;
  for (const spells of parties.periods) periods += spells.length;
  const signatures = new Array<PartyEpisode['signature']>(periods);
  // Four columns over one buffer: a buffer of its own each was four allocations outside the heap per instrument.
  const size = participants.length;
  const columns = new Int32Array(size + 1 + 3 * periods);
  const firstPeriod = columns.subarray(0, size + 1);
  const boundFrom = columns.subarray(size + 1, size + 1 + periods);
  const boundUntil = columns.subarray(size + 1 + periods, size + 1 + 2 * periods);
  const signedFrom = columns.subarray(size + 1 + 2 * periods);
  let coarse = false;
  let signatoriesFrom = NEVER;
  let signatoriesUntil = 0;
  let settledFrom = 0;
  let at = 0;
  parties.periods.forEach((spells, party) => {
    firstPeriod[party] = at;
    for (const spell of spells) {
      const { start, end } = spell;
      const signature = spell.episode.signature;
      signatures[at] = signature;
      boundFrom[at] = start === null ? NEVER : start.toDay;
      boundUntil[at] = start === null || end === null ? NEVER : end.toDay;
      signedFrom[at] = signature === undefined ? NEVER : signature.span.toDay;
      if (start !== null && (!isExact(start) || (end !== null && !isExact(end)))) coarse = true;
      if (start !== null)
        settledFrom = Math.max(
          settledFrom,
          boundFrom[at] as number,
          end === null ? 0 : (boundUntil[at] as number),
        );
      if (signature !== undefined) {
        signatoriesFrom = Math.min(signatoriesFrom, signedFrom[at] as number);
        signatoriesUntil = Math.max(signatoriesUntil, boundFrom[at] as number);
      }
      at += 1;
    }
  });
  firstPeriod[size] = at;
  const adoption = view.adopted?.eventId;
  const eventIds =
    adoption === undefined
      ? general.eventIds
      : [adoption, ...general.eventIds.filter((eventId) => eventId !== adoption)];
  return {
    view,
    general,
    participants,
    firstPeriod,
    boundFrom,
    boundUntil,
    signedFrom,
    signatures,
    signatories: new Array<Signatory | undefined>(periods),
    settledFrom,
    settledParties: undefined,
    coarse,
    eventIds,
    signatoriesFrom,
    signatoriesUntil,
  };
}

/** A participant that has signed the instrument and is not bound by it yet, as answers show it. */
export interface Signatory {
  readonly participant: string;
  readonly instrument: string;
  readonly since: string;
  readonly eventIds: readonly string[];
}

/** The same map, its participants in alphabetical order (those a protocol binds by report come last until sorted). */
function byParticipant<V>(map: ReadonlyMap<string, V>): ReadonlyMap<string, V> {
  // Sorting the keys alone makes one list per instrument rather than a pair per participant.
  const sorted = new Map<string, V>();
  for (const participant of [...map.keys()].sort(byText)) sorted.set(participant, map.get(participant) as V);
  return sorted;
}

/** The spells that bind: those with a start; the list itself when all do (queries ask this of every party, every day). */
export function boundSpells(
  spells: readonly PartySpell[],
): readonly (PartySpell & { readonly start: Span })[] {
  for (const spell of spells)
    if (spell.start === null)
      return spells.filter((spell): spell is PartySpell & { readonly start: Span } => spell.start !== null);
  return spells as readonly (PartySpell & { readonly start: Span })[];
}

function deriveEpisode(
  view: InstrumentView,
  participant: string,
  episode: PartyEpisode,
  general: GeneralEntryIntoForce,
  source: ViewSource,
): PartySpell {
  const rules = view.adopted?.rules;
  const consent = rules?.entryIntoForce.kind === 'on-signature' ? episode.signature : episode.deposit;
  const derivedStart = general.governing && consent ? laterSpan(general.governing, consent.span) : null;
  const reportedStart = episode.reportedInForce?.span ?? null;
  const start = derivedStart ?? reportedStart;
  const withdrawal =
    rules && episode.withdrawalNotice ? withdrawalSpan(rules, episode.withdrawalNotice.span) : null;
  const lapse =
    start && !renewed(view, participant, general.governing, source)
      ? termLapse(view, general.governing)
      : null;
  // A participant bound only after the first term ran out is bound by the renewed instrument: no lapse for it.
  const firstTermLapse = start && lapse && compareSpans(start, lapse) < 0 ? lapse : null;
  const derivedEnd =
    withdrawal && firstTermLapse ? earlierSpan(withdrawal, firstTermLapse) : (withdrawal ?? firstTermLapse);
  const reportedEnd = episode.termination?.span ?? null;
  const end = start === null ? null : (derivedEnd ?? reportedEnd);
  const endReason =
    end === null
      ? null
      : derivedEnd === null
        ? (episode.termination?.reason ?? null)
        : derivedEnd === withdrawal
          ? 'withdrawal'
          : 'non-renewal';
  return new EpisodeSpell(
    participant,
    start,
    derivedStart,
    reportedStart,
    end,
    derivedEnd,
    reportedEnd,
    endReason,
    episode,
  );
}

/**
 * A period derived from an episode, whose facts are read from the episode when asked for: a first question about an
 * organisation derives every party's periods of each of its instruments, and most answers name the facts of few of
 * them (a list per party made there was a fifth of what the derivation allocated, and read the facts themselves).
 */
class EpisodeSpell implements PartySpell {
  constructor(
    readonly participant: string,
    readonly start: Span | null,
    readonly derivedStart: Span | null,
    readonly reportedStart: Span | null,
    readonly end: Span | null,
    readonly derivedEnd: Span | null,
    readonly reportedEnd: Span | null,
    readonly endReason: string | null,
    readonly episode: PartyEpisode,
  ) {}

  get eventIds(): readonly string[] {
    return eventIdsOf(this.episode);
  }
}

/**
 * The first days on which a withdrawal notified on the days of `notice` can take effect under the rules, null without
 * a notice clause: counted from the span's days, which were read once when the view met the date (a first question
 * about an organisation dates every notice of every party to each of its instruments).
 */
export function withdrawalSpan(rules: InstrumentRules, notice: Span): Span | null {
  return optionalSpan(withdrawalEffectivePeriod(rules, notice));
}

/** The facts of an episode, in the order its steps come, in a list made at its length. */
function eventIdsOf(episode: PartyEpisode): string[] {
  const { signature, deposit, reportedInForce, withdrawalNotice, termination } = episode;
  const steps =
    (signature ? 1 : 0) +
    (deposit ? 1 : 0) +
    (reportedInForce ? 1 : 0) +
    (withdrawalNotice ? 1 : 0) +
    (termination ? 1 : 0);
  const eventIds = new Array<string>(steps);
  let at = 0;
  if (signature) eventIds[at++] = signature.eventId;
  if (deposit) eventIds[at++] = deposit.eventId;
  if (reportedInForce) eventIds[at++] = reportedInForce.eventId;
  if (withdrawalNotice) eventIds[at++] = withdrawalNotice.eventId;
  if (termination) eventIds[at++] = termination.eventId;
  return eventIds;
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
function renewed(
  view: InstrumentView,
  participant: string,
  general: Span | null,
  source: ViewSource,
): boolean {
  const end = termLapse(view, general);
  if (end === null) return true;
  return view.amendments.some((amendment) => {
    if (compareSpans(amendment.span, end) > 0) return false;
    const protocol = source.instrument(amendment.protocol)?.parties.get(participant);
    const consent = protocol?.signature ?? protocol?.deposit;
    return consent !== undefined && consent.span.from <= end.to;
  });
}
