import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsUUID, ValidateIf } from 'class-validator';

export class RecordFactDto {
  @ApiPropertyOptional({
    description: 'A UUID chosen by the writer: retrying with the same id records the fact once',
  })
  // Left out, a fresh id is drawn; null is not a way of leaving it out (a retry would not be idempotent).
  @ValidateIf((body: RecordFactDto) => body.id !== undefined)
  @IsUUID('all', { message: 'must be a UUID, e.g. 0b7e6a52-3c1a-4c3e-9a57-3e1f5b1d2c4a' })
  readonly id?: string;

  @ApiProperty({
    description: 'The fact: an event of the catalogue (docs/event-catalogue.md)',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject({ message: 'must be an event object with a type and its fields' })
  readonly event!: Record<string, unknown>;
}
