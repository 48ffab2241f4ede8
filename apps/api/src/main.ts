import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EventStore } from '@app/event-store';
import { ChronologyImporter, ImportJournal } from '@app/history';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

/** On an empty store, the chronology is imported first, so that a fresh `npm start` answers questions at once. */
async function importChronologyIfEmpty(store: EventStore, importer: ChronologyImporter, logger: Logger): Promise<void> {
  // An import killed part-way (only possible where the store has no transaction across streams) is finished first.
  for (const done of await new ImportJournal(store).finishUnfinished('annals:start')) {
    logger.warn(`import ${done.importId} of ${done.source} had been left unfinished: finished it (${done.count} events)`);
  }
  if ((await store.headPosition()) !== null) return;
  const path = process.env['ANNALS_EVENTS'] ?? 'events';
  const report = await importer.import(path, { recordedBy: 'annals:first-run' });
  if (report.problems.length > 0) {
    for (const p of report.problems) logger.error(`${p.file}:${p.line ?? '?'} ${p.factId ?? ''} ${p.path ?? ''}: ${p.reason}`);
    throw new Error(`the chronology in ${path} has ${report.problems.length} problem(s); nothing was imported`);
  }
  logger.log(`empty store: imported ${report.appended} facts from ${report.files.length} files in ${path}`);
}

async function bootstrap(): Promise<void> {
  const app = configureApp(await NestFactory.create<NestExpressApplication>(AppModule));
  const logger = new Logger('annals');
  await importChronologyIfEmpty(app.get(EventStore), app.get(ChronologyImporter), logger);
  await app.listen(Number(process.env['PORT'] ?? 3000), process.env['HOST'] ?? '127.0.0.1');
  logger.log(`API on ${await app.getUrl()} (timeline page at /, OpenAPI UI at /docs)`);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`annals: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
