/** Which adapter to run and where its data lives, read from the environment once, at start-up. */
export type StoreConfig =
  | { readonly kind: 'embedded'; readonly path: string }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string };

export const DEFAULT_DB_PATH = './data/annals.db';

/** Reads ANNALS_STORE, ANNALS_DB and EVENTSTORE_CONNECTION_STRING; a bad value is an error naming the variable. */
export function storeConfigFrom(env: NodeJS.ProcessEnv): StoreConfig {
  const kind = env['ANNALS_STORE'] ?? 'embedded';
  if (kind === 'embedded') {
    const path = env['ANNALS_DB'] ?? DEFAULT_DB_PATH;
    if (path.trim() === '') throw new Error('ANNALS_DB: must be a file path or :memory:, got an empty value');
    return { kind, path };
  }
  if (kind === 'eventstoredb') {
    const connectionString = env['EVENTSTORE_CONNECTION_STRING'];
    if (!connectionString) {
      throw new Error('EVENTSTORE_CONNECTION_STRING: required when ANNALS_STORE=eventstoredb (e.g. esdb://localhost:2113?tls=false)');
    }
    return { kind, connectionString };
  }
  throw new Error(`ANNALS_STORE: must be "embedded" or "eventstoredb", got "${kind}"`);
}
