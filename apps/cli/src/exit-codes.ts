/** Exit codes scripts can rely on (documented in the README). */
export const EXIT = {
  OK: 0,
  /** The input or the record has problems (invalid facts, broken invariants, failed verification). */
  PROBLEMS: 1,
  /** The command was called wrongly: unknown command or option, a malformed argument. */
  USAGE: 2,
  /** Something outside the input failed: the store, the file system. */
  FAILURE: 3,
} as const;
