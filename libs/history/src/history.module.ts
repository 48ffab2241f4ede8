import { Module } from '@nestjs/common';
import { ChronologyImporter } from './chronology/chronology-importer';
import { ImportJournal } from './chronology/import-journal';
import { Exports } from './exports/exports';
import { HistoryQueries } from './queries/history-queries';
import { StreamReader } from './queries/stream-facts';
import { LiveRecord } from './record/live-record';
import { DecidedStreams } from './recording/decided-streams';
import { FactRecorder } from './recording/fact-recorder';
import { HistoryReplay } from './replay/replay';
import { LogVerifier } from './verification/verify-log';

const SERVICES = [
  ChronologyImporter,
  DecidedStreams,
  FactRecorder,
  HistoryQueries,
  ImportJournal,
  LiveRecord,
  Exports,
  LogVerifier,
  HistoryReplay,
  StreamReader,
];

/** The application services that the HTTP API and the CLI share. Needs an `EventStore` provider (EventStoreModule). */
@Module({
  providers: SERVICES,
  exports: SERVICES,
})
export class HistoryModule {}
