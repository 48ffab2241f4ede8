import { describeEventStoreContract } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('embedded SQLite (:memory:)', () => Promise.resolve(new SqliteEventStore({ path: ':memory:' })));
