import { createHash } from 'node:crypto';
import type { EventStore, ExpectedRevision, IntegrityProblem, IntegrityReport, NewEvent, RecordedEvent } from '../event-store';
import { GENESIS } from './chain';

/**
 * Where the server gives an event its position and recorded time only as it writes it (EventStoreDB), the hash
 * cannot cover them: there each event is chained within its stream instead, over what is known before the write
 * (the previous hash in the stream, the stream, revision, type, data and metadata), with the same SHA-256 over a
 * JSON array as the embedded store's chain, and kept in the event's metadata under `hash`.
 */
export function streamChainHash(previous: string, event: { streamId: string; revision: number; type: string; data: string; metadata: string }): string {
  const fields = [previous, event.streamId, event.revision, event.type, event.data, event.metadata];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * The events of an append with their hashes in metadata, chained to the stream's event at the revision the append
 * expects (the last one, for `any` or `stream_exists`: a writer racing another there may fork the chain, which
 * `checkStreamChains` then reports). A retry with the same expectation carries the same hashes.
 */
export async function chainInStream(
  store: Pick<EventStore, 'readStream'>,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<NewEvent[]> {
  let previous: RecordedEvent | undefined;
  if (typeof expected === 'number') {
    for await (const event of store.readStream(streamId, { fromRevision: expected, maxCount: 1 })) previous = event;
  } else if (expected !== 'no_stream') {
    for await (const event of store.readStream(streamId, { direction: 'backwards', maxCount: 1 })) previous = event;
  }
  let hash = hashOf(previous?.metadata) ?? GENESIS;
  let revision = previous?.revision ?? -1;
  return events.map((event) => {
    revision += 1;
    const metadata = withoutHash(event.metadata ?? {});
    hash = streamChainHash(hash, { streamId, revision, type: event.type, data: JSON.stringify(event.data), metadata: JSON.stringify(metadata) });
    return { ...event, metadata: { ...metadata, hash } };
  });
}

/** Recomputes every stream's chain over the whole log; the head is the hash of the last event recorded. */
export async function checkStreamChains(store: Pick<EventStore, 'readAll'>, expectedHead?: string): Promise<IntegrityReport> {
  const problems: IntegrityProblem[] = [];
  const lastHash = new Map<string, string>();
  let head: string | null = null;
  let chained = 0;
  let unchained = 0;
  let sawExpected = false;
  for await (const event of store.readAll()) {
    const hash = hashOf(event.metadata);
    const previous = lastHash.get(event.streamId);
    if (hash === undefined) {
      if (previous === undefined) unchained += 1;
      else problems.push({ position: event.position, reason: `carries no hash although earlier events of ${event.streamId} do: its hash was removed` });
      continue;
    }
    const expected = streamChainHash(previous ?? GENESIS, {
      streamId: event.streamId,
      revision: event.revision,
      type: event.type,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(withoutHash(event.metadata)),
    });
    if (expected !== hash) problems.push({ position: event.position, reason: 'its hash does not match its content and the event before it in its stream' });
    lastHash.set(event.streamId, hash);
    chained += 1;
    head = hash;
    if (hash === expectedHead) sawExpected = true;
  }
  if (expectedHead !== undefined && !sawExpected) {
    problems.push({ position: null, reason: `the expected head ${expectedHead} is not in the chain: the log was rolled back or rewritten` });
  }
  return { head, chained, unchained, problems };
}

function hashOf(metadata: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const hash = metadata?.['hash'];
  return typeof hash === 'string' ? hash : undefined;
}

function withoutHash(metadata: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { hash: _hash, ...rest } = metadata;
  return rest;
}
