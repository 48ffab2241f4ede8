#!/usr/bin/env node
// The CLI's entry point, named `annals` because commander names the program in its usage text after this file.
import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';
import { EXIT } from './exit-codes';

async function main(): Promise<void> {
  // A reader that stops early (`annals export events | head`) is not a failure: stop writing, quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.OK);
    throw error;
  });
  await CommandFactory.run(CliModule, {
    // Nest's own error log prints a stack trace; a failure to start (the store cannot be opened) is reported
    // below on one line instead.
    logger: false,
    abortOnError: false,
    // Commander has already printed what was wrong with the call.
    errorHandler: (error) => {
      const code = (error as { code?: string }).code;
      process.exit(code === 'commander.helpDisplayed' || code === 'commander.version' ? EXIT.OK : EXIT.USAGE);
    },
    serviceErrorHandler: (error) => {
      process.stderr.write(`annals: ${error.message}\n`);
      process.exit(EXIT.FAILURE);
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`annals: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(EXIT.FAILURE);
});
