import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OrganisationEntry } from '@app/history';
import type {
  DeploymentHistory,
  DeploymentPhase,
  DisputedDate,
  Establishment,
  ExternalStatusSpell,
  HistorySpell,
  InstrumentDates,
  OrganisationHistory,
  ParticipantSpells,
} from '@app/projections';
import type { ParticipantName } from '../page/participant-names';
import { DatesComparedAnswer } from './instrument-status.answer';
import { ReadingAnswer } from './organisation-state.answer';
import { DAY, EVENT_IDS, NULLABLE_DAY, NULLABLE_INSTANT } from './schema-parts';

export class HistorySpellAnswer implements HistorySpell {
  @ApiPropertyOptional({ description: 'the organisation, for a membership, observer or partner spell' })
  readonly organisation?: string;
  @ApiPropertyOptional({ description: 'the instrument, for a signatory or party spell' })
  readonly instrument?: string;
  @ApiProperty({ enum: ['signatory', 'party', 'member', 'suspended', 'frozen', 'observer', 'partner'] })
  readonly status!: HistorySpell['status'];
  @ApiPropertyOptional({ description: 'the body that granted an observer or partner status' })
  readonly body?: string;
  @ApiProperty(DAY) readonly from!: string;
  @ApiProperty({ ...NULLABLE_DAY, description: 'the last day; null while it lasts' }) readonly to!:
    string | null;
  @ApiProperty({
    description:
      'the instrument a membership or party status rests on; the granting body of an observer or partner status',
  })
  readonly basis!: string;
  @ApiProperty(EVENT_IDS) readonly eventIds!: readonly string[];
}

export class ParticipantHistoryAnswer {
  @ApiProperty({ example: 'UZB' }) readonly participant!: string;
  @ApiProperty({ type: [HistorySpellAnswer] }) readonly spells!: readonly HistorySpellAnswer[];
}

export class ParticipantSpellsAnswer extends ParticipantHistoryAnswer implements ParticipantSpells {}

export class InstrumentDatesAnswer implements InstrumentDates {
  @ApiProperty() readonly id!: string;
  @ApiProperty({ type: String, nullable: true }) readonly title!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly kind!: string | null;
  @ApiProperty(NULLABLE_DAY) readonly adopted!: string | null;
  @ApiProperty({ type: DatesComparedAnswer }) readonly entryIntoForce!: DatesComparedAnswer;
  @ApiProperty(EVENT_IDS) readonly eventIds!: readonly string[];
}

export class DeploymentPhaseAnswer implements DeploymentPhase {
  @ApiProperty({ enum: ['requested', 'authorized', 'active', 'withdrawing', 'ended'] })
  readonly status!: DeploymentPhase['status'];
  @ApiProperty(DAY) readonly from!: string;
  @ApiProperty() readonly eventId!: string;
}

export class ContingentAnswer {
  @ApiProperty() readonly contributor!: string;
  @ApiProperty(DAY) readonly from!: string;
  @ApiProperty() readonly eventId!: string;
}

export class DeploymentHistoryAnswer implements DeploymentHistory {
  @ApiProperty() readonly id!: string;
  @ApiProperty() readonly host!: string;
  @ApiProperty({ type: [DeploymentPhaseAnswer] }) readonly phases!: readonly DeploymentPhaseAnswer[];
  @ApiProperty({ type: [ContingentAnswer] }) readonly contingents!: readonly ContingentAnswer[];
}

export class ExternalStatusSpellAnswer implements ExternalStatusSpell {
  @ApiProperty() readonly body!: string;
  @ApiProperty() readonly status!: string;
  @ApiProperty(DAY) readonly from!: string;
  @ApiProperty(NULLABLE_DAY) readonly to!: string | null;
  @ApiProperty(EVENT_IDS) readonly eventIds!: readonly string[];
}

export class EstablishmentAnswer implements Establishment {
  @ApiProperty({ example: 'csto-charter-2002' }) readonly foundingInstrument!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'cst-1992',
    description: 'the treaty the organisation succeeds',
  })
  readonly predecessorInstrument!: string | null;
  @ApiProperty({ description: 'the founding fact' }) readonly eventId!: string;
}

export class DisputedDateAnswer implements DisputedDate {
  @ApiProperty() readonly eventId!: string;
  @ApiProperty({ description: 'the effective date the record follows' }) readonly date!: string;
  @ApiProperty({ description: 'why the record follows that reading' }) readonly followed!: string;
  @ApiProperty({ type: [ReadingAnswer] }) readonly readings!: readonly ReadingAnswer[];
  @ApiProperty({ ...DAY, description: 'the first day any reading allows' }) readonly from!: string;
  @ApiProperty({ ...DAY, description: 'the last day any reading allows' }) readonly to!: string;
}

export class OrganisationHistoryAnswer implements OrganisationHistory {
  @ApiProperty({ example: 'csto' }) readonly organisation!: string;
  @ApiProperty({ type: String, nullable: true }) readonly name!: string | null;
  @ApiProperty(NULLABLE_INSTANT) readonly knownAt!: string | null;
  @ApiProperty({ ...NULLABLE_DAY, description: "the founding instrument's entry into force" })
  readonly founded!: string | null;
  @ApiProperty({
    type: EstablishmentAnswer,
    nullable: true,
    description: 'what the founding record names; null before the record holds it',
  })
  readonly established!: EstablishmentAnswer | null;
  @ApiProperty({
    type: [DisputedDateAnswer],
    description:
      "every disputed fact of the organisation's record: a spell resting on one rests on a disputed date",
  })
  readonly disputes!: readonly DisputedDateAnswer[];
  @ApiProperty({ type: [ParticipantSpellsAnswer] })
  readonly participants!: readonly ParticipantSpellsAnswer[];
  @ApiProperty({ type: [InstrumentDatesAnswer] }) readonly instruments!: readonly InstrumentDatesAnswer[];
  @ApiProperty({ type: [DeploymentHistoryAnswer] }) readonly deployments!: readonly DeploymentHistoryAnswer[];
  @ApiProperty({ type: [ExternalStatusSpellAnswer] })
  readonly externalStatuses!: readonly ExternalStatusSpellAnswer[];
}

export class OrganisationEntryAnswer implements OrganisationEntry {
  @ApiProperty({ example: 'csto' }) readonly id!: string;
  @ApiProperty() readonly name!: string;
  @ApiProperty({ ...DAY, description: 'the effective date of the founding decision' })
  readonly established!: string;
}

export class OrganisationsAnswer {
  @ApiProperty({ type: [OrganisationEntryAnswer] })
  readonly organisations!: readonly OrganisationEntryAnswer[];
}

export class ParticipantNameAnswer implements ParticipantName {
  @ApiProperty({ example: 'RUS' }) readonly id!: string;
  @ApiProperty({ example: 'Russian Federation' }) readonly name!: string;
  @ApiProperty({ example: 'Russia', description: 'the name in common use, short enough for a row label' })
  readonly shortName!: string;
  @ApiProperty({ enum: ['state', 'body'] }) readonly kind!: ParticipantName['kind'];
}

export class ParticipantNamesAnswer {
  @ApiProperty({ type: [ParticipantNameAnswer] }) readonly participants!: readonly ParticipantNameAnswer[];
}
