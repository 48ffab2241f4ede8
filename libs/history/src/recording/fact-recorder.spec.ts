import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseEvent } from '@app/domain';
import {
  type AppendResult,
  type Decide,
  EventStore,
  SqliteEventStore,
  WrongExpectedRevision,
} from '@app/event-store';
import { ChronologyImporter } from '../chronology/chronology-importer';
import { toNewEvent } from '../stored-facts';
import { DecidedStreams } from './decided-streams';
import { FactRecorder } from './fact-recorder';

const EVENTS = join(__dirname, '..', '..', '..', '..', 'events');
const STREAM = 'instrument-peacekeeping-agreement-2007';
const signature = (participant: string) => ({
  type: 'InstrumentSigned',
  effectiveDate: '2008-01-10',
  instrument: 'peacekeeping-agreement-2007',
  participant,
  sources: [{ title: 'CSTO press release', url: 'https://en.odkb-csto.org/' }],
  confidence: 'medium',
});

/**
 * The real SQLite store, deciding as a store without a write transaction to decide in must (the port's fallback,
 * which EventStoreDB keeps): read, decide, append with the revision read, and again when the stream moved.
 */
class ReadThenAppendStore extends SqliteEventStore {
  override appendDecided(streamId: string, decide: Decide): Promise<AppendResult> {
    return EventStore.prototype.appendDecided.call(this, streamId, decide);
  }
}

describe("recording a fact where the store cannot decide inside its write (the port's fallback, as on EventStoreDB), on the real SQLite store", () => {
  let store: SqliteEventStore;
  let recorder: FactRecorder;
  beforeEach(async () => {
    store = new ReadThenAppendStore({ path: ':memory:' });
    await new ChronologyImporter(store).import(EVENTS, { recordedBy: 'test-import' });
    recorder = new FactRecorder(store, new DecidedStreams(store));
  });
  afterEach(async () => {
    await store.close();
  });
  const provenance = { recordedBy: 'alice', correlationId: randomUUID() };
  /** Another writer, bob, signs for `participant` between the recorder's read and its next append, once. */
  const interleave = (participant: string): void => {
    const append = store.appendToStream.bind(store);
    jest.spyOn(store, 'appendToStream').mockImplementationOnce(async (streamId, events, options) => {
      const bob = toNewEvent(randomUUID(), parseEvent(signature(participant)), {
        recordedBy: 'bob',
        correlationId: randomUUID(),
      });
      await append(streamId, [bob], options);
      return append(streamId, events, options);
    });
  };

  it('appends with the exact revision it read whatever the writer expected, so that a retried append is idempotent on EventStoreDB too', async () => {
    const append = jest.spyOn(store, 'appendToStream');
    const first = await recorder.record({
      streamId: STREAM,
      event: signature('MNG'),
      expectedRevision: 'any',
      provenance,
    });
    await recorder.record({
      streamId: STREAM,
      event: signature('IND'),
      expectedRevision: 'stream_exists',
      provenance,
    });

    expect(append.mock.calls.map(([, , options]) => options.expectedRevision)).toEqual([
      first.revision - 1,
      first.revision,
    ]);
  });

  it('decides again against a stream that moved when the writer did not name a revision, and refuses the writer who did', async () => {
    const read = await recorder.record({
      streamId: STREAM,
      event: signature('MNG'),
      expectedRevision: 'any',
      provenance,
    });
    interleave('IND');
    const moved = await recorder.record({
      streamId: STREAM,
      event: signature('PAK'),
      expectedRevision: 'any',
      provenance,
    });
    expect(moved.revision).toBe(read.revision + 2);

    interleave('CHN');
    await expect(
      recorder.record({
        streamId: STREAM,
        event: signature('TUR'),
        expectedRevision: moved.revision,
        provenance,
      }),
    ).rejects.toMatchObject({
      constructor: WrongExpectedRevision,
      expected: moved.revision,
      actual: moved.revision + 1,
    });
  });
});
