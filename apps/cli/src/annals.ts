#!/usr/bin/env node
// The CLI's entry point, named `annals` because commander names the program in its usage text after this file.
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import type { CommanderError } from 'commander';
import { CommandFactory } from 'nest-commander';
import { StoreFailure, type StoreConfig } from '@app/event-store';
import {
  InvalidConfiguration,
  packageVersion,
  readEnvironment,
  StoreEnvironment,
  storeConfigOf,
} from '@app/history';
import { CliModule } from './cli.module';
import { EXIT } from './exit-codes';
import { exitForCommanderError } from './usage-errors';

async function main(): Promise<void> {
  // A reader that stops early (`annals export events | head`) is not a failure: stop writing, quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.OK);
    throw error;
  });
  const store = storeConfigOf(readEnvironment(StoreEnvironment, process.env));
  const app = await open(store);
  try {
    await CommandFactory.runApplication(app);
  } finally {
    await app.close();
  }
}

/**
 * Builds the commands on the store. Nest's own report of a failed start (a stack trace) is held back: the
 * failure is told in one line instead.
 */
async function open(store: StoreConfig): Promise<INestApplicationContext> {
  try {
    const app = await CommandFactory.createWithoutRunning(CliModule.forRoot(store), {
      logger: ['error'],
      abortOnError: false,
      bufferLogs: true,
      autoFlushLogs: false,
      version: packageVersion(),
      // Commander has already printed what was wrong with the call.
      errorHandler: (error) => exitForCommanderError(error as CommanderError),
      serviceErrorHandler: (error) => {
        process.stderr.write(`annals: ${error.message}\n`);
        process.exit(EXIT.FAILURE);
      },
    });
    app.flushLogs();
    return app;
  } catch (error) {
    // The store's own failure already names the store.
    if (error instanceof StoreFailure) throw error;
    const where = store.kind === 'embedded' ? `ANNALS_DB=${store.path}` : 'EVENTSTORE_CONNECTION_STRING';
    throw new Error(
      `the store could not be opened (${where}): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof InvalidConfiguration) {
    for (const { variable, rule } of error.problems)
      process.stderr.write(`annals: configuration: ${variable}: ${rule}\n`);
    process.exit(EXIT.USAGE);
  }
  process.stderr.write(`annals: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(EXIT.FAILURE);
});
