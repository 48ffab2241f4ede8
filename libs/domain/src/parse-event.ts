import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { passesEveryRule } from './compiled-validation';
import { InvalidEvent, type Problem } from './errors';
import { EVENT_CLASSES, isWireName, WIRE_NAMES, type DomainEvent } from './events/catalogue';

const VALIDATION = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;
/** Keys that would reach an object's prototype when copied onto a class instance. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The only door into the domain: raw JSON → a validated, deeply frozen event, or InvalidEvent listing every
 * problem with its path. The result is plain data (not a class instance): switch on `type`.
 *
 * A valid event passes the rules compiled from the decorators' metadata; anything else goes through
 * class-transformer and class-validator, whose problems are the ones reported.
 */
export function parseEvent(raw: unknown): DomainEvent {
  const copy = jsonCopy(raw);
  if (copy !== undefined && passesEveryRule(copy, true)) return copy as DomainEvent;
  const problems = eventProblems(raw);
  if (problems.length > 0) throw new InvalidEvent(problems);
  return deepFreeze(structuredClone(raw)) as DomainEvent;
}

/** Every problem class-validator finds with `raw` as an event, each with its path; empty when it is valid. */
export function eventProblems(raw: unknown): Problem[] {
  return problemsOf(raw, '', true);
}

function problemsOf(raw: unknown, at: string, correctable: boolean): Problem[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return [{ path: at || '(event)', reason: 'must be a JSON object with a type and fields' }];
  }
  const unsafe = unsafeKeys(raw, at);
  if (unsafe.length > 0) return unsafe;
  const type = (raw as { type?: unknown }).type;
  const typePath = join(at, 'type');
  if (type === undefined)
    return [{ path: typePath, reason: 'is required: the wire name of the event, e.g. InstrumentSigned' }];
  if (!isWireName(type)) return [{ path: typePath, reason: unknownTypeReason(type) }];
  if (!correctable && (type === 'FactCorrected' || type === 'FactRetracted')) {
    return [
      {
        path: typePath,
        reason: `a correction holds the corrected fact itself, not a ${type}: supersede the original fact instead`,
      },
    ];
  }
  const schema: new () => object = EVENT_CLASSES[type];
  const problems = flatten(validateSync(plainToInstance(schema, raw), VALIDATION), at);
  const corrected = (raw as { corrected?: unknown }).corrected;
  if (
    type === 'FactCorrected' &&
    typeof corrected === 'object' &&
    corrected !== null &&
    !Array.isArray(corrected)
  ) {
    problems.push(...problemsOf(corrected, join(at, 'corrected'), false));
  }
  return problems;
}

function unknownTypeReason(type: unknown): string {
  if (typeof type !== 'string') return 'must be the wire name of an event, as text';
  const near = WIRE_NAMES.filter((name) => distance(name.toLowerCase(), type.toLowerCase()) <= 3);
  const hint = near.length > 0 ? `did you mean ${near.join(' or ')}?` : 'see docs/event-catalogue.md';
  return `"${type.slice(0, 60)}" is not an event type of the catalogue: ${hint}`;
}

function flatten(errors: readonly ValidationError[], at: string): Problem[] {
  return errors.flatMap((error) => {
    const path = join(at, error.property);
    const reasons = Object.entries(error.constraints ?? {});
    // A value that is not an object is also reported by the nested check: keep the field's own words.
    const kept = reasons.length > 1 ? reasons.filter(([name]) => name !== 'nestedValidation') : reasons;
    return [
      ...kept.map(([name, reason]) => ({
        path,
        reason: name === 'whitelistValidation' ? unknownFieldReason(error) : reason,
      })),
      ...flatten(error.children ?? [], path),
    ];
  });
}

function unknownFieldReason(error: ValidationError): string {
  const schema = (error.target as object).constructor;
  const fields = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(schema, '', true, false)
      .map((m) => m.propertyName),
  );
  return `is not a field here; the fields are: ${[...fields].sort().join(', ')}`;
}

function unsafeKeys(raw: object, at: string): Problem[] {
  return Object.entries(raw).flatMap(([key, value]: [string, unknown]) => {
    const path = join(at, key);
    if (UNSAFE_KEYS.has(key)) return [{ path, reason: 'is not allowed as a field name' }];
    return typeof value === 'object' && value !== null ? unsafeKeys(value, path) : [];
  });
}

function join(at: string, property: string): string {
  if (/^\d+$/.test(property)) return `${at}[${property}]`;
  return at === '' ? property : `${at}.${property}`;
}

/** Edit distance, to suggest the wire name a curator probably meant. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * A deeply frozen copy of JSON-shaped input (plain objects, lists, text, numbers, booleans, null), made by hand many
 * times faster than structuredClone; undefined for anything else, or a key that could reach a prototype. What is
 * validated is then the copy itself, the very object returned.
 */
function jsonCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null)
    return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint'
      ? undefined
      : value;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const copy = jsonCopy(item);
      if (copy === undefined) return undefined;
      items.push(copy);
    }
    return Object.freeze(items);
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    const itemCopy = jsonCopy(item);
    if (UNSAFE_KEYS.has(key) || (itemCopy === undefined && item !== undefined)) return undefined;
    copy[key] = itemCopy;
  }
  return Object.freeze(copy);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
