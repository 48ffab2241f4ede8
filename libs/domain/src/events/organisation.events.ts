import { EventFields } from './common';
import { Optional, Required, date, LIMITS, oneOf, participant, slug, text } from './field-rules';

/** Events of the stream `organisation-<organisation>`. */
abstract class OrganisationFields extends EventFields {
  @Required(slug) readonly organisation!: string;
}

/** An event about one participant's place in the organisation. */
abstract class ParticipantFields extends OrganisationFields {
  @Required(participant) readonly participant!: string;
}

abstract class CouncilDecisionFields extends ParticipantFields {
  @Required(slug) readonly decidedBy!: string;
  @Optional(text(LIMITS.SHORT_TEXT)) readonly decision?: string;
}

abstract class DeclarationFields extends ParticipantFields {
  @Required(participant) readonly declaredBy!: string;
  @Optional(text(LIMITS.LONG_TEXT)) readonly statement?: string;
}

/** A status granted by a body: the body matters (an assembly's observer is not the organisation's). */
abstract class GrantFields extends ParticipantFields {
  @Required(slug) readonly body!: string;
  @Optional(text(LIMITS.SHORT_TEXT)) readonly decision?: string;
}

abstract class ExternalStatusFields extends OrganisationFields {
  @Required(slug) readonly body!: string;
  @Required(slug) readonly status!: string;
  @Optional(text(LIMITS.SHORT_TEXT)) readonly decision?: string;
}

export const ADMISSION_MODES = ['original', 'accession', 'admission', 'restoration'] as const;
export const MEMBERSHIP_END_REASONS = ['withdrawal', 'non-renewal', 'expulsion'] as const;

export class OrganisationEstablished extends OrganisationFields {
  declare readonly type: 'OrganisationEstablished';
  @Required(text(LIMITS.SHORT_TEXT)) readonly name!: string;
  @Required(slug) readonly foundingInstrument!: string;
  @Optional(slug) readonly predecessorInstrument?: string;
  @Optional(text(LIMITS.SHORT_TEXT)) readonly decision?: string;
}

export class MemberAdmitted extends ParticipantFields {
  declare readonly type: 'MemberAdmitted';
  @Required(oneOf(ADMISSION_MODES)) readonly mode!: (typeof ADMISSION_MODES)[number];
  @Required(slug) readonly basis!: string;
  @Optional(slug) readonly decidedBy?: string;
}

export class MembershipSuspended extends CouncilDecisionFields {
  declare readonly type: 'MembershipSuspended';
}

export class MembershipRestored extends CouncilDecisionFields {
  declare readonly type: 'MembershipRestored';
}

export class ParticipationFrozen extends DeclarationFields {
  declare readonly type: 'ParticipationFrozen';
}

export class ParticipationUnfrozen extends DeclarationFields {
  declare readonly type: 'ParticipationUnfrozen';
}

export class MembershipWithdrawalNotified extends ParticipantFields {
  declare readonly type: 'MembershipWithdrawalNotified';
  @Required(slug) readonly instrument!: string;
}

export class MembershipEnded extends ParticipantFields {
  declare readonly type: 'MembershipEnded';
  @Required(oneOf(MEMBERSHIP_END_REASONS)) readonly reason!: (typeof MEMBERSHIP_END_REASONS)[number];
}

export class ObserverStatusGranted extends GrantFields {
  declare readonly type: 'ObserverStatusGranted';
}

export class ObserverStatusEnded extends GrantFields {
  declare readonly type: 'ObserverStatusEnded';
}

export class PartnerStatusGranted extends GrantFields {
  declare readonly type: 'PartnerStatusGranted';
}

export class PartnerStatusEnded extends GrantFields {
  declare readonly type: 'PartnerStatusEnded';
}

export class ExternalStatusGranted extends ExternalStatusFields {
  declare readonly type: 'ExternalStatusGranted';
}

export class ExternalStatusEnded extends ExternalStatusFields {
  declare readonly type: 'ExternalStatusEnded';
}

export class SecretaryGeneralAppointed extends OrganisationFields {
  declare readonly type: 'SecretaryGeneralAppointed';
  @Required(text(LIMITS.SHORT_TEXT)) readonly person!: string;
  @Optional(slug) readonly decidedBy?: string;
  @Optional(date) readonly termEnds?: string;
}

export class DecisionAdopted extends OrganisationFields {
  declare readonly type: 'DecisionAdopted';
  @Required(slug) readonly body!: string;
  @Required(text(LIMITS.SHORT_TEXT)) readonly title!: string;
  @Optional(text(LIMITS.SHORT_TEXT)) readonly number?: string;
}

export const POSITION_KINDS = ['statement', 'refusal', 'non-payment', 'non-attendance', 'non-renewal-announced'] as const;

/**
 * A state's statement or act about its place in the organisation that changes no status by itself (a refusal
 * to sign, an absence, a budget not paid, an announced non-renewal). The status changes, if any, are their own
 * facts; this keeps the steps that led there in the record.
 */
export class PositionStated extends ParticipantFields {
  declare readonly type: 'PositionStated';
  @Required(oneOf(POSITION_KINDS)) readonly kind!: (typeof POSITION_KINDS)[number];
  @Required(text(LIMITS.LONG_TEXT)) readonly summary!: string;
  @Optional(slug) readonly instrument?: string;
}

/** A body of the organisation created: by an instrument (`basis`) or by a decision that is not one. */
export class BodyEstablished extends OrganisationFields {
  declare readonly type: 'BodyEstablished';
  @Required(slug) readonly body!: string;
  @Required(text(LIMITS.SHORT_TEXT)) readonly name!: string;
  @Optional(slug) readonly basis?: string;
  @Optional(text(LIMITS.SHORT_TEXT)) readonly decision?: string;
}

/** Wire name → class. The key is the stable wire name; each class declares the same literal as its `type`. */
export const ORGANISATION_EVENTS = {
  OrganisationEstablished,
  MemberAdmitted,
  MembershipSuspended,
  MembershipRestored,
  ParticipationFrozen,
  ParticipationUnfrozen,
  MembershipWithdrawalNotified,
  MembershipEnded,
  ObserverStatusGranted,
  ObserverStatusEnded,
  PartnerStatusGranted,
  PartnerStatusEnded,
  ExternalStatusGranted,
  ExternalStatusEnded,
  SecretaryGeneralAppointed,
  DecisionAdopted,
  PositionStated,
  BodyEstablished,
} as const;

export type OrganisationEvent = InstanceType<(typeof ORGANISATION_EVENTS)[keyof typeof ORGANISATION_EVENTS]>;
