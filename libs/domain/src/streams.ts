import { DomainError } from './errors';
import {
  isDeploymentEvent,
  isInstrumentEvent,
  isOrganisationEvent,
  type DomainEvent,
  type SubjectEvent,
} from './events/catalogue';

export type StreamCategory = 'organisation' | 'instrument' | 'deployment';
export type StreamId = `${StreamCategory}-${string}`;
/** The stream an already recorded event is in, by event id; undefined when there is no such event. */
export type StreamLookup = (eventId: string) => StreamId | undefined;

/** The one way a stream id is made: `streamId('instrument', 'cst-1992')` → `instrument-cst-1992`. */
export function streamId(category: StreamCategory, id: string): StreamId {
  return `${category}-${id}`;
}

/** The category and subject id of a stream id: the inverse of `streamId`; undefined for a name of no category. */
export function parseStreamId(
  stream: string,
): { readonly category: StreamCategory; readonly id: string } | undefined {
  const dash = stream.indexOf('-');
  const category = stream.slice(0, dash);
  if (dash < 0 || !(category === 'organisation' || category === 'instrument' || category === 'deployment'))
    return undefined;
  return { category, id: stream.slice(dash + 1) };
}

export function categoryOf(event: SubjectEvent): StreamCategory {
  if (isOrganisationEvent(event)) return 'organisation';
  return isInstrumentEvent(event) ? 'instrument' : 'deployment';
}

/**
 * The stream an event is appended to. A fact about a subject goes to its subject's stream; a correction or a
 * retraction goes to the stream of the fact it supersedes, which only the store knows: pass `supersededStream`.
 * Throws UNKNOWN_FACT when that lookup does not know the superseded event.
 */
export function streamOf(event: SubjectEvent): StreamId;
export function streamOf(event: DomainEvent, supersededStream: StreamLookup): StreamId;
export function streamOf(event: DomainEvent, supersededStream?: StreamLookup): StreamId {
  if (isOrganisationEvent(event)) return streamId('organisation', event.organisation);
  if (isInstrumentEvent(event)) return streamId('instrument', event.instrument);
  if (isDeploymentEvent(event)) return streamId('deployment', event.deployment);
  const stream = supersededStream?.(event.supersedes);
  if (stream === undefined)
    throw new DomainError(
      'UNKNOWN_FACT',
      `${event.type} supersedes ${event.supersedes}, an event not in the record`,
    );
  return stream;
}
