/**
 * The reference reading: the specification the temporal index is tested against. From the list of facts, each
 * answer reads the record the plain way (filter by recorded time, resolve corrections, sort, walk the facts) and
 * shares with the index only the time floor (`span.ts`), the record floor (`supersession.ts`), the domain's date
 * and instrument rules and the answers' types: so `index == reference` checks the folds as well as the indexing.
 * It reads the whole log on every question: it is slow on purpose.
 */
export { referenceStateAsOf } from './state';
export { referenceInstrumentStatusAsOf } from './instrument-status';
export { referenceParticipantHistory } from './participant-history';
export { referenceTimeline } from './timeline';
export { referenceOrganisationHistory } from './organisation-history';
