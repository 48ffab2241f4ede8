import { Module } from '@nestjs/common';
import { EventStoreModule } from '@app/event-store';
import { HistoryModule } from '@app/history';
import { HistoryCommand } from './commands/history.command';
import { ImportCommand } from './commands/import.command';
import { InstrumentCommand } from './commands/instrument.command';
import { StateCommand } from './commands/state.command';
import { TimelineCommand } from './commands/timeline.command';

@Module({
  imports: [EventStoreModule.forRoot(), HistoryModule],
  providers: [ImportCommand, StateCommand, InstrumentCommand, HistoryCommand, TimelineCommand],
})
export class CliModule {}
