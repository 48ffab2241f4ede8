import type { InstrumentDeposited, InstrumentEvent, InstrumentSigned } from '@app/domain';
import type { ResolvedFact } from './fact';
import type { Span } from '../time/span';
import type { Consent, Dated, InstrumentView, PartyEpisode, PartyRecord } from './subject-views';

/** A change's date, the days it may fall on, and the fact that says so. */
export function dated(fact: ResolvedFact, span: Span): Dated {
  return { date: fact.event.effectiveDate, span, eventId: fact.id };
}

/**
 * A participant's signature or deposit, as its episode holds it and the clauses count it: the fact itself, the days
 * its date may fall on, and which of the two it is. Its date, event id, participant and kind of deposit are read from
 * the fact rather than copied beside it: 48 bytes each against 64 and 72 with the copies (sizes measured; 8 B per
 * event at 200k events). The code deriving memberships reads organisation changes many times over, and keeps them as literals.
 */
class ConsentOf<K extends Consent['kind']> implements Consent {
  constructor(
    readonly fact: ResolvedFact,
    readonly span: Span,
    readonly kind: K,
  ) {}

  get date(): string {
    return this.fact.event.effectiveDate;
  }

  get eventId(): string {
    return this.fact.id;
  }

  get participant(): string {
    return (this.fact.event as InstrumentSigned | InstrumentDeposited).participant;
  }

  /** Ratification, accession, acceptance or approval (a deposit's). */
  get depositKind(): InstrumentDeposited['kind'] {
    return (this.fact.event as InstrumentDeposited).kind;
  }
}

/**
 * A participant's record, with room inside the object for the two steps most episodes have: a literal
 * `{ participant }` puts the steps its episode gains later in a second array (24 B more per party, measured).
 */
class PartyRecordOf implements PartyRecord {
  signature: PartyEpisode['signature'] = undefined;
  deposit: PartyEpisode['deposit'] = undefined;

  constructor(readonly participant: string) {}
}

/** The period a fact about the participant belongs to: a consent after a recorded termination opens a new one. */
function episodeOf(view: InstrumentView, participant: string, consents: boolean): PartyEpisode {
  let record = view.parties.get(participant);
  if (record === undefined) view.parties.set(participant, (record = new PartyRecordOf(participant)));
  const current = record.later?.at(-1) ?? record;
  if (!consents || current.termination === undefined) return current;
  const next: PartyEpisode = {};
  (record.later ??= []).push(next);
  return next;
}

/**
 * A signature or deposit kept where its period has none yet. The clauses count each participant's first signature and
 * first deposit, not those of a later accession: those its first period (the record itself) keeps. Told from the
 * period found for it, with no second lookup of the participant (a consent is most of an instrument's facts).
 */
function addConsent(view: InstrumentView, episode: PartyEpisode, consent: ConsentOf<Consent['kind']>): void {
  const kept =
    consent.kind === 'signature'
      ? (episode.signature ??= consent as ConsentOf<'signature'>)
      : (episode.deposit ??= consent as ConsentOf<'deposit'>);
  if (kept === consent && isFirstPeriod(episode)) view.consents.push(consent);
}

/** Whether a period is its participant's first: the record itself, where a later one is a plain episode. */
function isFirstPeriod(episode: PartyEpisode): boolean {
  return episode instanceof PartyRecordOf;
}

/** Signatures and deposits are most instrument facts: they make their `ConsentOf` alone, the others a `Dated`. */
export function evolveInstrument(
  view: InstrumentView,
  event: InstrumentEvent,
  fact: ResolvedFact,
  span: Span,
): void {
  switch (event.type) {
    case 'InstrumentAdopted':
      view.adopted ??= {
        ...dated(fact, span),
        title: event.title,
        instrumentKind: event.kind,
        organisation: event.organisation,
        rules: event.rules,
      };
      return;
    case 'InstrumentSigned':
      return addConsent(
        view,
        episodeOf(view, event.participant, true),
        new ConsentOf(fact, span, 'signature'),
      );
    case 'RatificationLawEnacted':
      episodeOf(view, event.participant, true).ratification ??= { ...dated(fact, span), act: event.act };
      return;
    case 'InstrumentDeposited':
      return addConsent(view, episodeOf(view, event.participant, true), new ConsentOf(fact, span, 'deposit'));
    case 'EntryIntoForceReported':
      if (event.participant === undefined) view.reportedGeneral ??= dated(fact, span);
      else episodeOf(view, event.participant, true).reportedInForce ??= dated(fact, span);
      return;
    case 'InstrumentWithdrawalNotified':
      episodeOf(view, event.participant, false).withdrawalNotice ??= dated(fact, span);
      return;
    case 'InstrumentTerminatedForParticipant':
      episodeOf(view, event.participant, false).termination ??= {
        ...dated(fact, span),
        reason: event.reason,
      };
      return;
    case 'InstrumentAmended':
      view.amendments.push({ ...dated(fact, span), protocol: event.protocol });
      return;
    case 'InstrumentRegistered':
      // Shown in timelines and histories; registration binds no one.
      return;
  }
}
