import { Module } from '@nestjs/common';
import { ChronologyImporter } from './chronology/chronology-importer';

/** The application services that the HTTP API and the CLI share. Needs an `EventStore` provider (EventStoreModule). */
@Module({
  providers: [ChronologyImporter],
  exports: [ChronologyImporter],
})
export class HistoryModule {}
