import { Injectable } from '@nestjs/common';
import { EventStore } from '@app/event-store';
import { NotFound } from '../not-found';
import { toStoredFact } from '../stored-facts';
import { audit, type AuditTrail } from './history-queries';

/** A stream as a writer sees it: its facts in order, and the revision to expect when writing to it next. */
export interface StreamFacts {
  readonly streamId: string;
  /** The revision of the stream's last fact: send it as If-Match to write after it. */
  readonly revision: number;
  readonly facts: readonly Omit<AuditTrail, 'supersededBy'>[];
}

/** Reads a stream from the store itself, so that its revision is exactly the one an append will be checked against. */
@Injectable()
export class StreamReader {
  constructor(private readonly store: EventStore) {}

  async read(streamId: string): Promise<StreamFacts> {
    const facts: Omit<AuditTrail, 'supersededBy'>[] = [];
    for await (const recorded of this.store.readStream(streamId)) facts.push(audit(toStoredFact(recorded)));
    const last = facts.at(-1);
    if (last === undefined) throw NotFound.subject('stream', streamId);
    return { streamId, revision: last.revision, facts };
  }
}
