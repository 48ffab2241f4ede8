import { type DynamicModule, Module } from '@nestjs/common';
import { EventStoreModule, type StoreConfig } from '@app/event-store';
import { HistoryModule } from '@app/history';
import { ExportCommand } from './commands/export.command';
import { FactCommand } from './commands/fact.command';
import { HistoryCommand } from './commands/history.command';
import { ImportCommand } from './commands/import.command';
import { InstrumentCommand } from './commands/instrument.command';
import { RebuildCommand } from './commands/rebuild.command';
import { ReplayCommand } from './commands/replay.command';
import { StateCommand } from './commands/state.command';
import { TimelineCommand } from './commands/timeline.command';
import { VerifyCommand } from './commands/verify.command';
import { UsageErrors } from './usage-errors';

/** The commands, on the store a validated environment names. */
@Module({})
export class CliModule {
  static forRoot(store: StoreConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [EventStoreModule.forRoot(store), HistoryModule],
      providers: [
        UsageErrors,
        FactCommand,
        ImportCommand,
        StateCommand,
        InstrumentCommand,
        HistoryCommand,
        TimelineCommand,
        ReplayCommand,
        RebuildCommand,
        ExportCommand,
        VerifyCommand,
      ],
    };
  }
}
