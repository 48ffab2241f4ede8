import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Command, CommanderError } from 'commander';
import { InjectCommander } from 'nest-commander';
import { EXIT } from './exit-codes';

/** Help and --version are answers; anything else commander refuses (unknown option, missing argument) is a usage error. */
export function exitForCommanderError(error: CommanderError): never {
  process.exit(
    error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
      ? EXIT.OK
      : EXIT.USAGE,
  );
}

/**
 * nest-commander sets its error handler on the program only, and commander does not pass it down to commands
 * added afterwards, so `annals state csto --bogus` would exit 1. Once every command is built, each gets it.
 */
@Injectable()
export class UsageErrors implements OnApplicationBootstrap {
  constructor(@InjectCommander() private readonly program: Command) {}

  onApplicationBootstrap(): void {
    for (const command of this.program.commands) command.exitOverride(exitForCommanderError);
  }
}
