/** One thing wrong with a raw event: where (`sources[0].url`) and why, in a curator's words. */
export interface Problem {
  readonly path: string;
  readonly reason: string;
}

/** The raw input is not an event of the catalogue. Carries every problem found, not only the first. */
export class InvalidEvent extends Error {
  readonly code = 'INVALID_EVENT';

  constructor(readonly problems: readonly Problem[]) {
    super(`invalid event: ${problems.map((p) => `${p.path}: ${p.reason}`).join('; ')}`);
    this.name = 'InvalidEvent';
  }
}

/**
 * The invariants a stream keeps in effective-date order, by stable code. The text says the rule; a
 * DomainError's message says how a given fact breaks it.
 */
export const INVARIANTS = {
  WRONG_STREAM: 'a fact belongs to the stream of its subject',
  ALREADY_ESTABLISHED: 'an organisation is established once',
  ALREADY_A_MEMBER: 'a current member cannot be admitted again',
  NOT_A_MEMBER:
    'only a current member can be suspended, restored, frozen, unfrozen, give notice or stop being a member',
  ALREADY_SUSPENDED: 'a suspended member cannot be suspended again',
  NOT_SUSPENDED: 'only a suspended member can be restored',
  ALREADY_FROZEN: 'a member whose participation is frozen cannot freeze it again',
  NOT_FROZEN: 'only a frozen participation can be unfrozen',
  ALREADY_GRANTED: 'an observer, partner or external status held from a body cannot be granted again by it',
  NOT_GRANTED: 'an observer, partner or external status can only end if that body granted it',
  NOT_ADOPTED: 'an instrument is adopted before anything else happens to it',
  ALREADY_ADOPTED: 'an instrument is adopted once',
  ALREADY_SIGNED: 'a signatory does not sign again',
  NOT_SIGNED: 'an instrument is deposited only after signature, unless the deposit is an accession',
  ALREADY_DEPOSITED: 'a party does not deposit again',
  NOT_A_PARTY: 'only a party can give notice of withdrawal or stop being bound',
  WITHDRAWAL_ALREADY_NOTIFIED: 'a party gives notice of withdrawal once',
  DEPLOYMENT_NOT_REQUESTED: 'a deployment is requested before it is authorized',
  DEPLOYMENT_NOT_AUTHORIZED: 'contingents deploy only after authorization',
  DEPLOYMENT_NOT_DEPLOYED: 'withdrawal starts only after a contingent has deployed',
  WITHDRAWAL_NOT_STARTED: 'a deployment ends only after its withdrawal has started',
  DEPLOYMENT_PHASE_PASSED: 'a deployment does not go back to a phase it has passed',
  UNKNOWN_FACT: 'a correction or retraction names a fact of its stream',
  ALREADY_RETRACTED: 'a retracted fact cannot be corrected or retracted again',
  SUPERSEDES_RECORD_KEEPING: 'a correction or retraction names the original fact, not another correction',
  CORRECTION_CHANGES_TYPE: 'a correction keeps the type of the fact it corrects',
  CORRECTION_CHANGES_STREAM: 'a correction keeps the subject (stream) of the fact it corrects',
  SUPERSEDED_DATE_MISMATCH: 'a correction or retraction carries the effective date of the fact it supersedes',
} as const;

export type InvariantCode = keyof typeof INVARIANTS;
export type DomainErrorCode = InvariantCode | 'INVALID_DATE';

/** A rule of the domain is broken. `code` is stable (callers and HTTP filters switch on it); the message is for people. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A date given to a date helper is not a date of the calendar in one of the three precisions. */
export class InvalidDate extends DomainError {
  static because(reason: string): InvalidDate {
    return new InvalidDate('INVALID_DATE', reason);
  }
}
