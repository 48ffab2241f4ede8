import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { FEED_HEARTBEAT_MS } from '../../apps/api/src/events/events.controller';
import { ApiEnvironment } from '../../apps/api/src/config/api-environment';
import { configureApp } from '../../apps/api/src/configure-app';
import { EventStore, SqliteEventStore } from '@app/event-store';
import { ChronologyImporter, readEnvironment } from '@app/history';
import { EVENTS_DIR } from './cli';

export const WRITER_TOKEN = 'alice-secret-token';
export const READER_TOKEN = 'bob-reader-token';

/**
 * The real application, configured through its validated environment, on a real SQLite store (in memory, or in the
 * file at `path`), with one writer, alice, and the chronology imported (unless `chronology: false`: an empty store). Reads are open unless
 * `readers` (token → name) are given; `wrapStore` puts a wrapper around the store (sparse positions, as on
 * EventStoreDB); `feedHeartbeatMs` shortens the live feed's heartbeat for a test.
 */
export async function startApi({
  chronology = true,
  readers = new Map<string, string>(),
  wrapStore = (store: EventStore): EventStore => store,
  feedHeartbeatMs = 15_000,
  path = ':memory:',
} = {}): Promise<{ app: NestExpressApplication; store: EventStore }> {
  const store = wrapStore(new SqliteEventStore({ path }));
  if (chronology) await new ChronologyImporter(store).import(EVENTS_DIR, { recordedBy: 'test-import' });
  const env = readEnvironment(ApiEnvironment, {
    ANNALS_DB: path,
    ANNALS_WRITER_TOKENS: `alice:${WRITER_TOKEN}`,
    ANNALS_READER_TOKENS: [...readers].map(([token, name]) => `${name}:${token}`).join(','),
  });
  const module = await Test.createTestingModule({ imports: [AppModule.forRoot(env)] })
    .overrideProvider(EventStore)
    .useValue(store)
    .overrideProvider(FEED_HEARTBEAT_MS)
    .useValue(feedHeartbeatMs)
    .compile();
  const app = configureApp(module.createNestApplication<NestExpressApplication>({ logger: false }));
  await app.init();
  return { app, store };
}
