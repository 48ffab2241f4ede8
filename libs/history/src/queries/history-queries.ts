import { Injectable } from '@nestjs/common';
import { parseStreamId, type WireName } from '@app/domain';
import type {
  HistorySpell,
  InstrumentStatus,
  OrganisationHistory,
  OrganisationState,
  TemporalIndex,
  TimelineEntry,
} from '@app/projections';
import { eventIdOf } from '../chronology/fact-id';
import { NotFound } from '../not-found';
import { LiveRecord } from '../record/live-record';
import type { StoredFact } from '../stored-facts';
import type {
  InstrumentStatusQuestion,
  OrganisationHistoryQuestion,
  OrganisationStateQuestion,
  ParticipantHistoryQuestion,
  RecordedTimeQuery,
  TimelineQuestion,
} from './dto/questions';
import { countOf, instantOf, participantOf } from './dto/query-fields';

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

  /**
   * The record's version, once it holds everything the store held at the call (see `LiveRecord.version`): an
   * answer asked for after this call reflects at least this version.
   */
  async version(): Promise<number> {
    await this.record.current();
    return this.record.version;
  }

  /** Each question is validated at its door (the HTTP ValidationPipe, the CLI's `validateQuery`) before it comes here. */
  async organisationState({ org, asOf, knownAt: at }: OrganisationStateQuestion): Promise<OrganisationState> {
    const knownAt = instantOf(at);
    return (await this.indexHolding(org, knownAt)).stateAsOf({ organisation: org, asOf, knownAt });
  }

  async instrumentStatus({ id, asOf, knownAt: at }: InstrumentStatusQuestion): Promise<InstrumentStatus> {
    const knownAt = instantOf(at);
    const index = await this.record.current();
    if (!index.source(knownAt).instrument(id)) throw this.record.notFound('instrument', id, knownAt);
    return index.instrumentStatusAsOf({ instrument: id, asOf, knownAt });
  }

  /** A participant the record does not name is not found, nor is one the organisation asked about never had. */
  async participantHistory({
    id: given,
    org: organisation,
    knownAt: at,
  }: ParticipantHistoryQuestion): Promise<{ participant: string; spells: HistorySpell[] }> {
    const knownAt = instantOf(at);
    const index = await this.record.current();
    const source = index.source(knownAt);
    if (organisation !== undefined && !source.organisation(organisation))
      throw this.record.notFound('organisation', organisation, knownAt);
    const id = participantOf(given, (participant) => [...source.subjectsOf(participant)].length > 0);
    const spells = index.participantHistory(id, { knownAt, ...(organisation ? { organisation } : {}) });
    if (spells.length === 0 && [...source.subjectsOf(id)].length === 0)
      throw this.record.notFound('participant', id, knownAt);
    return { participant: id, spells };
  }

  /** The organisations the record holds a founding fact for, by id. */
  async organisations({ knownAt: at }: RecordedTimeQuery): Promise<{ organisations: OrganisationEntry[] }> {
    const source = (await this.record.current()).source(instantOf(at));
    const organisations: OrganisationEntry[] = [];
    for (const subject of source.subjects()) {
      const stream = parseStreamId(subject);
      if (stream?.category !== 'organisation') continue;
      const id = stream.id;
      const established = source.organisation(id)?.established;
      if (established) organisations.push({ id, name: established.name, established: established.date });
    }
    organisations.sort((a, b) => (a.id < b.id ? -1 : 1));
    return { organisations };
  }

  async organisationHistory({ org, knownAt: at }: OrganisationHistoryQuestion): Promise<OrganisationHistory> {
    const knownAt = instantOf(at);
    return (await this.indexHolding(org, knownAt)).organisationHistory({ organisation: org, knownAt });
  }

  async timeline(question: TimelineQuestion): Promise<TimelinePage> {
    const { org } = question;
    const [from, to, type, instrument, asked] = [
      question.from,
      question.to,
      question.type,
      question.instrument,
      question.participant,
    ].map(present);
    const knownAt = instantOf(question.knownAt);
    const offset = countOf(question.offset, 0);
    const limit = countOf(question.limit, 100);
    const index = await this.indexHolding(org, knownAt);
    const participant =
      asked === undefined
        ? undefined
        : participantOf(asked, (p) => [...index.source(knownAt).subjectsOf(p)].length > 0);
    const entries = index.timeline({
      organisation: org,
      from,
      to,
      participant,
      type: type as WireName | undefined,
      instrument,
      knownAt,
    });
    return {
      organisation: org,
      total: entries.length,
      offset,
      limit,
      entries: entries.slice(offset, offset + limit),
    };
  }

  /** The index, once the record as it stood at `knownAt` holds the organisation; otherwise NotFound. */
  private async indexHolding(organisation: string, knownAt: string | null): Promise<TemporalIndex> {
    const index = await this.record.current();
    if (!index.source(knownAt).organisation(organisation))
      throw this.record.notFound('organisation', organisation, knownAt);
    return index;
  }

  /** How to name the facts behind an answer for people: see `LiveRecord.factNames`. */
  factNames(): Promise<(id: string) => string> {
    return this.record.factNames();
  }

  /** A fact and its audit trail, by event id or by the chronology's fact id (`cst-1992/terminated/UZB`). */
  async auditTrail(id: string): Promise<AuditTrail> {
    const found = await this.record.fact(EVENT_ID.test(id) ? id : eventIdOf(id));
    if (!found) throw NotFound.subject('event', id);
    return { ...audit(found.fact), supersededBy: found.supersededBy.map(audit) };
  }
}

const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored fact as an audit trail shows it. */
export function audit(fact: StoredFact): Omit<AuditTrail, 'supersededBy'> {
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

/** A field given empty is absent (the rules in dto/query-fields.ts pass it as such): `?from=` asks from the start. */
function present(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}
