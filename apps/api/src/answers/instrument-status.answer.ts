import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DatesCompared, InstrumentStatus, ParticipantRow } from '@app/projections';
import { UncertainRowAnswer, UndeterminedAnswer } from './organisation-state.answer';
import { DAY, EVENT_IDS, IN_FORCE, NULLABLE_DAY } from './schema-parts';

export class DatesComparedAnswer implements DatesCompared {
  @ApiProperty({ ...NULLABLE_DAY, description: 'as the deposits and the entry-into-force clause give it' })
  readonly derived!: string | null;
  @ApiProperty({ ...NULLABLE_DAY, description: 'as a recorded report of entry into force gives it' })
  readonly reported!: string | null;
  @ApiProperty({ ...NULLABLE_DAY, description: 'the one followed: derived, else reported' })
  readonly governing!: string | null;
  @ApiProperty({ description: 'derived and reported both known and different' })
  readonly disagreement!: boolean;
}

export class RatificationAnswer {
  @ApiProperty({ type: String, nullable: true }) readonly number!: string | null;
  @ApiProperty(DAY) readonly date!: string;
  @ApiProperty() readonly title!: string;
}

export class DepositAnswer {
  @ApiProperty(DAY) readonly date!: string;
  @ApiProperty({ example: 'ratification' }) readonly kind!: string;
}

export class WithdrawalAnswer {
  @ApiProperty(NULLABLE_DAY) readonly notified!: string | null;
  @ApiProperty(NULLABLE_DAY) readonly effective!: string | null;
}

export class TerminationAnswer extends DatesComparedAnswer {
  @ApiProperty({ type: String, nullable: true }) readonly reason!: string | null;
}

export class ParticipantRowAnswer implements ParticipantRow {
  @ApiProperty() readonly participant!: string;
  @ApiProperty({ enum: ['signatory', 'consented', 'party', 'no-longer-party'] })
  readonly status!: ParticipantRow['status'];
  @ApiProperty(NULLABLE_DAY) readonly signature!: string | null;
  @ApiProperty({ type: RatificationAnswer, nullable: true })
  readonly ratification!: RatificationAnswer | null;
  @ApiProperty({ type: DepositAnswer, nullable: true }) readonly deposit!: DepositAnswer | null;
  @ApiProperty({
    ...NULLABLE_DAY,
    description: 'the day the instrument entered into force for the participant',
  })
  readonly inForce!: string | null;
  @ApiProperty({ type: DatesComparedAnswer }) readonly entryIntoForce!: DatesComparedAnswer;
  @ApiProperty({ type: WithdrawalAnswer }) readonly withdrawal!: WithdrawalAnswer;
  @ApiProperty({ type: TerminationAnswer, nullable: true }) readonly termination!: TerminationAnswer | null;
  @ApiProperty({
    ...EVENT_IDS,
    description: "the facts of the participant's current period that had happened by the day",
  })
  readonly eventIds!: readonly string[];
}

export class InstrumentStatusAnswer implements InstrumentStatus {
  @ApiProperty({ example: 'csto-charter-2002' }) readonly instrument!: string;
  @ApiProperty(DAY) readonly asOf!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly knownAt!: string | null;
  @ApiProperty({ description: 'adopted on or before the day' }) readonly exists!: boolean;
  @ApiProperty({ type: String, nullable: true }) readonly title!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly kind!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly organisation!: string | null;
  @ApiProperty(NULLABLE_DAY) readonly adopted!: string | null;
  @ApiProperty(IN_FORCE) readonly inForce!: boolean | 'undetermined';
  @ApiPropertyOptional({
    type: UndeterminedAnswer,
    description: 'present when the day falls inside the period its entry into force is known only to',
  })
  readonly undetermined?: UndeterminedAnswer;
  @ApiProperty({ type: DatesComparedAnswer }) readonly entryIntoForce!: DatesComparedAnswer;
  @ApiProperty({ type: [ParticipantRowAnswer] }) readonly participants!: readonly ParticipantRowAnswer[];
  @ApiProperty({ type: [UncertainRowAnswer] }) readonly uncertain!: readonly UncertainRowAnswer[];
}
