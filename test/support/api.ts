import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { ACCESS_CONFIG } from '../../apps/api/src/auth/access.guard';
import { configureApp } from '../../apps/api/src/configure-app';
import { EventStore, SqliteEventStore } from '@app/event-store';
import { ChronologyImporter } from '@app/history';
import { EVENTS_DIR } from './cli';

export const WRITER_TOKEN = 'alice-secret-token';
export const READER_TOKEN = 'bob-reader-token';

/** The real application on a real SQLite store in memory, with the chronology imported and one writer, alice. */
export async function startApi(): Promise<{ app: INestApplication; store: EventStore }> {
  const store = new SqliteEventStore({ path: ':memory:' });
  await new ChronologyImporter(store).import(EVENTS_DIR, { recordedBy: 'test-import' });
  const module = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(EventStore)
    .useValue(store)
    .overrideProvider(ACCESS_CONFIG)
    .useValue({ writers: new Map([[WRITER_TOKEN, 'alice']]), readers: new Map() })
    .compile();
  const app = configureApp(module.createNestApplication({ logger: false }));
  await app.init();
  return { app, store };
}
