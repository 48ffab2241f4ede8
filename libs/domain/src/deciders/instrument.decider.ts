import { periodOf, type Period } from '../dates';
import { DomainError } from '../errors';
import { isInstrumentEvent, type InstrumentEvent } from '../events/catalogue';
import { withdrawalEffectiveDate, type InstrumentRules } from '../instrument-rules';
import { deciderOf } from './decider';

export interface PartyStatus {
  readonly signed: boolean;
  readonly deposited: boolean;
  readonly withdrawalNotified: boolean;
  /** The first days on which its notified withdrawal may take effect (none without a notice clause). */
  readonly leaves: Period | undefined;
  /** A source reports the instrument in force for it: evidence of consent when no deposit could be sourced. */
  readonly reportedInForce: boolean;
}

export interface InstrumentState {
  readonly adopted: { readonly kind: string; readonly rules: InstrumentRules } | undefined;
  /**
   * Signatories and parties in their current period. A participant no longer bound (its termination recorded,
   * or its withdrawal in effect) starts afresh: it may sign or accede anew, and give notice again once a party.
   */
  readonly participants: ReadonlyMap<string, PartyStatus>;
}

const UNKNOWN: PartyStatus = { signed: false, deposited: false, withdrawalNotified: false, leaves: undefined, reportedInForce: false };

function initialState(): InstrumentState {
  return { adopted: undefined, participants: new Map() };
}

function evolve(state: InstrumentState, event: InstrumentEvent): InstrumentState {
  switch (event.type) {
    case 'InstrumentAdopted':
      return { ...state, adopted: { kind: event.kind, rules: event.rules } };
    case 'InstrumentSigned':
      return updateParty(state, event.participant, event.effectiveDate, { signed: true });
    case 'InstrumentDeposited':
      return updateParty(state, event.participant, event.effectiveDate, { deposited: true });
    case 'InstrumentWithdrawalNotified': {
      const rules = state.adopted?.rules;
      return updateParty(state, event.participant, event.effectiveDate, { withdrawalNotified: true, leaves: rules && withdrawalEffectiveDate(rules, event.effectiveDate) });
    }
    case 'InstrumentTerminatedForParticipant': {
      const participants = new Map(state.participants);
      participants.delete(event.participant);
      return { ...state, participants };
    }
    case 'EntryIntoForceReported':
      return event.participant === undefined ? state : updateParty(state, event.participant, event.effectiveDate, { reportedInForce: true });
    case 'RatificationLawEnacted':
    case 'InstrumentAmended':
      return state;
  }
}

/**
 * Every fact about an instrument needs its adoption first, with no exception: the adoption carries the rules
 * (entry into force, notice) that give the other facts their meaning. On the day of adoption, record the
 * adoption before the signatures: equal dates keep recorded order.
 */
function violation(state: InstrumentState, event: InstrumentEvent): DomainError | undefined {
  const on = `on ${event.effectiveDate}`;
  if (event.type === 'InstrumentAdopted') {
    return state.adopted ? new DomainError('ALREADY_ADOPTED', `${event.instrument} is already adopted ${on}`) : undefined;
  }
  if (state.adopted === undefined) {
    return new DomainError('NOT_ADOPTED', `${event.type}: ${event.instrument} is not adopted ${on}; record InstrumentAdopted first`);
  }
  switch (event.type) {
    case 'InstrumentSigned':
      return statusOn(state, event.participant, event.effectiveDate).signed
        ? new DomainError('ALREADY_SIGNED', `${event.participant} has already signed ${event.instrument} ${on}`)
        : undefined;
    case 'InstrumentDeposited': {
      const party = statusOn(state, event.participant, event.effectiveDate);
      if (party.deposited) return depositAgain(event, party.leaves, on);
      return party.signed || event.kind === 'accession'
        ? undefined
        : new DomainError('NOT_SIGNED', `${event.participant} deposits a ${event.kind} of ${event.instrument} ${on} without having signed it: only an accession needs no signature`);
    }
    case 'InstrumentWithdrawalNotified': {
      const party = statusOn(state, event.participant, event.effectiveDate);
      if (!isParty(state, party)) return notAParty(event.participant, event.instrument, on);
      return party.withdrawalNotified
        ? new DomainError('WITHDRAWAL_ALREADY_NOTIFIED', `${event.participant} has already given notice of withdrawal from ${event.instrument} in its current period as a party ${on}`)
        : undefined;
    }
    case 'InstrumentTerminatedForParticipant':
      // A party whose withdrawal is already in effect may still have its end reported: the report names that end.
      return isParty(state, state.participants.get(event.participant) ?? UNKNOWN) ? undefined : notAParty(event.participant, event.instrument, on);
    case 'RatificationLawEnacted':
    case 'EntryIntoForceReported':
    case 'InstrumentAmended':
      return undefined;
  }
}

/**
 * A party has given its consent to be bound: its deposit, or its signature for an instrument binding on
 * signature. A source reporting the instrument in force for it counts too: for the 1992 Treaty no deposit date
 * can be sourced, and its parties are known only from such reports.
 */
function isParty(state: InstrumentState, party: PartyStatus): boolean {
  const consented = state.adopted?.rules.entryIntoForce.kind === 'on-signature' ? party.signed : party.deposited;
  return consented || party.reportedInForce;
}

function notAParty(participant: string, instrument: string, on: string): DomainError {
  return new DomainError('NOT_A_PARTY', `${participant} is not a party to ${instrument} ${on}: no deposit of its consent or report of the instrument in force for it is recorded`);
}

/** A deposit by a participant whose consent stands: refused, and why, depending on whether it has given notice. */
function depositAgain(event: { participant: string; instrument: string }, leaves: Period | undefined, on: string): DomainError {
  if (leaves === undefined) {
    return new DomainError('ALREADY_DEPOSITED', `${event.participant} has already deposited ${event.instrument} and its consent stands ${on}: it deposits again only once its withdrawal has taken effect or its termination is recorded`);
  }
  const effective = leaves.from === leaves.to ? leaves.from : `${leaves.from}/${leaves.to}`;
  return new DomainError('WITHDRAWAL_NOT_EFFECTIVE', `${event.participant} deposits ${event.instrument} again ${on}, but its notified withdrawal takes effect only from ${effective}: until then it is still bound, and a deposit dated to a month or year must fall wholly after that day`);
}

/**
 * The participant's status in its current period on `day`: once its notified withdrawal has surely taken effect
 * (on or before the first day `day` may fall on), it is no longer bound and starts afresh.
 */
function statusOn(state: InstrumentState, participant: string, day: string): PartyStatus {
  const status = state.participants.get(participant);
  if (status === undefined) return UNKNOWN;
  return status.leaves !== undefined && status.leaves.to <= periodOf(day).from ? UNKNOWN : status;
}

function updateParty(state: InstrumentState, participant: string, day: string, change: Partial<PartyStatus>): InstrumentState {
  const participants = new Map(state.participants).set(participant, { ...statusOn(state, participant, day), ...change });
  return { ...state, participants };
}

/** The instrument stream: adoption, signatures, deposits, notices and terminations per participant. */
export const instrumentDecider = deciderOf({ accepts: isInstrumentEvent, initialState, evolve, violation });
