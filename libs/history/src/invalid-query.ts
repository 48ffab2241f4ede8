import type { Problem } from '@app/domain';

/** A question asked with bad arguments (a date that does not exist, an unknown filter, …): every problem, by name. */
export class InvalidQuery extends Error {
  readonly code = 'INVALID_QUERY';

  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.reason}`).join('; '));
    this.name = 'InvalidQuery';
  }
}
