import type { ApiPropertyOptions } from '@nestjs/swagger';

/** A calendar day; effective dates may be coarser (YYYY-MM, YYYY) where the sources are. */
export const DAY = {
  type: String,
  example: '2012-12-20',
  description: 'YYYY-MM-DD (or YYYY-MM, YYYY where the sources give no day)',
} satisfies ApiPropertyOptions;
export const NULLABLE_DAY = { ...DAY, nullable: true } satisfies ApiPropertyOptions;
export const NULLABLE_INSTANT = {
  type: String,
  format: 'date-time',
  nullable: true,
} satisfies ApiPropertyOptions;
/** An event of the catalogue: its `type` says which; docs/event-catalogue.md lists their fields. */
export const EVENT = {
  type: 'object',
  additionalProperties: true,
  description:
    'an event of the catalogue (docs/event-catalogue.md), with its type, effectiveDate, sources and confidence',
} satisfies ApiPropertyOptions;
/** The facts a row of an answer rests on. */
export const EVENT_IDS = {
  type: [String],
  description: 'the ids of the facts this row rests on (GET /events/{id})',
} satisfies ApiPropertyOptions;
/** In force, not, or undetermined inside the period its entry into force is known only to. */
export const IN_FORCE = {
  oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['undetermined'] }],
  description:
    'true, false, or "undetermined" when the day falls inside the period its entry into force is known only to',
} satisfies ApiPropertyOptions;
