import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EventStore } from '@app/event-store';
import {
  ChronologyImporter,
  ImportJournal,
  InvalidConfiguration,
  LiveRecord,
  readEnvironment,
} from '@app/history';
import { AppModule } from './app.module';
import { ApiEnvironment } from './config/api-environment';
import { configureApp } from './configure-app';

/**
 * Exit codes, as the CLI's (README): 1 for a chronology with problems, 2 for a configuration that breaks a rule, 3 for
 * anything outside the input that stops the start (the store cannot be opened or is not a database, the port is
 * taken, the file system fails).
 */
const EXIT = { PROBLEMS: 1, CONFIGURATION: 2, FAILURE: 3 } as const;

/** The chronology imported into an empty store at first start has problems: nothing was imported. */
class ChronologyRejected extends Error {}

/** On an empty store, the chronology is imported first, so that a fresh `npm start` answers questions at once. */
async function importChronologyIfEmpty(
  store: EventStore,
  importer: ChronologyImporter,
  path: string,
  logger: Logger,
): Promise<void> {
  // An import killed part-way (only possible where the store has no transaction across streams) is finished first.
  for (const done of await new ImportJournal(store).finishUnfinished('annals:start')) {
    logger.warn(
      `import ${done.importId} of ${done.source} had been left unfinished: finished it (${done.count} events)`,
    );
  }
  if ((await store.headPosition()) !== null) return;
  const report = await importer.import(path, { recordedBy: 'annals:first-run' });
  if (report.problems.length > 0) {
    for (const p of report.problems)
      logger.error(`${p.file}:${p.line ?? '?'} ${p.factId ?? ''} ${p.path ?? ''}: ${p.reason}`);
    throw new ChronologyRejected(
      `the chronology in ${path} has ${report.problems.length} problem(s); nothing was imported`,
    );
  }
  logger.log(`empty store: imported ${report.appended} facts from ${report.files.length} files in ${path}`);
}

async function bootstrap(): Promise<void> {
  const env = readEnvironment(ApiEnvironment, process.env);
  // Nest's own report of a failed start (a stack trace) is held back: the failure is told in one line instead.
  const app = configureApp(
    await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env), {
      abortOnError: false,
      bufferLogs: true,
      autoFlushLogs: false,
    }),
  );
  app.flushLogs();
  const logger = new Logger('annals');
  await importChronologyIfEmpty(app.get(EventStore), app.get(ChronologyImporter), env.ANNALS_EVENTS, logger);
  await app.listen(Number(env.PORT), env.HOST);
  logger.log(
    `API on ${await app.getUrl()} (timeline page at /, OpenAPI UI at /docs, document at /docs-json and /docs-yaml)`,
  );
  // Read the record into the projections now rather than at the first question; readiness says when it is done.
  app
    .get(LiveRecord)
    .current()
    .catch((error: unknown) =>
      logger.error(
        `the record could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
}

bootstrap().catch((error: unknown) => {
  if (error instanceof InvalidConfiguration) {
    for (const { variable, rule } of error.problems)
      process.stderr.write(`annals: configuration: ${variable}: ${rule}\n`);
    process.exit(EXIT.CONFIGURATION);
  }
  process.stderr.write(`annals: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ChronologyRejected ? EXIT.PROBLEMS : EXIT.FAILURE);
});
