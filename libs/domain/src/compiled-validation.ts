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
  // Parallel lists, walked by index: the verdict runs for every event parsed, and allocates nothing.
  const properties: string[] = [];
  const checks: FieldVerdict[] = [];
  for (const [property, group] of Object.entries(grouped)) {
    const check = compileField(schema, property, group);
    if (check === undefined) return NEVER;
    properties.push(property);
    checks.push(check);
  }
  const count = checks.length;
  return (object) => {
    for (const key in object) if (!fields.has(key)) return false;
    for (let at = 0; at < count; at++)
      if (!(checks[at] as FieldVerdict)(object[properties[at] as string], object)) return false;
    return true;
  };
}

/** A field's rules and, when nested, the schema its value is read as; undefined for a rule this compiler does not know. */
function compileField(
  schema: Schema,
  property: string,
  group: readonly ValidationMetadata[],
): FieldVerdict | undefined {
  const rules: FieldVerdict[] = [];
  const nested: ValidationMetadata[] = [];
  for (const metadata of group) {
    if (metadata.type === ValidationTypes.CUSTOM_VALIDATION) rules.push(...compileRule(metadata, schema));
    else if (metadata.type === ValidationTypes.NESTED_VALIDATION) nested.push(metadata);
    else return undefined;
  }
  const read = nested.length > 0 ? compileNested(schema, property) : undefined;
  if (nested.length > 0 && read === undefined) return undefined;
  const [only] = rules;
  // Most fields have one rule and no nesting: that rule is the field's verdict.
  if (read === undefined && rules.length === 1 && only !== undefined) return only;
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
    .map((constraint): FieldVerdict => {
      const instance = constraint.instance;
      const targetName = schema.name;
      // One arguments object per rule, filled in for each call: a rule reads it while it runs and keeps nothing.
      const args: { -readonly [K in keyof ValidationArguments]: ValidationArguments[K] } = {
        targetName,
        property,
        object: {},
        value: undefined,
        constraints,
      };
      const valid = (value: unknown, owner: object, item: unknown): boolean => {
        args.object = owner;
        args.value = value;
        return instance.validate(item, args) === true;
      };
      // The shape of the verdict is settled here, once, rather than asked of every value.
      if (!each && !validateIf) return (value, owner) => valid(value, owner, value);
      return (value, owner) => {
        if (validateIf && !validateIf(owner, value)) return true;
        if (!each) return valid(value, owner, value);
        if (Array.isArray(value) || value instanceof Set) {
          for (const item of value) if (!valid(value, owner, item)) return false;
          return true;
        }
        if (value instanceof Map) {
          for (const item of value.values()) if (!valid(value, owner, item)) return false;
          return true;
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
    // Read when first needed: the schema may still be being compiled (nested in itself) when this field is.
    let nested: Verdict | undefined;
    const passes = (item: unknown): boolean =>
      isPlainObject(item) && (nested ??= compiled(type.typeFunction() as Schema))(item);
    return (value) => everyItem(value, passes);
  }
  if (type === undefined && transforms.length > 0) {
    return (value, owner) => {
      let built = value;
      for (const { transformFn } of transforms) {
        built = transformFn({
          value: built,
          key: property,
          obj: owner,
          type: TransformationType.PLAIN_TO_CLASS,
          options: {},
        });
      }
      return everyItem(built, isValidInstance);
    };
  }
  return undefined;
}

function everyItem(value: unknown, passes: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value)) return passes(value);
  for (const item of value) if (!passes(item)) return false;
  return true;
}

function isValidInstance(item: unknown): boolean {
  return isInstance(item) && compiled(item.constructor)(item);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** An object built by a transform: class-validator validates it by its class (a class without rules never passes). */
function isInstance(value: unknown): value is { constructor: Schema } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof value.constructor === 'function'
  );
}
