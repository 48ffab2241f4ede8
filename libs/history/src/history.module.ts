import { Module } from '@nestjs/common';
import { ChronologyImporter } from './chronology/chronology-importer';
import { HistoryQueries } from './queries/history-queries';
import { LiveRecord } from './record/live-record';
import { FactRecorder } from './recording/fact-recorder';

const SERVICES = [ChronologyImporter, FactRecorder, HistoryQueries, LiveRecord];

/** The application services that the HTTP API and the CLI share. Needs an `EventStore` provider (EventStoreModule). */
@Module({
  providers: SERVICES,
  exports: SERVICES,
})
export class HistoryModule {}
