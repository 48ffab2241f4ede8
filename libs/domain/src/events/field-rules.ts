// class-transformer's @Type reads design-time types through the Reflect metadata API.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { registerDecorator, ValidateNested } from 'class-validator';
import { dateProblem } from '../dates';

/**
 * Field rules as small functions that return the problem in a curator's words (or undefined), registered with
 * class-validator. One function gives both the verdict and the message, so they cannot drift apart.
 */
export type Check = (value: unknown, owner: Readonly<Record<string, unknown>>) => string | undefined;

/** Length limits, in characters. Quotes and notes hold a paragraph; titles and names hold a line. */
export const LIMITS = { LONG_TEXT: 2000, SHORT_TEXT: 200, IDENTIFIER: 100, SOURCES: 50, READINGS: 20 } as const;

export const ISO3 = /^[A-Z]{3}$/;
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SEED_FILE = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
// Store ids are UUIDs; chronology files may name a fact by its fact id (`cst-1992/signed/ARM`).
const EVENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;

function rule(name: string, check: Check): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args) => check(value, args?.object as Record<string, unknown>) === undefined,
        defaultMessage: (args) => check(args?.value, args?.object as Record<string, unknown>) ?? '',
      },
    });
}

/** The field must be present and pass `check`. */
export function Required(check: Check): PropertyDecorator {
  return rule('required', (value, owner) =>
    value === undefined || value === null ? 'is required' : check(value, owner),
  );
}

/** The field may be left out; when present it passes `check`. `null` is not a way of leaving it out. */
export function Optional(check: Check): PropertyDecorator {
  return rule('optional', (value, owner) => {
    if (value === undefined) return undefined;
    return value === null ? 'must be left out rather than set to null' : check(value, owner);
  });
}

/** The field is required when `applies(owner)` holds and must be absent otherwise (`why` says when it belongs). */
export function RequiredWhen(applies: (owner: Readonly<Record<string, unknown>>) => boolean, check: Check, why: string): PropertyDecorator {
  return rule('requiredWhen', (value, owner) => {
    if (applies(owner)) return value === undefined || value === null ? `is required ${why}` : check(value, owner);
    return value === undefined ? undefined : `belongs only ${why}`;
  });
}

/** A nested object (or, with `each`, a list of them) validated as `schema`: unknown fields rejected there too. */
export function Nested(schema: () => new () => object, options: { each?: boolean } = {}): PropertyDecorator {
  return (target, property) => {
    ValidateNested({ each: options.each, message: 'must be an object with fields' })(target, property);
    Type(schema)(target, property);
  };
}

/**
 * Text a person wrote: a paragraph (a long-text field: quotes, notes, reasons) may hold tabs and line breaks, a
 * line (titles, names, places) may not. Refused everywhere: other control characters, bidirectional overrides,
 * embeddings and isolates (they can make a stored text read differently from what it holds), lone surrogates,
 * Unicode noncharacters, text that is empty once invisible characters are removed, and text not in Unicode
 * normal form C (so that the same words are always the same characters; the HTTP door normalises before this).
 */
export const text =
  (max: number): Check =>
  (value) =>
    textProblem(value, max, max >= LIMITS.LONG_TEXT);

