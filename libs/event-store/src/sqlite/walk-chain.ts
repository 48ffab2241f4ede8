import type Database from 'better-sqlite3';
import type { IntegrityProblem, IntegrityReport } from '../event-store';
import {
  APPEND_DIGEST_ENCODING,
  AppendDigest,
  chainHash,
  GENESIS,
  isEventHashEncoding,
} from '../integrity/chain';
import { IMMUTABILITY_TRIGGERS } from './schema';

type ChainRow = [
  position: number,
  streamId: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
  hash: string | null,
  encoding: number | null,
];

const PAGE_SIZE = 4096;

/**
 * Recomputes the embedded store's hash chain from the first event: each event's hash in encodings 1 and 2, each
 * append's digest in encoding 3 (its events say so, the last carries the digest). Besides the chain, it checks that positions
 * run on without a gap, that the log still ends where AUTOINCREMENT's counter says it did, that the immutability
 * triggers are in place, and reports what opening the file once found wrong (`store_findings`). Call it inside a
 * read transaction, so that the log does not move under it.
 */
export function walkChain(db: Database.Database, expectedHead: string | undefined): IntegrityReport {
  const problems: IntegrityProblem[] = db
    .prepare<[], { found_at: string; finding: string }>(
      'SELECT found_at, finding FROM store_findings ORDER BY rowid',
    )
    .all()
    .map((f) => ({ position: null, reason: `${f.found_at}: ${f.finding}` }));
  const trigger = db.prepare<[string], { name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = ?",
  );
  for (const name of IMMUTABILITY_TRIGGERS) {
    if (!trigger.get(name))
      problems.push({
        position: null,
        reason: `trigger ${name} is missing: UPDATE or DELETE would not be refused`,
      });
  }
  const page = db
    .prepare<[number, number], ChainRow>(
      'SELECT position, stream_id, revision, type, data, metadata, recorded_at, hash, hash_encoding FROM events WHERE position > ? ORDER BY position ASC LIMIT ?',
    )
    .raw(true);
  // The last event read, and the last hash or digest of the chain: what the next link starts from.
  let previous = { position: 0, hash: GENESIS };
  // The append of encoding 3 being read: where it starts (undefined between appends), and its digest so far.
  let openedAt: number | undefined;
  const digest = new AppendDigest();
  let chainStart: number | undefined;
  let chained = 0;
  let unchained = 0;
  let sawExpected = false;
  for (;;) {
    const rows = page.all(previous.position, PAGE_SIZE);
    for (const [
      position,
      streamId,
      revision,
      type,
      data,
      metadata,
      recordedAt,
      hash,
      storedEncoding,
    ] of rows) {
      const problem = (reason: string): void => {
        problems.push({ position, reason });
      };
      if (position !== previous.position + 1)
        problem(`follows position ${previous.position}: events were removed or inserted`);
      if (storedEncoding === APPEND_DIGEST_ENCODING) {
        chainStart ??= position;
        chained += 1;
        if (openedAt === undefined) {
          openedAt = position;
          digest.start(previous.hash);
        }
        digest.add(position, streamId, revision, type, data, metadata, recordedAt);
        if (hash === null) {
          previous = { position, hash: previous.hash };
          continue;
        }
        if (digest.finish() !== hash) {
          problem(
            `the digest of the append of positions ${openedAt}–${position} does not match its events and the append before it: one of them edited, moved, removed or inserted, or the digest forged`,
          );
        }
        openedAt = undefined;
        if (hash === expectedHead) sawExpected = true;
        previous = { position, hash };
        continue;
      }
      if (openedAt !== undefined) {
        problems.push({
          position: previous.position,
          reason: `the append of positions ${openedAt}–${previous.position} carries no digest: the event that carried it, at its end, was removed or stripped of it`,
        });
        openedAt = undefined;
      }
      if (hash === null) {
        if (chainStart === undefined) unchained += 1;
        else
          problem(
            `carries no hash although the chain starts at position ${chainStart}: its hash was removed`,
          );
        previous = { position, hash: previous.hash };
        continue;
      }
      chainStart ??= position;
      chained += 1;
      // Rows written before the column existed say nothing: their hashes are of the first encoding.
      const encoding = storedEncoding ?? 1;
      if (!isEventHashEncoding(encoding)) {
        problem(`its hash is of encoding ${encoding}, which this build does not know`);
      } else if (
        chainHash(
          previous.hash,
          { position, streamId, revision, type, data, metadata, recordedAt },
          encoding,
        ) !== hash
      ) {
        problem(
          'its hash does not match its content and the event before it: edited, moved, removed before it or forged',
        );
      }
      if (hash === expectedHead) sawExpected = true;
      previous = { position, hash };
    }
    if (rows.length < PAGE_SIZE) break;
  }
  if (openedAt !== undefined) {
    problems.push({
      position: previous.position,
      reason: `the log ends inside the append that starts at position ${openedAt}: the events at its end, which carried its digest, were removed`,
    });
  }
  const handedOut =
    db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'events'").get()?.seq ?? 0;
  if (handedOut > previous.position) {
    problems.push({
      position: null,
      reason: `the log ends at position ${previous.position}, but positions up to ${handedOut} were handed out: events at its end were removed`,
    });
  }
  if (expectedHead !== undefined && !sawExpected) {
    problems.push({
      position: null,
      reason: `the expected head ${expectedHead} is not in the chain: the file was rolled back to an older copy or rewritten`,
    });
  }
  return { head: chained > 0 ? previous.hash : null, chained, unchained, problems };
}
