import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DeploymentRow, ExternalStatusRow, GrantRow, InstrumentRow, MemberRow, OrganisationState, SignatoryRow, UncertainRow } from '@app/projections';
import { DAY, NULLABLE_DAY } from './schema-parts';

// Each class implements the projection's type: a field added there fails to compile here until it is documented.

export class UncertainRowAnswer implements UncertainRow {
  @ApiProperty({ description: 'the organisation or instrument concerned' }) readonly subject!: string;
  @ApiPropertyOptional() readonly participant?: string;
  @ApiProperty({ description: 'the status whose date is known only to a period' }) readonly status!: string;
  @ApiProperty(DAY) readonly from!: string;
  @ApiProperty(DAY) readonly to!: string;
  @ApiProperty({ description: 'why the answer cannot say' }) readonly because!: string;
}

export class MemberRowAnswer implements MemberRow {
  @ApiProperty({ example: 'ARM' }) readonly participant!: string;
  @ApiProperty({ enum: ['active', 'suspended', 'frozen'] }) readonly status!: MemberRow['status'];
  @ApiProperty({ description: 'the instrument membership rests on', example: 'csto-charter-2002' }) readonly basis!: string;
  @ApiProperty({ ...DAY, description: 'first day of the unbroken membership' }) readonly since!: string;
  @ApiProperty({ ...DAY, description: 'first day of the current status' }) readonly statusSince!: string;
}

export class SignatoryRowAnswer implements SignatoryRow {
  @ApiProperty() readonly participant!: string;
  @ApiProperty() readonly instrument!: string;
  @ApiProperty(DAY) readonly since!: string;
}

export class GrantRowAnswer implements GrantRow {
  @ApiProperty() readonly participant!: string;
  @ApiProperty({ description: 'the body that granted the status (the organisation, or e.g. its parliamentary assembly)' }) readonly body!: string;
  @ApiProperty(DAY) readonly since!: string;
}

export class ExternalStatusRowAnswer implements ExternalStatusRow {
  @ApiProperty() readonly body!: string;
  @ApiProperty() readonly status!: string;
  @ApiProperty(DAY) readonly since!: string;
}

export class DatesDisagreementAnswer {
  @ApiProperty(NULLABLE_DAY) readonly derived!: string | null;
  @ApiProperty(NULLABLE_DAY) readonly reported!: string | null;
}

export class InstrumentRowAnswer implements InstrumentRow {
  @ApiProperty() readonly id!: string;
  @ApiProperty() readonly inForce!: boolean;
  @ApiProperty({ ...NULLABLE_DAY, description: 'entry into force as governing (derived, else reported)' }) readonly since!: string | null;
  @ApiProperty({ type: [String] }) readonly parties!: readonly string[];
  @ApiPropertyOptional({ type: DatesDisagreementAnswer, description: 'present when the derived and reported dates differ' })
  readonly disagreement?: DatesDisagreementAnswer;
}

export class DeploymentRowAnswer implements DeploymentRow {
  @ApiProperty() readonly id!: string;
  @ApiProperty() readonly host!: string;
  @ApiProperty({ enum: ['requested', 'authorized', 'active', 'withdrawing'] }) readonly status!: DeploymentRow['status'];
  @ApiProperty({ type: [String] }) readonly contributors!: readonly string[];
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
  @ApiProperty({ type: [ExternalStatusRowAnswer] }) readonly externalStatuses!: readonly ExternalStatusRowAnswer[];
  @ApiProperty({ type: [InstrumentRowAnswer] }) readonly instruments!: readonly InstrumentRowAnswer[];
  @ApiProperty({ type: [DeploymentRowAnswer], description: 'operations with contingents present on the day' }) readonly deployments!: readonly DeploymentRowAnswer[];
  @ApiProperty({ type: [DeploymentRowAnswer], description: 'operations requested or authorised that no contingent has reached yet' })
  readonly pendingDeployments!: readonly DeploymentRowAnswer[];
  @ApiProperty({ type: [UncertainRowAnswer] }) readonly uncertain!: readonly UncertainRowAnswer[];
}
