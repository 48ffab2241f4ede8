import { Expose } from 'class-transformer';
import { IsIP, Matches, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { StoreEnvironment } from '@app/history';
import { type AccessConfig, parseTokenList, TokenList } from '../auth/tokens';

/** A list of `name:token` pairs, each pair checked by the rule in tokens.ts. */
function IsTokenList(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTokenList',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && 'pairs' in parseTokenList(value),
        defaultMessage: (args) => {
          const parsed = parseTokenList(String(args?.value));
          return 'problem' in parsed ? parsed.problem : '';
        },
      },
    },
    options,
  );
}

/** Everything the API reads from its environment, checked at start (README, Configuration). */
export class ApiEnvironment extends StoreEnvironment {
  @Expose()
  @Matches(/\S/, {
    message: 'must name the chronology folder to import into an empty store, got an empty value',
  })
  readonly ANNALS_EVENTS: string = 'events';

  @Expose()
  @IsTokenList()
  readonly ANNALS_WRITER_TOKENS: string = '';

  @Expose()
  @IsTokenList()
  readonly ANNALS_READER_TOKENS: string = '';

  /** No default for an empty value: an empty HOST would bind every interface, so it must be said explicitly. */
  @Expose()
  @ValidateIf((env: ApiEnvironment) => env.HOST !== 'localhost')
  @IsIP(undefined, {
    message: ({ value }) =>
      `must be the IP address to listen on, e.g. 127.0.0.1 (0.0.0.0 for every interface) or localhost, got "${String(value).slice(0, 40)}"`,
  })
  readonly HOST: string = '127.0.0.1';

  @Expose()
  @ValidateBy({
    name: 'isPort',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && /^(0|[1-9]\d{0,4})$/.test(value) && Number(value) <= 65_535,
      defaultMessage: (args) =>
        `must be a port number from 0 to 65535, got "${String(args?.value).slice(0, 20)}"`,
    },
  })
  readonly PORT: string = '3000';
}

export function accessConfigOf(env: ApiEnvironment): AccessConfig {
  return { writers: tokenListOf(env.ANNALS_WRITER_TOKENS), readers: tokenListOf(env.ANNALS_READER_TOKENS) };
}

function tokenListOf(text: string): TokenList {
  const parsed = parseTokenList(text);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return new TokenList(parsed.pairs);
}
