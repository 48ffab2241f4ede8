import { DEPLOYMENT_EVENTS, type DeploymentEvent } from './deployment.events';
import { INSTRUMENT_EVENTS, type InstrumentEvent } from './instrument.events';
import { ORGANISATION_EVENTS, type OrganisationEvent } from './organisation.events';
import { RECORD_KEEPING_EVENTS, type RecordKeepingEvent } from './record-keeping.events';

export type { DeploymentEvent, InstrumentEvent, OrganisationEvent, RecordKeepingEvent };

/** Every event of docs/event-catalogue.md: wire name → class. */
export const EVENT_CLASSES = {
  ...ORGANISATION_EVENTS,
  ...INSTRUMENT_EVENTS,
  ...DEPLOYMENT_EVENTS,
  ...RECORD_KEEPING_EVENTS,
} as const satisfies { [Name in string]: new () => { readonly type: Name } };

export type WireName = keyof typeof EVENT_CLASSES;
/** A fact about a subject (organisation, instrument, deployment), as opposed to record keeping. */
export type SubjectEvent = OrganisationEvent | InstrumentEvent | DeploymentEvent;
export type DomainEvent = SubjectEvent | RecordKeepingEvent;
export type EventOfType<Name extends WireName> = Extract<DomainEvent, { readonly type: Name }>;

export const WIRE_NAMES = Object.freeze(Object.keys(EVENT_CLASSES) as WireName[]);

/**
 * Wire name → schema version of its payload, stored in each event's metadata. All events are at version 1;
 * when a shape changes, its entry goes up and an upcaster reads the older versions.
 */
export const SCHEMA_VERSIONS: Readonly<Record<WireName, number>> = Object.freeze(
  Object.fromEntries(WIRE_NAMES.map((name) => [name, 1])) as Record<WireName, number>,
);

export function isWireName(name: unknown): name is WireName {
  return typeof name === 'string' && Object.hasOwn(EVENT_CLASSES, name);
}

export const isOrganisationEvent = (event: DomainEvent): event is OrganisationEvent => Object.hasOwn(ORGANISATION_EVENTS, event.type);
export const isInstrumentEvent = (event: DomainEvent): event is InstrumentEvent => Object.hasOwn(INSTRUMENT_EVENTS, event.type);
export const isDeploymentEvent = (event: DomainEvent): event is DeploymentEvent => Object.hasOwn(DEPLOYMENT_EVENTS, event.type);
export const isRecordKeepingEvent = (event: DomainEvent): event is RecordKeepingEvent => Object.hasOwn(RECORD_KEEPING_EVENTS, event.type);
