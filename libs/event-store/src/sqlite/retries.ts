import { EventIdConflict } from '../errors';
import type { AppendResult, NewEvent } from '../event-store';
import { checkDistinctIds } from '../expectations';
import type { EventRow, Statements } from './statements';

/** A batch whose ids are all stored already, in this stream, in this order and with this content, is a retry. */
export function findRetry(
  byId: Statements['byId'],
  streamId: string,
  events: readonly NewEvent[],
): { result: AppendResult; revisionBefore: number | null } | undefined {
  // A batch whose first id is not stored is no retry; a later id that clashes fails its insert instead.
  const head = events[0] && byId.get(events[0].id);
  if (!head) return undefined;
  checkDistinctIds(events);
  const stored = events.map((event) => byId.get(event.id));
  events.forEach((event, index) => {
    const row = stored[index];
    if (!row) throw new EventIdConflict(event.id, 'part of this batch is stored already and part is not');
    if (row.stream_id !== streamId)
      throw new EventIdConflict(event.id, `already stored in stream ${row.stream_id}`);
    if (row.type !== event.type || row.data !== JSON.stringify(event.data)) {
      throw new EventIdConflict(event.id, 'already stored with different content');
    }
    const first = stored[0];
    if (first && row.revision !== first.revision + index) {
      throw new EventIdConflict(event.id, 'already stored, but not in the same batch');
    }
  });
  const first = stored[0] as EventRow;
  const last = stored.at(-1) as EventRow;
  return {
    result: { nextExpectedRevision: last.revision, position: last.position },
    revisionBefore: first.revision === 0 ? null : first.revision - 1,
  };
}
