import { Expose, plainToInstance } from 'class-transformer';
import { IsIn, Matches, ValidateIf, validateSync } from 'class-validator';
import type { StoreConfig } from '@app/event-store';

/** One variable that is set wrongly, and the rule it breaks. */
export interface ConfigurationProblem {
  readonly variable: string;
  readonly rule: string;
}

/** The environment breaks a rule: a user's error, told in one line per variable, never with a stack trace. */
export class InvalidConfiguration extends Error {
  constructor(readonly problems: readonly ConfigurationProblem[]) {
    super(problems.map((p) => `${p.variable}: ${p.rule}`).join('; '));
    this.name = 'InvalidConfiguration';
  }
}

/**
 * Reads the variables a schema declares (each `@Expose`d, with its default as the property's initial value) and
 * checks them all at once: the instance, or InvalidConfiguration naming every variable that breaks its rule, by name.
 */
export function readEnvironment<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv): T {
  const values = plainToInstance(schema, env, { excludeExtraneousValues: true, exposeDefaultValues: true });
  const errors = validateSync(values, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const problems = errors.map((error) => ({
      variable: error.property,
      rule: Object.values(error.constraints ?? {}).join('; '),
    }));
    throw new InvalidConfiguration(problems.sort((a, b) => a.variable.localeCompare(b.variable)));
  }
  return values;
}

const NOT_BLANK = /\S/;

/** Where the record is kept: what the API and the CLI both need. */
export class StoreEnvironment {
  @Expose()
  @IsIn(['embedded', 'eventstoredb'], {
    message: ({ value }) => `must be "embedded" or "eventstoredb", got "${String(value).slice(0, 40)}"`,
  })
  readonly ANNALS_STORE: string = 'embedded';

  @Expose()
  @ValidateIf((env: StoreEnvironment) => env.ANNALS_STORE === 'embedded')
  @Matches(NOT_BLANK, { message: 'must be a file path or :memory:, got an empty value' })
  readonly ANNALS_DB: string = './data/annals.db';

  @Expose()
  @ValidateIf((env: StoreEnvironment) => env.ANNALS_STORE === 'eventstoredb')
  @Matches(/^esdb(\+discover)?:\/\/\S+$/, {
    message:
      'required when ANNALS_STORE=eventstoredb: an esdb:// connection string, e.g. esdb://localhost:2113?tls=false',
  })
  readonly EVENTSTORE_CONNECTION_STRING?: string;
}

/** The store adapter a validated environment names. */
export function storeConfigOf(env: StoreEnvironment): StoreConfig {
  return env.ANNALS_STORE === 'eventstoredb'
    ? { kind: 'eventstoredb', connectionString: env.EVENTSTORE_CONNECTION_STRING ?? '' }
    : { kind: 'embedded', path: env.ANNALS_DB };
}
