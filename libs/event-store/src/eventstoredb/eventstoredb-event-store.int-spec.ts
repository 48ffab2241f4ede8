import { describeEventStoreContract } from '../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];

if (connectionString) {
  describeEventStoreContract('EventStoreDB', () => Promise.resolve(EventStoreDbEventStore.connect(connectionString)), {
    detectsIdClashes: false,
  });
} else {
  describe('EventStore contract: EventStoreDB', () => {
    it.todo('runs against a server: none is configured, set EVENTSTORE_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false)');
  });
}
