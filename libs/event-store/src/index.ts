/**
 * The event store: one port (`EventStore`, also the DI token), an embedded SQLite adapter (the default) and an
 * EventStoreDB adapter, chosen by configuration.
 */
export * from './event-store';
export * from './errors';
export { checkExpectation, isExpectedRevision } from './expectations';
export { isChainHash } from './integrity/chain';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
export { type StoreConfig, DEFAULT_DB_PATH } from './store-config';
export { openEventStore } from './open-event-store';
export { EventStoreModule } from './event-store.module';
