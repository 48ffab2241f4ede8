// Every program that compiles this file needs the declaration, the web page's typecheck too, which reads no libs' .d.ts.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./class-transformer-storage.d.ts" />
import { TransformationType } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { EVENT_CLASSES, isWireName } from './events/catalogue';

/**
 * A verdict on raw input that is true only when `plainToInstance` + `validateSync` (whitelist, forbid unknown
 * fields and values) would find no problem: the decorators' own metadata, read once per class and kept as a plain
 * list of checks, so that a valid event costs a few function calls per field instead of class-transformer's copy
 * and class-validator's metadata search on every call. False means "not known to be valid": parseEvent then asks
 * class-validator itself, which words every problem — so a rule added with the same decorators needs nothing here,
 * and a decorator this compiler does not know makes its class always take that way.
 *
 * `raw` has no key that reaches a prototype (`__proto__`, `constructor`, `prototype`): parseEvent's copy sees to it.
 */
export function passesEveryRule(raw: unknown, correctable: boolean): boolean {
  if (!isPlainObject(raw)) return false;
  const type = raw['type'];
  if (!isWireName(type)) return false;
  if (!correctable && (type === 'FactCorrected' || type === 'FactRetracted')) return false;
  if (!compiled(EVENT_CLASSES[type])(raw)) return false;
  return type !== 'FactCorrected' || passesEveryRule(raw['corrected'], false);
}

type Schema = new () => object;
type Verdict = (object: Readonly<Record<string, unknown>>) => boolean;
type FieldVerdict = (value: unknown, owner: Readonly<Record<string, unknown>>) => boolean;

const VERDICTS = new Map<Schema, Verdict>();
const NEVER: Verdict = () => false;

function compiled(schema: Schema): Verdict {
  let verdict = VERDICTS.get(schema);
  if (verdict === undefined) {
    // Placed first so that a schema nested in itself finds its own verdict while it is compiled.
    VERDICTS.set(schema, (object) => (verdict as Verdict)(object));
    verdict = compile(schema);
    VERDICTS.set(schema, verdict);
  }
  return verdict;
}

/** The same metadata, in the same grouping, as class-validator's executor reads for `validateSync(instance)`. */
function compile(schema: Schema): Verdict {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(schema, '', false, false);
  // forbidUnknownValues: a class with no rules is refused.
  if (metadatas.length === 0) return NEVER;
  const grouped = getMetadataStorage().groupByPropertyName(metadatas);
  const fields = new Set(Object.keys(grouped));
  const checks: [property: string, check: FieldVerdict][] = [];
  for (const [property, group] of Object.entries(grouped)) {
    const check = compileField(schema, property, group);
    if (check === undefined) return NEVER;
    checks.push([property, check]);
  }
  return (object) => {
    for (const key in object) if (!fields.has(key)) return false;
    for (const [property, check] of checks) if (!check(object[property], object)) return false;
    return true;
  };
}

/** A field's rules and, when nested, the schema its value is read as; undefined for a rule this compiler does not know. */
function compileField(schema: Schema, property: string, group: readonly ValidationMetadata[]): FieldVerdict | undefined {
  const rules: FieldVerdict[] = [];
  const nested: ValidationMetadata[] = [];
  for (const metadata of group) {
    if (metadata.type === ValidationTypes.CUSTOM_VALIDATION) rules.push(...compileRule(metadata, schema));
    else if (metadata.type === ValidationTypes.NESTED_VALIDATION) nested.push(metadata);
    else return undefined;
  }
  const read = nested.length > 0 ? compileNested(schema, property) : undefined;
  if (nested.length > 0 && read === undefined) return undefined;
  return (value, owner) => {
    for (const rule of rules) if (!rule(value, owner)) return false;
    return read === undefined || value === undefined || read(value, owner);
  };
}

/** A custom rule (registerDecorator, and every class-validator decorator built on it): its constraints' `validate`. */
function compileRule(metadata: ValidationMetadata, schema: Schema): FieldVerdict[] {
  const { propertyName: property, constraints, each } = metadata;
  const validateIf = (metadata as { validateIf?: (object: object, value: unknown) => boolean }).validateIf;
  return getMetadataStorage()
    .getTargetValidatorConstraints(metadata.constraintCls)
    .filter((constraint) => !constraint.async)
    .map((constraint) => {
      const instance = constraint.instance;
      const targetName = schema.name;
      const valid = (value: unknown, owner: object, item: unknown): boolean => {
        const args: ValidationArguments = { targetName, property, object: owner, value, constraints };
        return instance.validate(item, args) === true;
      };
      return (value, owner) => {
        if (validateIf && !validateIf(owner, value)) return true;
        if (each && (Array.isArray(value) || value instanceof Set || value instanceof Map)) {
          return [...(value instanceof Map ? value.values() : value)].every((item) => valid(value, owner, item));
        }
        return valid(value, owner, value);
      };
    });
}

/**
 * A nested field: class-transformer turns each plain object into an instance of the `@Type` schema, or the field's
 * own `@Transform` builds the instances; class-validator then validates each instance by its class. Anything but
 * plain objects (and lists of them) is left to class-validator, which has its own words for it.
 */
function compileNested(schema: Schema, property: string): FieldVerdict | undefined {
  const type = defaultMetadataStorage.findTypeMetadata(schema, property);
  const transforms = defaultMetadataStorage
    .findTransformMetadatas(schema, property, TransformationType.PLAIN_TO_CLASS)
    .filter((metadata) => !metadata.options?.groups?.length);
  if (defaultMetadataStorage.getStrategy(schema) !== 'none') return undefined;
  if (type !== undefined && transforms.length === 0 && type.options?.discriminator === undefined) {
    const nested = (): Verdict => compiled(type.typeFunction() as Schema);
    return (value) => everyItem(value, (item) => isPlainObject(item) && nested()(item));
  }
  if (type === undefined && transforms.length > 0) {
    return (value, owner) => {
      const built = transforms.reduce(
        (current, { transformFn }) => transformFn({ value: current, key: property, obj: owner, type: TransformationType.PLAIN_TO_CLASS, options: {} }) as unknown,
        value,
      );
      return everyItem(built, (item) => isInstance(item) && compiled(item.constructor)(item));
    };
  }
  return undefined;
}

function everyItem(value: unknown, check: (item: unknown) => boolean): boolean {
  return Array.isArray(value) ? value.every(check) : check(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** An object built by a transform: class-validator validates it by its class (a class without rules never passes). */
function isInstance(value: unknown): value is { constructor: Schema } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.constructor === 'function';
}
