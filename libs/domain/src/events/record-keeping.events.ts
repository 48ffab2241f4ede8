import type { SubjectEvent } from './catalogue';
import { EventFields } from './common';
import { Required, eventId, LIMITS, object, text } from './field-rules';

/** Corrections and retractions: they go to the stream of the fact they supersede. */
abstract class RecordKeepingFields extends EventFields {
  @Required(eventId) readonly supersedes!: string;
  @Required(text(LIMITS.LONG_TEXT)) readonly reason!: string;
}

export class FactCorrected extends RecordKeepingFields {
  declare readonly type: 'FactCorrected';
  /** Checked here only as an object: parseEvent validates it in full as an event of the catalogue. */
  @Required(object) readonly corrected!: SubjectEvent;
}

export class FactRetracted extends RecordKeepingFields {
  declare readonly type: 'FactRetracted';
}

/** Wire name → class. */
export const RECORD_KEEPING_EVENTS = { FactCorrected, FactRetracted } as const;

export type RecordKeepingEvent = InstanceType<(typeof RECORD_KEEPING_EVENTS)[keyof typeof RECORD_KEEPING_EVENTS]>;
