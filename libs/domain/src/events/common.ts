import { Transform } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { Optional, Required, date, listOf, LIMITS, Nested, object, oneOf, seedFile, text, url } from './field-rules';

export const CONFIDENCES = ['certain', 'high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** A seed document in shared/seeds/ and a short exact quote from it. */
export class SeedSource {
  @Required(seedFile) readonly seed!: string;
  @Required(text(LIMITS.LONG_TEXT)) readonly quote!: string;
}

/** A public reference: title and address, optionally who published it and when (a date of any precision). */
export class ReferenceSource {
  @Required(text(LIMITS.SHORT_TEXT)) readonly title!: string;
  @Required(url) readonly url!: string;
  @Optional(text(LIMITS.SHORT_TEXT)) readonly publisher?: string;
  @Optional(date) readonly published?: string;
}

export type Source = SeedSource | ReferenceSource;

/**
 * A list of sources: each item is a seed source when it has `seed` or `quote`, a public reference otherwise, so
 * that a stray field is reported as unknown to the kind of source it was written as.
 */
function Sources(): PropertyDecorator {
  return (target, property) => {
    Required(listOf(1, LIMITS.SOURCES, 'sources'))(target, property);
    ValidateNested({ each: true, message: 'must be a source: { seed, quote } or { title, url }' })(target, property);
    Transform(({ obj, key }) => asSources((obj as Record<string, unknown>)[key]), { toClassOnly: true })(target, property);
  };
}

function asSources(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item: unknown) => {
    // A list is not a source: null makes the nested check say so at the item, instead of reading into it.
    if (Array.isArray(item)) return null;
    if (typeof item !== 'object' || item === null) return item;
    const schema: new () => Source = 'seed' in item || 'quote' in item ? SeedSource : ReferenceSource;
    // What plainToInstance would build for these flat classes (a new instance with the item's fields), without its
    // metadata search on every item: this runs for every event parsed.
    return Object.assign(new schema(), item);
  });
}

/** One reading the sources give of a disputed fact, with the sources that give it. */
export class Reading {
  @Required(text(LIMITS.LONG_TEXT)) readonly claim!: string;
  @Optional(date) readonly effectiveDate?: string;
  @Sources() readonly sources!: readonly Source[];
}

/** Sources disagree: this event's fields are the reading followed, `followed` says why. */
export class Dispute {
  @Required(text(LIMITS.LONG_TEXT)) readonly followed!: string;
  @Required(listOf(1, LIMITS.READINGS, 'readings')) @Nested(() => Reading, { each: true }) readonly readings!: readonly Reading[];
}

/** The fields every event shares. `type` is declared with its literal by each event class. */
export abstract class EventFields {
  @Required(text(LIMITS.IDENTIFIER)) readonly type!: string;
  @Required(date) readonly effectiveDate!: string;
  @Sources() readonly sources!: readonly Source[];
  @Required(oneOf(CONFIDENCES)) readonly confidence!: Confidence;
  @Optional(object) @Nested(() => Dispute) readonly dispute?: Dispute;
  @Optional(text(LIMITS.LONG_TEXT)) readonly note?: string;
}
