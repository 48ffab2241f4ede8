import { Injectable } from '@nestjs/common';
import type { HistorySpell, InstrumentStatus, OrganisationHistory, OrganisationState, TemporalIndex, TimelineEntry } from '@app/projections';
import { NotFound } from '../not-found';
import { LiveRecord } from '../record/live-record';
import type { StoredFact } from '../stored-facts';
import { QueryArguments } from './query-arguments';

/** Raw arguments as they come from a query string or command-line flags: validated here, once, for both. */
export type RawArguments = Readonly<Record<string, unknown>>;

export interface TimelinePage {
  readonly organisation: string;
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly entries: readonly TimelineEntry[];
}

/** An organisation the record holds a founding fact for. */
export interface OrganisationEntry {
  readonly id: string;
  readonly name: string;
  /** The effective date of the founding decision. */
  readonly established: string;
}

export interface AuditTrail {
  readonly id: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly importedFrom: StoredFact['metadata']['importedFrom'] | null;
  readonly request: StoredFact['metadata']['request'] | null;
  readonly schemaVersion: number;
  readonly event: StoredFact['event'];
  /** Corrections and retractions that name this fact, in the order they were recorded. */
  readonly supersededBy: readonly Omit<AuditTrail, 'supersededBy'>[];
}

/** The questions users ask of the record, answered from the live temporal index. */
@Injectable()
export class HistoryQueries {
  constructor(private readonly record: LiveRecord) {}

  async organisationState(organisation: string, raw: RawArguments): Promise<OrganisationState> {
    const args = new QueryArguments();
    const org = args.slug('organisation', organisation, true);
    const asOf = args.day('asOf', raw['asOf'], true);
    const knownAt = args.instant('knownAt', raw['knownAt']);
    args.done();
    return (await this.indexHolding(org, knownAt)).stateAsOf({ organisation: org, asOf, knownAt });
  }

  async instrumentStatus(instrument: string, raw: RawArguments): Promise<InstrumentStatus> {
    const args = new QueryArguments();
    const id = args.slug('instrument', instrument, true);
    const asOf = args.day('asOf', raw['asOf'], true);
    const knownAt = args.instant('knownAt', raw['knownAt']);
    args.done();
    const index = await this.record.current();
    if (!index.source(knownAt).instrument(id)) throw this.record.notFound('instrument', id, knownAt);
    return index.instrumentStatusAsOf({ instrument: id, asOf, knownAt });
  }

  async participantHistory(participant: string, raw: RawArguments): Promise<{ participant: string; spells: HistorySpell[] }> {
    const args = new QueryArguments();
    const id = args.participant('participant', participant, true);
    const organisation = args.slug('org', raw['org']);
    const knownAt = args.instant('knownAt', raw['knownAt']);
    args.done();
    const index = await this.record.current();
    const spells = index.participantHistory(id, { knownAt, ...(organisation ? { organisation } : {}) });
    if (spells.length === 0 && [...index.source(knownAt).subjectsOf(id)].length === 0) throw this.record.notFound('participant', id, knownAt);
    return { participant: id, spells };
  }

  /** The organisations the record holds a founding fact for, by id. */
  async organisations(raw: RawArguments): Promise<{ organisations: OrganisationEntry[] }> {
    const args = new QueryArguments();
    const knownAt = args.instant('knownAt', raw['knownAt']);
    args.done();
    const source = (await this.record.current()).source(knownAt);
    const organisations: OrganisationEntry[] = [];
    for (const subject of source.subjects()) {
      if (!subject.startsWith('organisation-')) continue;
      const id = subject.slice('organisation-'.length);
      const established = source.organisation(id)?.established;
      if (established) organisations.push({ id, name: established.name, established: established.date });
    }
    organisations.sort((a, b) => (a.id < b.id ? -1 : 1));
    return { organisations };
  }

  async organisationHistory(organisation: string, raw: RawArguments): Promise<OrganisationHistory> {
    const args = new QueryArguments();
    const org = args.slug('organisation', organisation, true);
    const knownAt = args.instant('knownAt', raw['knownAt']);
    args.done();
    return (await this.indexHolding(org, knownAt)).organisationHistory({ organisation: org, knownAt });
  }

  async timeline(organisation: string, raw: RawArguments): Promise<TimelinePage> {
    const args = new QueryArguments();
    const org = args.slug('organisation', organisation, true);
    const from = args.day('from', raw['from']);
    const to = args.day('to', raw['to']);
    const participant = args.participant('participant', raw['participant']);
    const type = args.wireName('type', raw['type']);
    const instrument = args.slug('instrument', raw['instrument']);
    const knownAt = args.instant('knownAt', raw['knownAt']);
    const offset = args.count('offset', raw['offset'], { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
    const limit = args.count('limit', raw['limit'], { min: 1, max: 1000, fallback: 100 });
    args.done();
    const index = await this.indexHolding(org, knownAt);
    const entries = index.timeline({ organisation: org, from, to, participant, type, instrument, knownAt });
    return { organisation: org, total: entries.length, offset, limit, entries: entries.slice(offset, offset + limit) };
  }

  /** The index, once the record as it stood at `knownAt` holds the organisation; otherwise NotFound. */
  private async indexHolding(organisation: string, knownAt: string | null): Promise<TemporalIndex> {
    const index = await this.record.current();
    if (!index.source(knownAt).organisation(organisation)) throw this.record.notFound('organisation', organisation, knownAt);
    return index;
  }

  async auditTrail(id: string): Promise<AuditTrail> {
    const found = await this.record.fact(id);
    if (!found) throw NotFound.subject('event', id);
    return { ...audit(found.fact), supersededBy: found.supersededBy.map(audit) };
  }
}

function audit(fact: StoredFact): Omit<AuditTrail, 'supersededBy'> {
  const { metadata } = fact;
  return {
    id: fact.id,
    streamId: fact.streamId,
    revision: fact.revision,
    position: fact.position,
    recordedAt: fact.recordedAt,
    recordedBy: metadata.recordedBy,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId ?? null,
    importedFrom: metadata.importedFrom ?? null,
    request: metadata.request ?? null,
    schemaVersion: metadata.schemaVersion,
    event: fact.event,
  };
}
