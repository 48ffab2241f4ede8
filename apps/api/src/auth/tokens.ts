import { createHash, timingSafeEqual } from 'node:crypto';

/** A token is long enough that guessing it is hopeless, and has no whitespace that a header would lose. */
export const TOKEN_RULE = { minLength: 16 } as const;
const NAME = /^[A-Za-z0-9._@-]{1,64}$/;
const TOKEN = new RegExp(`^[\\x21-\\x7e]{${TOKEN_RULE.minLength},}$`);

/** `name:token` pairs, comma-separated: each pair, or the rule the first bad one breaks (never quoting a token). */
export function parseTokenList(
  text: string,
): { pairs: readonly (readonly [name: string, token: string])[] } | { problem: string } {
  const pairs: [string, string][] = [];
  const entries = text.split(',').map((entry) => entry.trim());
  if (entries.length === 1 && entries[0] === '') return { pairs };
  for (const [index, entry] of entries.entries()) {
    const at = entry.indexOf(':');
    const name = entry.slice(0, at);
    const token = entry.slice(at + 1);
    const where = `entry ${index + 1} of ${entries.length}`;
    if (at < 0 || !NAME.test(name))
      return { problem: `${where} must be name:token, the name of letters, digits and . _ @ - (at most 64)` };
    if (!TOKEN.test(token)) {
      return {
        problem: `${where} (${name}): the token must be at least ${TOKEN_RULE.minLength} printable ASCII characters with no whitespace or comma`,
      };
    }
    if (pairs.some(([, other]) => other === token))
      return { problem: `${where} (${name}): the same token is given twice` };
    pairs.push([name, token]);
  }
  return { pairs };
}

/**
 * The tokens of one role, kept as SHA-256 digests and compared in constant time: the time a check takes does not
 * depend on how much of a guess is right, nor on which entry it matches.
 */
export class TokenList {
  private readonly entries: readonly { readonly name: string; readonly digest: Buffer }[];

  constructor(pairs: readonly (readonly [name: string, token: string])[]) {
    this.entries = pairs.map(([name, token]) => ({ name, digest: digestOf(token) }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** The name the token belongs to, or undefined. Every entry is compared, whether or not one matched. */
  nameOf(token: string): string | undefined {
    const digest = digestOf(token);
    let found: string | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, digest)) found ??= entry.name;
    }
    return found;
  }
}

function digestOf(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Who may do what: writers always need a token; readers only when reader tokens are configured. */
export interface AccessConfig {
  readonly writers: TokenList;
  readonly readers: TokenList;
}
