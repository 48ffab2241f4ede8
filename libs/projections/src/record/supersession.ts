import { forEachStanding } from '@app/domain';
import type { Fact, ResolvedFact } from './fact';

/**
 * The facts known at the time asked about, as the record then stood (the domain's `forEachStanding`: the one
 * statement of supersession, shared with the deciders): a corrected fact keeps its place in recorded order (its own
 * position) with the corrected content; a retracted one is gone.
 */
export function resolveFacts(facts: Iterable<Fact>): ResolvedFact[] {
  const resolved: ResolvedFact[] = [];
  forEachStanding(facts, ({ id, position, recordedAt }, event, correctedBy) =>
    resolved.push({ id, position, recordedAt, event, correctedBy }),
  );
  return resolved;
}
