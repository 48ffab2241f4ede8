import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { ACCESS_CONFIG } from '../../apps/api/src/auth/access.guard';
import { configureApp } from '../../apps/api/src/configure-app';
import { EventStore, SqliteEventStore } from '@app/event-store';
import { ChronologyImporter } from '@app/history';
import { EVENTS_DIR } from './cli';

export const WRITER_TOKEN = 'alice-secret-token';
export const READER_TOKEN = 'bob-reader-token';

/**
 * The real application on a real SQLite store in memory, with one writer, alice, and the chronology imported
 * (unless `chronology: false`: an empty store). Reads are open unless `readers` (token → name) are given;
 * `wrapStore` puts a wrapper around the store (sparse positions, as on EventStoreDB).
 */
export async function startApi({
  chronology = true,
  readers = new Map<string, string>(),
  wrapStore = (store: EventStore): EventStore => store,
} = {}): Promise<{ app: NestExpressApplication; store: EventStore }> {
  const store = wrapStore(new SqliteEventStore({ path: ':memory:' }));
  if (chronology) await new ChronologyImporter(store).import(EVENTS_DIR, { recordedBy: 'test-import' });
  const module = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(EventStore)
    .useValue(store)
    .overrideProvider(ACCESS_CONFIG)
    .useValue({ writers: new Map([[WRITER_TOKEN, 'alice']]), readers })
    .compile();
  const app = configureApp(module.createNestApplication<NestExpressApplication>({ logger: false }));
  await app.init();
  return { app, store };
}
