import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { describeEventStoreContract } from './event-store.contract';
import { SparsePositionStore } from './sparse-positions';

// EventStoreDB's positions are byte offsets: the contract holds on positions that are sparse and not consecutive.
describeEventStoreContract('embedded SQLite with sparse positions, as on EventStoreDB', () =>
  Promise.resolve(new SparsePositionStore(new SqliteEventStore({ path: ':memory:' }))),
);
