import { Injectable } from '@nestjs/common';
import { parseStreamId } from '@app/domain';
import { EventStore } from '@app/event-store';
import type { TemporalIndex, ViewSource } from '@app/projections';
import type { RecordedTimeQuery, StateYearQuery } from '../queries/dto/questions';
import { instantOf } from '../queries/dto/query-fields';
import { LiveRecord } from '../record/live-record';
import { csvRecord } from './csv';
import { codeStateYear, referenceDayOf, STATE_YEAR_COLUMNS } from './state-year-coding';

/** The years the state-year panel covers: the record's span, from the Treaty to the last year it follows. */
export const PANEL_YEARS = { first: 1992, last: 2024 } as const;

const SPELL_COLUMNS = [
  'participant',
  'organisation',
  'instrument',
  'status',
  'body',
  'from',
  'to',
  'basis',
  'eventIds',
];
/** States are named by ISO 3166-1 alpha-3 codes; other participants (organisations such as the CIS) are slugs. */
const STATE = /^[A-Z]{3}$/;

/**
 * The analytics feeds, streamed: each is an async iterable of complete records (NDJSON lines ending in LF, CSV
 * records ending in CRLF) to be written as they come. Arguments are validated at the door (the HTTP ValidationPipe,
 * the CLI's `validateQuery`); an organisation not in the record is found on the first read, before any byte.
 */
@Injectable()
export class Exports {
  constructor(
    private readonly store: EventStore,
    private readonly record: LiveRecord,
  ) {}

  /** Every stored event in the order of recording, as the store holds it. */
  eventsNdjson(): AsyncIterable<string> {
    const store = this.store;
    return (async function* () {
      for await (const event of store.readAll()) {
        const { id, streamId, revision, position, recordedAt, type, data, metadata } = event;
        yield `${JSON.stringify({ id, streamId, revision, position, recordedAt, type, data, metadata })}\n`;
      }
    })();
  }

  /** Every participant's spells (membership, suspension, freeze, observer, partner, signatory, party), by participant. */
  membershipSpellsCsv(query: RecordedTimeQuery = {}): AsyncIterable<string> {
    const knownAt = instantOf(query.knownAt);
    const record = this.record;
    return (async function* () {
      yield csvRecord(SPELL_COLUMNS);
      const index = await record.current();
      for (const participant of participantsOf(index.source(knownAt))) {
        for (const spell of index.participantHistory(participant, { knownAt })) {
          yield csvRecord([
            participant,
            spell.organisation,
            spell.instrument,
            spell.status,
            spell.body,
            spell.from,
            spell.to,
            spell.basis,
            spell.eventIds.join(' '),
          ]);
        }
      }
    })();
  }

  /**
   * One row per state, organisation and year of the panel, coded as in the Correlates of War IGO data set
   * (see state-year-coding.ts): every state the record mentions, for every organisation (or the one asked for).
   */
  stateYearCsv(query: StateYearQuery = {}): AsyncIterable<string> {
    const only = query.organisation;
    const knownAt = instantOf(query.knownAt);
    const record = this.record;
    return (async function* () {
      const index = await record.current();
      const source = index.source(knownAt);
      if (only !== undefined && !source.organisation(only))
        throw record.notFound('organisation', only, knownAt);
      yield csvRecord(STATE_YEAR_COLUMNS.map((column) => column.name));
      const states = participantsOf(source).filter((participant) => STATE.test(participant));
      for (const organisation of only === undefined ? organisationsOf(source) : [only]) {
        yield* stateYearRows(index, organisation, states, knownAt);
      }
    })();
  }
}

function* stateYearRows(
  index: TemporalIndex,
  organisation: string,
  states: readonly string[],
  knownAt: string | null,
): Iterable<string> {
  for (let year = PANEL_YEARS.first; year <= PANEL_YEARS.last; year++) {
    const asOf = referenceDayOf(year);
    const state = index.stateAsOf({ organisation, asOf, knownAt });
    // As in the COW data set, an organisation's years begin with its founding: before it existed its predecessor
    // treaty's parties were not its members, and the panel has no row to code them in.
    if (!state.exists) continue;
    for (const participant of states) {
      const { code, status, basis, body } = codeStateYear(state, participant);
      yield csvRecord([participant, organisation, year, code, status, basis, body, asOf]);
    }
  }
}

function organisationsOf(source: ViewSource): string[] {
  return [...source.subjects()]
    .flatMap((subject) => {
      const stream = parseStreamId(subject);
      return stream?.category === 'organisation' && source.organisation(stream.id) !== undefined
        ? [stream.id]
        : [];
    })
    .sort();
}

/** Every participant any fact of the record names (as party, member, contributor or host), sorted. */
function participantsOf(source: ViewSource): string[] {
  const found = new Set<string>();
  for (const subject of source.subjects()) {
    for (const { event } of source.facts(subject)) {
      for (const key of ['participant', 'contributor', 'host'] as const) {
        const value = (event as Partial<Record<typeof key, unknown>>)[key];
        if (typeof value === 'string') found.add(value);
      }
    }
  }
  return [...found].sort();
}
