import { Module } from '@nestjs/common';
import { EventStoreModule } from '@app/event-store';
import { HistoryModule } from '@app/history';
import { ExportCommand } from './commands/export.command';
import { HistoryCommand } from './commands/history.command';
import { ImportCommand } from './commands/import.command';
import { InstrumentCommand } from './commands/instrument.command';
import { RebuildCommand } from './commands/rebuild.command';
import { ReplayCommand } from './commands/replay.command';
import { StateCommand } from './commands/state.command';
import { TimelineCommand } from './commands/timeline.command';
import { VerifyCommand } from './commands/verify.command';

@Module({
  imports: [EventStoreModule.forRoot(), HistoryModule],
  providers: [ImportCommand, StateCommand, InstrumentCommand, HistoryCommand, TimelineCommand, ReplayCommand, RebuildCommand, ExportCommand, VerifyCommand],
})
export class CliModule {}