const CONTROL_IN_LINE = /\p{Cc}/u;
const CONTROL_IN_PARAGRAPH = /(?![\t\n])\p{Cc}/u;
const NON_ASCII = /\P{ASCII}/u;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const NONCHARACTER = new RegExp(
  `[\\u{fdd0}-\\u{fdef}${Array.from({ length: 17 }, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`).join('')}]`,
  'u',
);
/** Whitespace, format characters (zero-width spaces and joiners, the byte-order mark, …) and blank-looking letters. */
const INVISIBLE = /[\s\p{Cf}\u115f\u1160\u3164\uffa0\u2800]/gu;

function textProblem(value: unknown, max: number, multiLine: boolean): string | undefined {
  if (typeof value !== 'string') return 'must be text';
  if (value.trim() === '') return 'must not be empty';
  if (value.length > max) return `is too long: ${value.length} characters, at most ${max}`;
  const control = (multiLine ? CONTROL_IN_PARAGRAPH : CONTROL_IN_LINE).exec(value)?.[0];
  if (control !== undefined) {
    return `must not hold the control character ${codePoint(control)}${control === '\t' || control === '\n' ? ': this field is one line' : ''}`;
  }
  // The rest concerns characters outside ASCII: text in ASCII (most of it) is done here.
  return NON_ASCII.test(value) ? unicodeProblem(value) : undefined;
}

function unicodeProblem(value: string): string | undefined {
  const bidi = BIDI_CONTROL.exec(value)?.[0];
  if (bidi !== undefined) return `must not hold the bidirectional control ${codePoint(bidi)}`;
  if (LONE_SURROGATE.test(value)) return 'must not hold a lone surrogate (text that is not valid Unicode)';
  const noncharacter = NONCHARACTER.exec(value)?.[0];
  if (noncharacter !== undefined) return `must not hold the noncharacter ${codePoint(noncharacter)}`;
  if (value.replace(INVISIBLE, '') === '') return 'must not be empty: it holds only invisible characters';
  return value.normalize('NFC') === value ? undefined : 'must be in Unicode normal form C (NFC): compose its accented letters';
}

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const matching =
  (pattern: RegExp, what: string): Check =>
  (value) => {
    if (typeof value !== 'string') return `must be text: ${what}`;
    if (value.length > LIMITS.IDENTIFIER) return `is too long: ${value.length} characters, at most ${LIMITS.IDENTIFIER}`;
    return pattern.test(value) ? undefined : `"${value}" is not ${what}`;
  };

export const slug = matching(SLUG, 'a slug: lower-case letters and digits joined by single hyphens, e.g. csto-charter-2002');
export const iso3 = matching(ISO3, 'an ISO 3166-1 alpha-3 code: three capital letters, e.g. ARM');
export const participant = matching(
  new RegExp(`${ISO3.source}|${SLUG.source}`),
  'a participant: an ISO 3166-1 alpha-3 code (ARM) or an organisation slug (cis)',
);
export const seedFile = matching(SEED_FILE, 'a seed file name (no folders), e.g. 004_b382b7bce98f5533.txt');
export const eventId = matching(EVENT_ID, 'an event id: letters, digits and . _ : / -');

export const date: Check = (value) => dateProblem(value);

export const oneOf =
  (allowed: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value) ? undefined : `must be one of: ${allowed.join(', ')}`;

export const integer =
  (min: number, max: number): Check =>
  (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : `must be a whole number from ${min} to ${max}`;

export const url: Check = (value) => {
  // One line: the URL parser would silently drop a tab or line break inside an address.
  const problem = textProblem(value, LIMITS.LONG_TEXT, false);
  if (problem !== undefined) return problem;
  return /^https?:$/.test(protocolOf(value as string) ?? '') ? undefined : 'must be a web address starting with http:// or https://';
};

function protocolOf(address: string): string | undefined {
  try {
    return new URL(address).protocol;
  } catch {
    return undefined;
  }
}

export const object: Check = (value) =>
  typeof value === 'object' && !Array.isArray(value) ? undefined : 'must be an object with fields';

export const listOf =
  (min: number, max: number, what: string): Check =>
  (value) => {
    if (!Array.isArray(value)) return `must be a list of ${what}`;
    const one = what.replace(/s$/, '');
    if (value.length < min) return `must hold at least ${min === 1 ? 'one' : min} ${one}`;
    if (value.length > max) return `holds ${value.length} ${what}, at most ${max}`;
    // Nested validation would read a list inside the list as more items, and pass an empty one.
    const nested = value.findIndex((item) => Array.isArray(item));
    return nested === -1 ? undefined : `holds a list at [${nested}]: each item must be one ${one}, not a list`;
  };
