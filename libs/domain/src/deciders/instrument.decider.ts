import { DomainError } from '../errors';
import { isInstrumentEvent, type InstrumentEvent } from '../events/catalogue';
import type { InstrumentRules } from '../instrument-rules';
import { deciderOf } from './decider';

export interface PartyStatus {
  readonly signed: boolean;
  readonly deposited: boolean;
  readonly withdrawalNotified: boolean;
  /** A source reports the instrument in force for it: evidence of consent when no deposit could be sourced. */
  readonly reportedInForce: boolean;
}

export interface InstrumentState {
  readonly adopted: { readonly kind: string; readonly rules: InstrumentRules } | undefined;
  /** Signatories and parties now; a participant no longer bound is removed and may sign or accede anew. */
  readonly participants: ReadonlyMap<string, PartyStatus>;
}

const UNKNOWN: PartyStatus = {
  signed: false,
  deposited: false,
  withdrawalNotified: false,
  reportedInForce: false,
};

function initialState(): InstrumentState {
  return { adopted: undefined, participants: new Map() };
}

function evolve(state: InstrumentState, event: InstrumentEvent): InstrumentState {
  switch (event.type) {
    case 'InstrumentAdopted':
      return { ...state, adopted: { kind: event.kind, rules: event.rules } };
    case 'InstrumentSigned':
      return updateParty(state, event.participant, { signed: true });
    case 'InstrumentDeposited':
      return updateParty(state, event.participant, { deposited: true });
    case 'InstrumentWithdrawalNotified':
      return updateParty(state, event.participant, { withdrawalNotified: true });
    case 'InstrumentTerminatedForParticipant': {
      const participants = new Map(state.participants);
      participants.delete(event.participant);
      return { ...state, participants };
    }
    case 'EntryIntoForceReported':
      return event.participant === undefined
        ? state
        : updateParty(state, event.participant, { reportedInForce: true });
    case 'RatificationLawEnacted':
    case 'InstrumentAmended':
    case 'InstrumentRegistered':
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
    return state.adopted
      ? new DomainError('ALREADY_ADOPTED', `${event.instrument} is already adopted ${on}`)
      : undefined;
  }
  if (state.adopted === undefined) {
    return new DomainError(
      'NOT_ADOPTED',
      `${event.type}: ${event.instrument} is not adopted ${on}; record InstrumentAdopted first`,
    );
  }
  switch (event.type) {
    case 'InstrumentSigned':
      return partyOf(state, event.participant).signed
        ? new DomainError(
            'ALREADY_SIGNED',
            `${event.participant} has already signed ${event.instrument} ${on}`,
          )
        : undefined;
    case 'InstrumentDeposited': {
      const party = partyOf(state, event.participant);
      if (party.deposited)
        return new DomainError(
          'ALREADY_DEPOSITED',
          `${event.participant} has already deposited ${event.instrument} ${on}`,
        );
      return party.signed || event.kind === 'accession'
        ? undefined
        : new DomainError(
            'NOT_SIGNED',
            `${event.participant} deposits a ${event.kind} of ${event.instrument} ${on} without having signed it: only an accession needs no signature`,
          );
    }
    case 'InstrumentWithdrawalNotified': {
      const party = partyOf(state, event.participant);
      if (!isParty(state, party)) return notAParty(event.participant, event.instrument, on);
      return party.withdrawalNotified
        ? new DomainError(
            'WITHDRAWAL_ALREADY_NOTIFIED',
            `${event.participant} has already given notice of withdrawal from ${event.instrument} ${on}`,
          )
        : undefined;
    }
    case 'InstrumentTerminatedForParticipant':
      return isParty(state, partyOf(state, event.participant))
        ? undefined
        : notAParty(event.participant, event.instrument, on);
    case 'RatificationLawEnacted':
    case 'EntryIntoForceReported':
    case 'InstrumentAmended':
    case 'InstrumentRegistered':
      return undefined;
  }
}

/**
 * A party has given its consent to be bound: its deposit, or its signature for an instrument binding on
 * signature. A source reporting the instrument in force for it counts too: for the 1992 Treaty no deposit date
 * can be sourced, and its parties are known only from such reports.
 */
function isParty(state: InstrumentState, party: PartyStatus): boolean {
  const consented =
    state.adopted?.rules.entryIntoForce.kind === 'on-signature' ? party.signed : party.deposited;
  return consented || party.reportedInForce;
}

function notAParty(participant: string, instrument: string, on: string): DomainError {
  return new DomainError(
    'NOT_A_PARTY',
    `${participant} is not a party to ${instrument} ${on}: no deposit of its consent or report of the instrument in force for it is recorded`,
  );
}

function partyOf(state: InstrumentState, participant: string): PartyStatus {
  return state.participants.get(participant) ?? UNKNOWN;
}

function updateParty(
  state: InstrumentState,
  participant: string,
  change: Partial<PartyStatus>,
): InstrumentState {
  const participants = new Map(state.participants).set(participant, {
    ...partyOf(state, participant),
    ...change,
  });
  return { ...state, participants };
}

/** The instrument stream: adoption, signatures, deposits, notices and terminations per participant. */
export const instrumentDecider = deciderOf({ accepts: isInstrumentEvent, initialState, evolve, violation });
