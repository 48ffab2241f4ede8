import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { dateProblem, precisionOf, WIRE_NAMES } from '@app/domain';

/**
 * The fields questions are asked with, as class-validator rules that also document themselves for OpenAPI. Each
 * rule is one function that gives both the verdict and the message, as the domain's field rules do. Values come
 * as text (a query string, a command-line flag); a field left out, or given empty, is absent.
 */
type Check = (value: string) => string | undefined;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Participants: an ISO 3166-1 alpha-3 code in any case (`uzb` is UZB), or an organisation's slug. */
const PARTICIPANT = /^([A-Za-z]{3}|[a-z0-9]+(-[a-z0-9]+)*)$/;
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2})))?$/;

function rule(name: string, check: Check, required: boolean): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => problemOf(value, check, required) === undefined,
      defaultMessage: (args) => problemOf(args?.value, check, required) ?? '',
    },
  });
}

function problemOf(value: unknown, check: Check, required: boolean): string | undefined {
  if (value === undefined || value === '') return required ? 'is required' : undefined;
  if (typeof value !== 'string') return 'must be given once, as text';
  return check(value);
}

function field(
  name: string,
  check: Check,
  required: boolean,
  doc: { description: string; example?: string; pattern?: string; format?: string },
): PropertyDecorator {
  return applyDecorators(
    rule(name, check, required),
    required ? ApiProperty({ type: String, ...doc }) : ApiPropertyOptional({ type: String, ...doc }),
  );
}

const clip = (value: string, length = 60): string => value.slice(0, length);

const dayProblem: Check = (value) => {
  const problem = dateProblem(value);
  if (problem) return problem;
  return precisionOf(value) === 'day' ? undefined : `must be a day, YYYY-MM-DD, got "${clip(value)}"`;
};

/** An instant that exists: its day in the calendar, its time of day on the clock, its offset within ±14:00. */
export const instantProblem: Check = (value) => {
  const match = INSTANT.exec(value);
  if (!match) return `must be an ISO 8601 instant such as 2026-01-31T12:00:00Z, got "${clip(value, 40)}"`;
  const [, day = '', hours, minutes, seconds = '00', , , offsetHours = '00', offsetMinutes = '00'] = match;
  const problem = dateProblem(day);
  if (problem) return problem;
  if (hours !== undefined && (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59)) {
    return `"${clip(value, 40)}" is not a time of day: hours run 00–23, minutes and seconds 00–59`;
  }
  if (Number(offsetHours) > 14 || Number(offsetMinutes) > 59)
    return `"${clip(value, 40)}" has an offset beyond ±14:00`;
  return undefined;
};

/** A valid instant as the record keeps time: UTC with milliseconds; a day alone means its last millisecond. */
export function instantOf(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  return value.length === 10 ? `${value}T23:59:59.999Z` : new Date(value).toISOString();
}

const matching =
  (pattern: RegExp, what: string): Check =>
  (value) =>
    pattern.test(value) ? undefined : `must be ${what}, got "${clip(value)}"`;

const wireNameProblem: Check = (value) =>
  (WIRE_NAMES as readonly string[]).includes(value)
    ? undefined
    : `"${clip(value)}" is not an event type; see docs/event-catalogue.md`;

const countProblem =
  (min: number, max: number): Check =>
  (value) => {
    const number = Number(value);
    return /^\d+$/.test(value) && number >= min && number <= max
      ? undefined
      : `must be a whole number from ${min} to ${max}, got "${clip(value)}"`;
  };

/** A calendar day, YYYY-MM-DD: "as of" is always a day. */
export const Day = (
  description: string,
  { required = false, example }: { required?: boolean; example?: string } = {},
): PropertyDecorator =>
  field('day', dayProblem, required, { description, format: 'date', ...(example ? { example } : {}) });

/** Recorded time: what the record said at this instant. */
export const KnownAt = (): PropertyDecorator =>
  field('instant', instantProblem, false, {
    description:
      'recorded time: the record as it stood at this instant (ISO 8601 with a zone, or a day: its end, UTC)',
    example: '2026-01-01T00:00:00Z',
  });

export const Slug = (
  description: string,
  { required = false, example }: { required?: boolean; example?: string } = {},
): PropertyDecorator =>
  field('slug', matching(SLUG, 'a slug such as csto or csto-charter-2002'), required, {
    description,
    pattern: SLUG.source,
    ...(example ? { example } : {}),
  });

export const Participant = (
  description: string,
  { required = false }: { required?: boolean } = {},
): PropertyDecorator =>
  field(
    'participant',
    matching(PARTICIPANT, 'an ISO 3166-1 alpha-3 code such as ARM (any case), or a slug such as cis'),
    required,
    {
      description,
      pattern: PARTICIPANT.source,
      example: 'UZB',
    },
  );

export const WireName = (description: string): PropertyDecorator =>
  applyDecorators(
    rule('wireName', wireNameProblem, false),
    ApiPropertyOptional({ description, enum: [...WIRE_NAMES] }),
  );

/** A whole number within bounds, given as text; the default is the service's. */
export const Count = (
  description: string,
  { min, max, fallback }: { min: number; max: number; fallback: number },
): PropertyDecorator =>
  applyDecorators(
    rule('count', countProblem(min, max), false),
    ApiPropertyOptional({
      type: 'integer',
      description: `${description} (${min}–${max}, default ${fallback})`,
      minimum: min,
      maximum: max,
      default: fallback,
    }),
  );

/** Counts arrive as text: `countOf` reads one that passed `Count`. */
export function countOf(value: string | undefined, fallback: number): number {
  return value === undefined || value === '' ? fallback : Number(value);
}

/**
 * A participant as the record names it: as given when the record knows it so, else a three-letter code in
 * capitals (`uzb` is UZB) — an organisation's three-letter slug such as `cis` stays as it is.
 */
export function participantOf(value: string, known: (participant: string) => boolean): string {
  if (known(value) || !/^[A-Za-z]{3}$/.test(value)) return value;
  return value.toUpperCase();
}
