import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import type { EventStore } from './event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import type { StoreConfig } from './store-config';

/** Opens the adapter a configuration names. */
export function openEventStore(config: StoreConfig): EventStore {
  switch (config.kind) {
    case 'embedded':
      return new SqliteEventStore({ path: config.path });
    case 'eventstoredb':
      return EventStoreDbEventStore.connect(config.connectionString);
  }
}
