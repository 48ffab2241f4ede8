#!/usr/bin/env node
// The CLI's entry point, named `annals` because commander names the program in its usage text after this file.
import 'reflect-metadata';
import type { CommanderError } from 'commander';
import { CommandFactory } from 'nest-commander';
import { InvalidConfiguration, readEnvironment, StoreEnvironment, storeConfigOf } from '@app/history';
import { CliModule } from './cli.module';
import { EXIT } from './exit-codes';
import { exitForCommanderError } from './usage-errors';
import { packageVersion } from './version';

async function main(): Promise<void> {
  // A reader that stops early (`annals export events | head`) is not a failure: stop writing, quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.OK);
    throw error;
  });
  const env = readEnvironment(StoreEnvironment, process.env);
  await CommandFactory.run(CliModule.forRoot(storeConfigOf(env)), {
    logger: ['error'],
    version: packageVersion(),
    // Commander has already printed what was wrong with the call.
    errorHandler: (error) => exitForCommanderError(error as CommanderError),
    serviceErrorHandler: (error) => {
      process.stderr.write(`annals: ${error.message}\n`);
      process.exit(EXIT.FAILURE);
    },
  });
}

main().catch((error: unknown) => {
  if (error instanceof InvalidConfiguration) {
    for (const { variable, rule } of error.problems) process.stderr.write(`annals: configuration: ${variable}: ${rule}\n`);
    process.exit(EXIT.USAGE);
  }
  process.stderr.write(`annals: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(EXIT.FAILURE);
});
