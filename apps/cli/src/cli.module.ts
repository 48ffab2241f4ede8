import { Module } from '@nestjs/common';
import { EventStoreModule } from '@app/event-store';
import { HistoryModule } from '@app/history';
import { ImportCommand } from './commands/import.command';

@Module({
  imports: [EventStoreModule.forRoot(), HistoryModule],
  providers: [ImportCommand],
})
export class CliModule {}
