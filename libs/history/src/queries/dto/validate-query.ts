import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import type { Problem } from '@app/domain';
import { InvalidQuery } from '../../invalid-query';

/** The options the HTTP ValidationPipe and `validateQuery` share, so that both doors refuse the same. */
export const QUERY_VALIDATION = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
} as const;

/** Every problem of a failed validation, by field, in the words of the rules: the InvalidQuery both doors throw. */
export function invalidQueryOf(errors: readonly ValidationError[]): InvalidQuery {
  return new InvalidQuery(
    errors.flatMap((error) =>
      Object.entries(error.constraints ?? {}).map(([name, reason]): Problem => ({
        path: error.property,
        reason:
          name === 'whitelistValidation'
            ? `is not a field here; the fields are: ${fieldsOf(error.target)}`
            : reason,
      })),
    ),
  );
}

/** Validates raw arguments (flags, positional arguments) as `question`: the instance, or InvalidQuery with every problem. */
export function validateQuery<T extends object>(
  question: new () => T,
  raw: Readonly<Record<string, unknown>>,
): T {
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined));
  const instance = plainToInstance(question, given);
  const errors = validateSync(instance, QUERY_VALIDATION);
  if (errors.length > 0) throw invalidQueryOf(errors);
  return instance;
}

function fieldsOf(target: object | undefined): string {
  if (target === undefined) return '';
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))].sort().join(', ');
}
