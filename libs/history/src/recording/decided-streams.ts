import { Injectable } from '@nestjs/common';
import { DecidedStream } from '@app/domain';
import { EventStore } from '@app/event-store';
import { toStoredFact, type StoredFact } from '../stored-facts';

/**
 * Each stream written through this process, kept decided (DecidedStream) between writes, so that a write costs the
 * same however long its stream is. The store stays the truth: before each decision the stream reads only the
 * events after the revision it holds — none, or the ones another writer (the CLI's import, another instance)
 * appended meanwhile. A stream is read in full once, on its first write.
 */
@Injectable()
export class DecidedStreams {
  private readonly streams = new Map<string, DecidedStream<StoredFact>>();

  constructor(private readonly store: EventStore) {}

  /** The stream as the store holds it now. Decide on it before the next await: another write may move it after. */
  async current(streamId: string): Promise<DecidedStream<StoredFact>> {
    const known = this.streams.get(streamId);
    if (known === undefined) {
      const facts: StoredFact[] = [];
      for await (const recorded of this.store.readStream(streamId)) facts.push(toStoredFact(recorded));
      // A concurrent first read may have finished first: both read the store, so keep the longer.
      const kept = this.streams.get(streamId);
      if (kept === undefined || kept.facts.length < facts.length)
        this.streams.set(streamId, DecidedStream.of(facts));
      return this.current(streamId);
    }
    for await (const recorded of this.store.readStream(streamId, { fromRevision: nextRevision(known) })) {
      // Concurrent catch-ups read the same events: each revision is kept once, in order.
      if (recorded.revision === nextRevision(known)) known.follow(toStoredFact(recorded));
    }
    return known;
  }
}

/** The revision the stream's next event will have, as far as `stream` knows it. */
export function nextRevision(stream: DecidedStream<StoredFact>): number {
  return (stream.facts.at(-1)?.revision ?? -1) + 1;
}
