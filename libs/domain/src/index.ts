/**
 * @app/domain — the events of annals, the only door into them, and the rules that keep a stream consistent.
 *
 * Pure TypeScript and class-validator: no framework, no I/O, no clock.
 *
 * - `parseEvent(raw)`: raw JSON → validated, deeply frozen `DomainEvent` (plain data; switch on `type`), or
 *   `InvalidEvent` with every problem as `{ path, reason }`.
 * - `SCHEMA_VERSIONS`, `WIRE_NAMES`, `EVENT_CLASSES`: the catalogue (docs/event-catalogue.md) in code.
 * - `streamOf(event)` / `streamOf(event, lookup)`: the stream a fact is appended to.
 * - Dates: `precisionOf`, `periodOf`, `addMonths`, `addDays`, `effectiveDay`, `dateProblem`.
 * - Supersession and order: `forEachStanding` (the record once corrections and retractions apply),
 *   `compareInEffectiveOrder` — shared by the deciders, the projections and the live record.
 * - Instrument rules: `withdrawalEffectiveDate`, `termEnd` (entry into force is derived in @app/projections).
 * - Deciders: `decide(command, history)` for any stream (a full replay); `DecidedStream.of(history)` keeps a
 *   stream's state so that `decide`/`record` cost the same however long the stream is; and `organisationDecider`, `instrumentDecider`,
 *   `deploymentDecider` ({ decide, evolve, initialState }); `DomainError` with a stable `code` from `INVARIANTS`.
 */
export * from './dates';
export * from './errors';
export * from './events/catalogue';
export * from './events/common';
export * from './events/organisation.events';
export * from './events/instrument.events';
export * from './events/deployment.events';
export * from './events/record-keeping.events';
export { LIMITS } from './events/field-rules';
export * from './instrument-rules';
export * from './parse-event';
export * from './streams';
export * from './supersession';
export type { Decider, RecordedFact, RecordFact, StreamRules } from './deciders/decider';
export { decide } from './deciders/decide';
export { DecidedStream, type DecidedStreamOptions, type StreamState } from './deciders/decided-stream';
export * from './deciders/organisation.decider';
export * from './deciders/instrument.decider';
export * from './deciders/deployment.decider';
