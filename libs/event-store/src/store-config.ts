/** Which adapter to run and where its data lives: the history lib's configuration reads and checks it at start-up. */
export type StoreConfig =
  | { readonly kind: 'embedded'; readonly path: string }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string };

export const DEFAULT_DB_PATH = './data/annals.db';
