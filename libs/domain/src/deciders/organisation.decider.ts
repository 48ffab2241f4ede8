import { DomainError } from '../errors';
import { isOrganisationEvent, type EventOfType, type OrganisationEvent } from '../events/catalogue';
import { deciderOf } from './decider';

export interface MemberStatus {
  readonly suspended: boolean;
  readonly frozen: boolean;
  readonly withdrawalNotified: boolean;
}

export interface OrganisationState {
  readonly established: boolean;
  /** Current members only: a member whose membership ended is removed. */
  readonly members: ReadonlyMap<string, MemberStatus>;
  /** Statuses held now, as keys from `statusKey`: observer and partner statuses by body, external statuses. */
  readonly statuses: ReadonlySet<string>;
}

type StatusEvent = EventOfType<
  | 'ObserverStatusGranted'
  | 'ObserverStatusEnded'
  | 'PartnerStatusGranted'
  | 'PartnerStatusEnded'
  | 'ExternalStatusGranted'
  | 'ExternalStatusEnded'
>;

const NEW_MEMBER: MemberStatus = { suspended: false, frozen: false, withdrawalNotified: false };

function initialState(): OrganisationState {
  return { established: false, members: new Map(), statuses: new Set() };
}

function evolve(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationEstablished':
      return { ...state, established: true };
    case 'MemberAdmitted':
      return withMember(state, event.participant, NEW_MEMBER);
    case 'MembershipSuspended':
      return updateMember(state, event.participant, { suspended: true });
    case 'MembershipRestored':
      return updateMember(state, event.participant, { suspended: false });
    case 'ParticipationFrozen':
      return updateMember(state, event.participant, { frozen: true });
    case 'ParticipationUnfrozen':
      return updateMember(state, event.participant, { frozen: false });
    case 'MembershipWithdrawalNotified':
      return updateMember(state, event.participant, { withdrawalNotified: true });
    case 'MembershipEnded':
      return withMember(state, event.participant, undefined);
    case 'ObserverStatusGranted':
    case 'PartnerStatusGranted':
    case 'ExternalStatusGranted':
      return { ...state, statuses: new Set(state.statuses).add(statusKey(event)) };
    case 'ObserverStatusEnded':
    case 'PartnerStatusEnded':
    case 'ExternalStatusEnded': {
      const statuses = new Set(state.statuses);
      statuses.delete(statusKey(event));
      return { ...state, statuses };
    }
    case 'SecretaryGeneralAppointed':
    case 'DecisionAdopted':
    case 'PositionStated':
    case 'BodyEstablished':
      return state;
  }
}

function violation(state: OrganisationState, event: OrganisationEvent): DomainError | undefined {
  switch (event.type) {
    case 'OrganisationEstablished':
      return state.established
        ? new DomainError(
            'ALREADY_ESTABLISHED',
            `${event.organisation} is already established on ${event.effectiveDate}`,
          )
        : undefined;
    case 'MemberAdmitted':
      return state.members.has(event.participant)
        ? new DomainError(
            'ALREADY_A_MEMBER',
            `${event.participant} is already a member of ${event.organisation} on ${event.effectiveDate}`,
          )
        : undefined;
    case 'MembershipSuspended':
      return memberProblem(state, event, ['ALREADY_SUSPENDED', (m) => m.suspended, 'is already suspended']);
    case 'MembershipRestored':
      return memberProblem(state, event, ['NOT_SUSPENDED', (m) => !m.suspended, 'is not suspended']);
    case 'ParticipationFrozen':
      return memberProblem(state, event, [
        'ALREADY_FROZEN',
        (m) => m.frozen,
        'has already frozen its participation',
      ]);
    case 'ParticipationUnfrozen':
      return memberProblem(state, event, [
        'NOT_FROZEN',
        (m) => !m.frozen,
        'has not frozen its participation',
      ]);
    case 'MembershipWithdrawalNotified':
    case 'MembershipEnded':
      return memberProblem(state, event);
    case 'ObserverStatusGranted':
    case 'PartnerStatusGranted':
    case 'ExternalStatusGranted':
      return state.statuses.has(statusKey(event))
        ? new DomainError(
            'ALREADY_GRANTED',
            `${describeStatus(event)} is already held on ${event.effectiveDate}`,
          )
        : undefined;
    case 'ObserverStatusEnded':
    case 'PartnerStatusEnded':
    case 'ExternalStatusEnded':
      return state.statuses.has(statusKey(event))
        ? undefined
        : new DomainError(
            'NOT_GRANTED',
            `${describeStatus(event)} is not held on ${event.effectiveDate}: that body did not grant it`,
          );
    case 'SecretaryGeneralAppointed':
    case 'DecisionAdopted':
    case 'PositionStated':
    case 'BodyEstablished':
      return undefined;
  }
}

type MemberEvent = Extract<OrganisationEvent, { readonly participant: string }>;
type MemberRule = readonly [
  code: 'ALREADY_SUSPENDED' | 'NOT_SUSPENDED' | 'ALREADY_FROZEN' | 'NOT_FROZEN',
  breaks: (member: MemberStatus) => boolean,
  why: string,
];

/** NOT_A_MEMBER when the participant is not a current member, else the rule's code when the member breaks it. */
function memberProblem(
  state: OrganisationState,
  event: MemberEvent,
  rule?: MemberRule,
): DomainError | undefined {
  const member = state.members.get(event.participant);
  const subject = `${event.type}: ${event.participant}`;
  if (member === undefined) {
    return new DomainError(
      'NOT_A_MEMBER',
      `${subject} is not a member of ${event.organisation} on ${event.effectiveDate}`,
    );
  }
  if (rule === undefined || !rule[1](member)) return undefined;
  return new DomainError(rule[0], `${subject} ${rule[2]} on ${event.effectiveDate}`);
}

function statusKey(event: StatusEvent): string {
  return 'status' in event
    ? `external|${event.body}|${event.status}`
    : `${event.type.replace(/Status.*/, '')}|${event.body}|${event.participant}`;
}

function describeStatus(event: StatusEvent): string {
  return 'status' in event
    ? `${event.organisation}'s ${event.status} status in ${event.body}`
    : `${event.participant}'s ${event.type.replace(/Status.*/, '').toLowerCase()} status granted by ${event.body}`;
}

function withMember(
  state: OrganisationState,
  participant: string,
  status: MemberStatus | undefined,
): OrganisationState {
  const members = new Map(state.members);
  if (status) members.set(participant, status);
  else members.delete(participant);
  return { ...state, members };
}

function updateMember(
  state: OrganisationState,
  participant: string,
  change: Partial<MemberStatus>,
): OrganisationState {
  const member = state.members.get(participant);
  return member ? withMember(state, participant, { ...member, ...change }) : state;
}

/** The organisation stream: membership and its statuses, observer and partner statuses by body, external statuses. */
export const organisationDecider = deciderOf({
  accepts: isOrganisationEvent,
  initialState,
  evolve,
  violation,
});
