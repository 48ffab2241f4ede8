import { InvalidEvent, SCHEMA_VERSIONS, WIRE_NAMES, type DomainEvent, type WireName } from '@app/domain';
import type { EventMetadata, NewEvent, RecordedEvent } from '@app/event-store';

/** Who recorded a fact, and in which unit of work; stored as the event's metadata. */
export interface Provenance {
  readonly recordedBy: string;
  readonly correlationId: string;
  readonly causationId?: string;
  /** A chronology file and the place in it, for imported facts. */
  readonly importedFrom?: { readonly file: string; readonly line: number; readonly factId: string };
  /** The HTTP request that wrote it, for facts written through the API. */
  readonly request?: { readonly id: string; readonly method: string; readonly path: string };
}

export interface FactMetadata extends Provenance {
  readonly schemaVersion: number;
}

/** A stored event read back through the domain's door. */
export interface StoredFact {
  readonly id: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly recordedAt: string;
  readonly event: DomainEvent;
  readonly metadata: FactMetadata;
}

/** The store holds the wire name as the event type and the other fields as its data. */
export function toNewEvent(id: string, event: DomainEvent, provenance: Provenance): NewEvent {
  const { type, ...data } = event;
  const metadata: FactMetadata = { schemaVersion: SCHEMA_VERSIONS[type], ...provenance };
  return { id, type, data, metadata: metadata as unknown as EventMetadata };
}

/** Each wire name as the catalogue spells it: a replay then holds one copy of each, not one per stored event. */
const WIRE_NAMES_BY_TEXT = new Map<string, WireName>(WIRE_NAMES.map((name) => [name, name]));

/**
 * Reads a stored event back as a fact, trusting its shape: the store holds only events that passed `parseEvent` on
 * the way in, and nothing rewrites them, so a replay checks only that this build knows the wire name at the schema
 * version it was stored under (a newer log, or a shape change without an upcaster, stops here). `LogVerifier`
 * is what runs every stored event through `parseEvent` again.
 */
export function toStoredFact(recorded: RecordedEvent): StoredFact {
  const type = WIRE_NAMES_BY_TEXT.get(recorded.type);
  const metadata = recorded.metadata as unknown as FactMetadata;
  if (type === undefined) throw unreadable(recorded, 'type', `"${recorded.type}" is not an event type this build knows`);
  if (metadata.schemaVersion !== SCHEMA_VERSIONS[type]) {
    throw unreadable(recorded, 'metadata.schemaVersion', `is ${String(metadata.schemaVersion)}; this build reads ${type} at version ${SCHEMA_VERSIONS[type]}`);
  }
  return {
    id: recorded.id,
    streamId: recorded.streamId,
    revision: recorded.revision,
    position: recorded.position,
    recordedAt: recorded.recordedAt,
    event: { type, ...(recorded.data as object) } as DomainEvent,
    metadata,
  };
}

function unreadable(recorded: RecordedEvent, path: string, reason: string): InvalidEvent {
  return new InvalidEvent([{ path: `position ${recorded.position} (${recorded.id}): ${path}`, reason: `${reason}; run verify` }]);
}

/** True when two events state the same fact: same type and fields, whatever the order of their keys. */
export function sameFact(a: DomainEvent, b: DomainEvent): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
