import type {
  EventMetadata,
  EventStore,
  ExpectedRevision,
  IntegrityProblem,
  IntegrityReport,
  NewEvent,
  RecordedEvent,
} from '../event-store';
import { GENESIS, isEventHashEncoding, STREAM_CHAIN_ENCODING, streamChainHash } from './chain';

/*
 * Where the server gives an event its position and recorded time only as it writes it (EventStoreDB), the hash
 * cannot cover them: there each event is chained within its stream instead, over what is known before the write
 * (the previous hash in the stream, the stream, revision, type, data and metadata, `streamChainHash`), and kept in
 * the event's metadata under `hash`, with the encoding under `hashEncoding` (absent: encoding 1, written before
 * there was a second). Neither key is part of the metadata hashed.
 */

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
    for await (const event of store.readStream(streamId, { fromRevision: expected, maxCount: 1 }))
      previous = event;
  } else if (expected !== 'no_stream') {
    for await (const event of store.readStream(streamId, { direction: 'backwards', maxCount: 1 }))
      previous = event;
  }
  let hash = hashOf(previous?.metadata) ?? GENESIS;
  let revision = previous?.revision ?? -1;
  return events.map((event) => {
    revision += 1;
    const metadata = withoutHash(event.metadata ?? {});
    hash = streamChainHash(
      hash,
      {
        streamId,
        revision,
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(metadata),
      },
      STREAM_CHAIN_ENCODING,
    );
    return { ...event, metadata: { ...metadata, hash, hashEncoding: STREAM_CHAIN_ENCODING } };
  });
}

/** Recomputes every stream's chain over the whole log; the head is the hash of the last event recorded. */
export async function checkStreamChains(
  store: Pick<EventStore, 'readAll'>,
  expectedHead?: string,
): Promise<IntegrityReport> {
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
      else
        problems.push({
          position: event.position,
          reason: `carries no hash although earlier events of ${event.streamId} do: its hash was removed`,
        });
      continue;
    }
    const encoding = encodingOf(event.metadata);
    if (!isEventHashEncoding(encoding)) {
      problems.push({
        position: event.position,
        reason: `its hash is of encoding ${String(encoding)}, which this build does not know`,
      });
    } else {
      const expected = streamChainHash(
        previous ?? GENESIS,
        {
          streamId: event.streamId,
          revision: event.revision,
          type: event.type,
          data: JSON.stringify(event.data),
          metadata: JSON.stringify(withoutHash(event.metadata)),
        },
        encoding,
      );
      if (expected !== hash)
        problems.push({
          position: event.position,
          reason: 'its hash does not match its content and the event before it in its stream',
        });
    }
    lastHash.set(event.streamId, hash);
    chained += 1;
    head = hash;
    if (hash === expectedHead) sawExpected = true;
  }
  if (expectedHead !== undefined && !sawExpected) {
    problems.push({
      position: null,
      reason: `the expected head ${expectedHead} is not in the chain: the log was rolled back or rewritten`,
    });
  }
  return { head, chained, unchained, problems };
}

function hashOf(metadata: EventMetadata | undefined): string | undefined {
  const hash = metadata?.['hash'];
  return typeof hash === 'string' ? hash : undefined;
}

/** The encoding a hash in metadata says it is of: 1 where it says none, as every hash written before encoding 2. */
function encodingOf(metadata: EventMetadata): unknown {
  return metadata['hashEncoding'] ?? 1;
}

function withoutHash(metadata: EventMetadata): Record<string, unknown> {
  const { hash: _hash, hashEncoding: _encoding, ...rest } = metadata;
  return rest;
}
