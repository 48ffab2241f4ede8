import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type JSONType,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { Observable } from 'rxjs';
import { WrongExpectedRevision } from '../errors';
import {
  type AppendOptions,
  type AppendResult,
  EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '../event-store';
import { checkNewEvents } from '../expectations';

/**
 * The production store: EventStoreDB/KurrentDB through `@eventstore/db-client`. This is the only file that
 * imports the client; driver errors become the port's errors here.
 *
 * Positions: the port's position is the event's *prepare* position in the `$all` log. It is unique per event and
 * increases in `$all` order (the commit position is shared by the events of one append). Reads and subscriptions
 * are started at (p, p), which is at or before the event at prepare position p, and anything before the requested
 * point is dropped here, so the port's inclusive/exclusive promises hold.
 *
 * Idempotency is EventStoreDB's own, by event id within a stream: it does not compare content, nor detect an id
 * reused in another stream.
 */
export class EventStoreDbEventStore extends EventStore {
  constructor(private readonly client: EventStoreDBClient) {
    super();
  }

  static connect(connectionString: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  override async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    { expectedRevision }: AppendOptions,
  ): Promise<AppendResult> {
    checkNewEvents(streamId, events);
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((event) =>
          jsonEvent({
            id: event.id,
            type: event.type,
            data: event.data as JSONType,
            metadata: event.metadata ?? {},
          }),
        ),
        { expectedRevision: toClientRevision(expectedRevision) },
      );
      return {
        nextExpectedRevision: Number(result.nextExpectedRevision),
        position: result.position ? Number(result.position.prepare) : -1,
      };
    } catch (error) {
      throw translate(error, streamId, expectedRevision);
    }
  }

  override async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
      for await (const resolved of read) {
        const event = toRecorded(resolved);
        if (event) yield event;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw error;
    }
  }

  override async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    const read = this.client.readAll({
      direction: backwards ? BACKWARDS : FORWARDS,
      fromPosition: from === undefined ? (backwards ? END : START) : at(from),
    });
    for await (const resolved of read) {
      if (remaining <= 0) return;
      const event = toRecorded(resolved);
      if (!event || isSystem(event)) continue;
      if (from !== undefined && (backwards ? event.position > from : event.position < from)) continue;
      remaining -= 1;
      yield event;
    }
  }

  override subscribeToAll(options: SubscribeOptions = {}): Observable<RecordedEvent> {
    const checkpoint = options.fromPosition === undefined || options.fromPosition === 'start' ? -1 : options.fromPosition;
    return new Observable<RecordedEvent>((subscriber) => {
      const subscription = this.client.subscribeToAll({
        fromPosition: checkpoint < 0 ? START : at(checkpoint),
        filter: excludeSystemEvents(),
      });
      subscription.on('data', (resolved: AllStreamResolvedEvent) => {
        const event = toRecorded(resolved);
        if (event && event.position > checkpoint) subscriber.next(event);
      });
      subscription.on('error', (error: Error) => subscriber.error(error));
      subscription.on('end', () => subscriber.complete());
      return () => {
        void subscription.unsubscribe();
      };
    });
  }

  override async headPosition(): Promise<number | null> {
    for await (const event of this.readAll({ direction: 'backwards', maxCount: 1 })) return event.position;
    return null;
  }

  override async close(): Promise<void> {
    await this.client.dispose();
  }
}

function toClientRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

/** Exported for the translation tests, which run without a server. */
export function translate(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    return new WrongExpectedRevision(streamId, expected, typeof actual === 'bigint' ? Number(actual) : null);
  }
  return error;
}

function at(position: number): Position {
  const p = BigInt(position);
  return { commit: p, prepare: p };
}

function isSystem(event: RecordedEvent): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** Exported for the translation tests, which run without a server. */
export function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event?.isJson) return undefined;
  return {
    id: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: event.position ? Number(event.position.prepare) : -1,
    type: event.type,
    data: event.data,
    metadata: (event.metadata ?? {}) as Record<string, unknown>,
    recordedAt: event.created.toISOString(),
  };
}
