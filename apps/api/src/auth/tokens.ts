/** Who may do what, read once from the environment: `name:token` pairs, comma-separated. */
export interface AccessConfig {
  /** Token → writer name. No writer tokens: writes are refused. */
  readonly writers: ReadonlyMap<string, string>;
  /** Token → reader name. No reader tokens: reads are open. */
  readonly readers: ReadonlyMap<string, string>;
}

export function accessConfigFrom(env: NodeJS.ProcessEnv): AccessConfig {
  return { writers: tokens(env, 'ANNALS_WRITER_TOKENS'), readers: tokens(env, 'ANNALS_READER_TOKENS') };
}

function tokens(env: NodeJS.ProcessEnv, variable: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (env[variable] ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.indexOf(':');
    const name = pair.slice(0, at);
    const token = pair.slice(at + 1);
    if (at < 1 || token.length < 8) {
      throw new Error(`${variable}: each entry must be name:token with a token of at least 8 characters, got "${pair.slice(0, 20)}"`);
    }
    map.set(token, name);
  }
  return map;
}
