/**
 * @app/history — the application services shared by the HTTP API and the CLI: importing the chronology,
 * recording facts, and answering questions about the record.
 */
export * from './chronology/chronology-files';
export * from './chronology/chronology-importer';
export { eventIdOf } from './chronology/fact-id';
export * from './chronology/import-journal';
export * from './exports/csv';
export * from './exports/exports';
export * from './exports/state-year-coding';
export * from './history.module';
export * from './invalid-query';
export * from './not-found';
export * from './queries/answer-cache';
export * from './queries/history-queries';
export * from './queries/stream-facts';
export * from './record/live-record';
export * from './recording/decided-streams';
export * from './recording/fact-recorder';
export * from './replay/replay';
export * from './verification/verify-log';
export * from './stored-facts';
export * from './configuration/environment';
export * from './queries/dto/questions';
export { instantOf, countOf, participantOf } from './queries/dto/query-fields';
export { invalidQueryOf, QUERY_VALIDATION, validateQuery } from './queries/dto/validate-query';
export { packageVersion } from './package-version';
