import { randomUUID } from 'node:crypto';
import { InvalidArgument } from '../errors';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];

if (connectionString) {
  describeEventStoreContract(
    'EventStoreDB',
    () => Promise.resolve(EventStoreDbEventStore.connect(connectionString)),
    {
      detectsIdClashes: false,
    },
  );

  describe('EventStoreDB adapter on a real server', () => {
    let store: EventStoreDbEventStore;
    beforeEach(() => {
      store = EventStoreDbEventStore.connect(connectionString);
    });
    afterEach(async () => {
      await store.close();
    });
    const append = () =>
      store.appendToStream(
        `adapter${randomUUID().replace(/-/g, '')}-s`,
        [{ id: randomUUID(), type: 'Probed', data: {} }],
        { expectedRevision: 'no_stream' },
      );

    it('answers 300 health probes and reads left early, then still appends: no call is left holding an HTTP/2 stream', async () => {
      await append();
      for (let n = 0; n < 300; n++) {
        await store.headPosition();
        for await (const _event of store.readAll()) break;
      }
      await expect(append()).resolves.toMatchObject({ nextExpectedRevision: 0 });
    });

    it('refuses a position inside a record as InvalidArgument', async () => {
      const { position } = await append();
      // Another record after it, so that `position + 1` lies inside the log, not past its end.
      await append();
      const read = async () => {
        for await (const _event of store.readAll({ fromPosition: position + 1 })) return;
      };
      await expect(read()).rejects.toThrow(InvalidArgument);
    });
  });
} else {
  describe('EventStore contract: EventStoreDB', () => {
    it.todo(
      'runs against a server: none is configured, set EVENTSTORE_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false)',
    );
  });
}
