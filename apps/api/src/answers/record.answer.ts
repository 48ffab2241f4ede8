import { ApiProperty } from '@nestjs/swagger';
import type { AuditTrail, RecordResult, StreamFacts, TimelinePage } from '@app/history';
import type { TimelineEntry } from '@app/projections';
import { DAY, EVENT } from './schema-parts';

export class TimelineEntryAnswer implements TimelineEntry {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ type: 'integer', description: 'position in the log: the order of recording' })
  readonly position!: number;
  @ApiProperty({ format: 'date-time' }) readonly recordedAt!: string;
  @ApiProperty(DAY) readonly effectiveDate!: string;
  @ApiProperty({ example: 'InstrumentSigned' }) readonly type!: TimelineEntry['type'];
  @ApiProperty(EVENT) readonly event!: TimelineEntry['event'];
  @ApiProperty({ type: [String], description: 'ids of the corrections and retractions of this fact' })
  readonly correctedBy!: readonly string[];
}

export class TimelinePageAnswer implements TimelinePage {
  @ApiProperty() readonly organisation!: string;
  @ApiProperty({ type: 'integer', description: 'entries matching the filters, before paging' })
  readonly total!: number;
  @ApiProperty({ type: 'integer' }) readonly offset!: number;
  @ApiProperty({ type: 'integer' }) readonly limit!: number;
  @ApiProperty({ type: [TimelineEntryAnswer] }) readonly entries!: readonly TimelineEntryAnswer[];
}

export class ImportedFromAnswer {
  @ApiProperty({ example: 'instruments/cst-1992.yaml' }) readonly file!: string;
  @ApiProperty({ type: 'integer' }) readonly line!: number;
  @ApiProperty({ example: 'cst-1992/signed/ARM' }) readonly factId!: string;
}

export class WritingRequestAnswer {
  @ApiProperty() readonly id!: string;
  @ApiProperty({ example: 'POST' }) readonly method!: string;
  @ApiProperty() readonly path!: string;
}

export class RecordedFactAnswer implements Omit<AuditTrail, 'supersededBy'> {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ example: 'instrument-cst-1992' }) readonly streamId!: string;
  @ApiProperty({ type: 'integer', description: '0-based position in its stream: send it back as If-Match' })
  readonly revision!: number;
  @ApiProperty({ type: 'integer' }) readonly position!: number;
  @ApiProperty({ format: 'date-time', description: "the store's clock when the fact was recorded" })
  readonly recordedAt!: string;
  @ApiProperty({ description: 'the writer (token name) or importer' }) readonly recordedBy!: string;
  @ApiProperty() readonly correlationId!: string;
  @ApiProperty({ type: String, nullable: true }) readonly causationId!: string | null;
  @ApiProperty({ type: ImportedFromAnswer, nullable: true })
  readonly importedFrom!: ImportedFromAnswer | null;
  @ApiProperty({ type: WritingRequestAnswer, nullable: true }) readonly request!: WritingRequestAnswer | null;
  @ApiProperty({ type: 'integer' }) readonly schemaVersion!: number;
  @ApiProperty(EVENT) readonly event!: AuditTrail['event'];
}

export class AuditTrailAnswer extends RecordedFactAnswer implements AuditTrail {
  @ApiProperty({
    type: [RecordedFactAnswer],
    description: 'the corrections and retractions that name this fact, in recorded order',
  })
  readonly supersededBy!: readonly RecordedFactAnswer[];
}

export class RecordResultAnswer implements RecordResult {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty() readonly streamId!: string;
  @ApiProperty({ type: 'integer', description: "the stream's revision after the write (also the ETag)" })
  readonly revision!: number;
  @ApiProperty({ type: 'integer' }) readonly position!: number;
  @ApiProperty({ description: 'false when the same fact was recorded before under this id: a retry' })
  readonly created!: boolean;
}

export class StreamFactsAnswer implements StreamFacts {
  @ApiProperty({ example: 'instrument-peacekeeping-agreement-2007' }) readonly streamId!: string;
  @ApiProperty({ type: 'integer', description: "the revision of the stream's last fact (also the ETag)" })
  readonly revision!: number;
  @ApiProperty({ type: [RecordedFactAnswer] }) readonly facts!: readonly RecordedFactAnswer[];
}
