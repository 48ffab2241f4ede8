import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  DeploymentRow,
  ExternalStatusRow,
  GrantRow,
  InstrumentRow,
  MemberRow,
  OrganisationState,
  SignatoryRow,
  UncertainRow,
  Undetermined,
} from '@app/projections';
import { DAY, EVENT_IDS, IN_FORCE, NULLABLE_DAY } from './schema-parts';

// Each class implements the projection's type: a field added there fails to compile here until it is documented.

export class UncertainRowAnswer implements UncertainRow {
  @ApiProperty({ description: 'the organisation or instrument concerned' }) readonly subject!: string;
  @ApiPropertyOptional() readonly participant?: string;
  @ApiProperty({ description: 'the status whose date is known only to a period' }) readonly status!: string;
  @ApiProperty(DAY) readonly from!: string;
  @ApiProperty(DAY) readonly to!: string;
  @ApiProperty({ description: 'why the answer cannot say' }) readonly because!: string;
}

export class UndeterminedAnswer implements Undetermined {
  @ApiProperty({ ...DAY, description: 'the first day of the period the deciding fact is known only to' })
  readonly from!: string;
  @ApiProperty({ ...DAY, description: 'its last day' }) readonly to!: string;
}

const UNDETERMINED = {
  type: UndeterminedAnswer,
  description:
    'present when the day falls inside the period the deciding fact is dated only to: the row may hold',
} as const;

export class ReadingAnswer {
  @ApiProperty() readonly claim!: string;
  @ApiProperty(NULLABLE_DAY) readonly effectiveDate!: string | null;
}

/** The projections' `Disputed`, reached through a row (the type is not exported on its own). */
export class DisputedAnswer implements NonNullable<MemberRow['disputed']> {
  @ApiProperty({ description: 'the disputed fact (GET /events/{id})' }) readonly eventId!: string;
  @ApiProperty({ description: 'why the reading shown is followed' }) readonly followed!: string;
  @ApiProperty({ type: [ReadingAnswer] }) readonly readings!: readonly ReadingAnswer[];
  @ApiProperty({ description: 'what the other reading would mean on the day' }) readonly effect!: string;
}

const DISPUTED = {
  type: DisputedAnswer,
  description: 'present when the row hangs on a fact the sources dispute',
} as const;

export class MemberRowAnswer implements MemberRow {
  @ApiProperty({ example: 'ARM' }) readonly participant!: string;
  @ApiProperty({ enum: ['active', 'suspended', 'frozen'] }) readonly status!: MemberRow['status'];
  @ApiProperty({ description: 'the instrument membership rests on', example: 'csto-charter-2002' })
  readonly basis!: string;
  @ApiProperty({ ...DAY, description: 'first day of the unbroken membership' }) readonly since!: string;
  @ApiProperty({ ...DAY, description: 'first day of the current status' }) readonly statusSince!: string;
  @ApiPropertyOptional(UNDETERMINED) readonly undetermined?: UndeterminedAnswer;
  @ApiProperty(EVENT_IDS) readonly eventIds!: readonly string[];
  @ApiPropertyOptional(DISPUTED) readonly disputed?: DisputedAnswer;
}

export class SignatoryRowAnswer implements SignatoryRow {
  @ApiProperty() readonly participant!: string;
  @ApiProperty() readonly instrument!: string;
  @ApiProperty(DAY) readonly since!: string;
  @ApiProperty(EVENT_IDS) readonly eventIds!: readonly string[];
  @ApiPropertyOptional(DISPUTED) readonly disputed?: DisputedAnswer;
}

export class GrantRowAnswer implements GrantRow {
  @ApiProperty() readonly participant!: string;
  @ApiProperty({
    description: 'the body that granted the status (the organisation, or e.g. its parliamentary assembly)',
  })
  readonly body!: string;
  @ApiProperty(DAY) readonly since!: string;
  @ApiPropertyOptional(UNDETERMINED) readonly undetermined?: UndeterminedAnswer;
  @ApiProperty(EVENT_IDS) readonly eventIds!: readonly string[];
  @ApiPropertyOptional(DISPUTED) readonly disputed?: DisputedAnswer;
}

export class ExternalStatusRowAnswer implements ExternalStatusRow {
  @ApiProperty() readonly body!: string;
  @ApiProperty() readonly status!: string;
  @ApiProperty(DAY) readonly since!: string;
  @ApiPropertyOptional(UNDETERMINED) readonly undetermined?: UndeterminedAnswer;
  @ApiProperty(EVENT_IDS) readonly eventIds!: readonly string[];
  @ApiPropertyOptional(DISPUTED) readonly disputed?: DisputedAnswer;
}

export class DatesDisagreementAnswer {
  @ApiProperty(NULLABLE_DAY) readonly derived!: string | null;
  @ApiProperty(NULLABLE_DAY) readonly reported!: string | null;
}

export class InstrumentRowAnswer implements InstrumentRow {
  @ApiProperty() readonly id!: string;
  @ApiProperty(IN_FORCE) readonly inForce!: boolean | 'undetermined';
  @ApiProperty({ ...NULLABLE_DAY, description: 'entry into force as governing (derived, else reported)' })
  readonly since!: string | null;
  @ApiPropertyOptional(UNDETERMINED) readonly undetermined?: UndeterminedAnswer;
  @ApiProperty({ type: [String] }) readonly parties!: readonly string[];
  @ApiPropertyOptional({
    type: DatesDisagreementAnswer,
    description: 'present when the derived and reported dates differ',
  })
  readonly disagreement?: DatesDisagreementAnswer;
  @ApiProperty(EVENT_IDS) readonly eventIds!: readonly string[];
  @ApiPropertyOptional(DISPUTED) readonly disputed?: DisputedAnswer;
}

export class DeploymentRowAnswer implements DeploymentRow {
  @ApiProperty() readonly id!: string;
  @ApiProperty() readonly host!: string;
  @ApiProperty({ enum: ['requested', 'authorized', 'active', 'withdrawing'] })
  readonly status!: DeploymentRow['status'];
  @ApiProperty({ type: [String] }) readonly contributors!: readonly string[];
  @ApiProperty(EVENT_IDS) readonly eventIds!: readonly string[];
  @ApiPropertyOptional(DISPUTED) readonly disputed?: DisputedAnswer;
}

export class OrganisationStateAnswer implements OrganisationState {
  @ApiProperty({ example: 'csto' }) readonly organisation!: string;
  @ApiProperty(DAY) readonly asOf!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly knownAt!: string | null;
  @ApiProperty() readonly exists!: boolean;
  @ApiProperty({ type: [MemberRowAnswer] }) readonly members!: readonly MemberRowAnswer[];
  @ApiProperty({ type: [SignatoryRowAnswer] }) readonly signatories!: readonly SignatoryRowAnswer[];
  @ApiProperty({ type: [GrantRowAnswer] }) readonly observers!: readonly GrantRowAnswer[];
  @ApiProperty({ type: [GrantRowAnswer] }) readonly partners!: readonly GrantRowAnswer[];
  @ApiProperty({ type: [ExternalStatusRowAnswer] })
  readonly externalStatuses!: readonly ExternalStatusRowAnswer[];
  @ApiProperty({ type: [InstrumentRowAnswer] }) readonly instruments!: readonly InstrumentRowAnswer[];
  @ApiProperty({ type: [DeploymentRowAnswer], description: 'operations with contingents present on the day' })
  readonly deployments!: readonly DeploymentRowAnswer[];
  @ApiProperty({
    type: [DeploymentRowAnswer],
    description: 'operations requested or authorised that no contingent has reached yet',
  })
  readonly pendingDeployments!: readonly DeploymentRowAnswer[];
  @ApiProperty({ type: [UncertainRowAnswer] }) readonly uncertain!: readonly UncertainRowAnswer[];
}
