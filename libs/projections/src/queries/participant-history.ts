import { parseStreamId } from '@app/domain';
import type { HistoryQuery } from './query';
import { candidateMembers, membershipSpells, statusSpells } from '../record/membership';
import { openClose, organisationInstruments } from '../record/organisation-record';
import { partiesOf } from '../record/instrument-rules';
import { compareSpans, type Span } from '../time/span';
import type { ViewSource } from '../record/view-source';

/** One spell of one status of a participant, `to` being the first day it no longer holds (null: open). */
export interface HistorySpell {
  readonly organisation?: string;
  readonly instrument?: string;
  readonly status: 'signatory' | 'party' | 'member' | 'suspended' | 'frozen' | 'observer' | 'partner';
  readonly body?: string;
  readonly from: string;
  readonly to: string | null;
  /** The instrument a membership or party status rests on; the granting body of an observer or partner status. */
  readonly basis: string;
  readonly eventIds: readonly string[];
}

type Sortable = HistorySpell & { readonly sort: Span };

/**
 * The participant's spells in every organisation and instrument the record mentions it in, or in one
 * organisation (its membership, statuses and the organisation's instruments) when `organisation` is given.
 */
export function composeHistory(
  source: ViewSource,
  participant: string,
  query: HistoryQuery = {},
): HistorySpell[] {
  const organisations = new Set<string>();
  const instruments = new Set<string>();
  for (const subject of source.subjectsOf(participant)) {
    const stream = parseStreamId(subject);
    if (stream?.category === 'organisation') organisations.add(stream.id);
    if (stream?.category === 'instrument') {
      instruments.add(stream.id);
      for (const organisation of source.organisationsFounded(stream.id)) organisations.add(organisation);
    }
  }
  // A protocol known in force only from a general report binds the amended instrument's parties (`partiesOf`).
  for (const amended of instruments) {
    for (const protocol of source.amendmentsOf(amended))
      if (source.instrument(protocol)?.adopted?.rules.amends === amended) instruments.add(protocol);
  }
  if (query.organisation !== undefined) {
    const only = query.organisation;
    const own = new Set(organisationInstruments(source, only).map((view) => view.id));
    for (const instrument of instruments) if (!own.has(instrument)) instruments.delete(instrument);
    organisations.clear();
    organisations.add(only);
  }
  const spells: Sortable[] = [];
  for (const id of [...instruments].sort()) spells.push(...instrumentSpells(source, id, participant));
  for (const id of [...organisations].sort()) spells.push(...organisationSpells(source, id, participant));
  return spells
    .sort((a, b) => compareSpans(a.sort, b.sort) || rank(a) - rank(b))
    .map(({ sort: _sort, ...spell }) => spell);
}

const ORDER: readonly HistorySpell['status'][] = [
  'signatory',
  'party',
  'member',
  'suspended',
  'frozen',
  'observer',
  'partner',
];
function rank(spell: HistorySpell): number {
  return ORDER.indexOf(spell.status) * 4 + (spell.organisation ? 0 : 2);
}

/** The participant's periods under the instrument: signatory until bound, then party, once per period. */
function instrumentSpells(source: ViewSource, id: string, participant: string): Sortable[] {
  const view = source.instrument(id);
  const periods = view && partiesOf(source, view).get(participant);
  if (!periods) return [];
  const spells: Sortable[] = [];
  for (const party of periods) {
    const signature = party.episode.signature;
    if (signature && (party.start === null || compareSpans(signature.span, party.start) < 0)) {
      const to = party.start ?? party.end;
      spells.push({
        instrument: id,
        status: 'signatory',
        from: signature.date,
        to: to?.label ?? null,
        basis: id,
        eventIds: [signature.eventId],
        sort: signature.span,
      });
    }
    if (party.start) {
      spells.push({
        instrument: id,
        status: 'party',
        from: party.start.label,
        to: party.end?.label ?? null,
        basis: id,
        eventIds: party.eventIds,
        sort: party.start,
      });
    }
  }
  return spells;
}

function organisationSpells(source: ViewSource, id: string, participant: string): Sortable[] {
  const view = source.organisation(id);
  if (!view) return [];
  const spells: Sortable[] = [];
  if (candidateMembers(source, view).has(participant)) {
    for (const spell of membershipSpells(source, view, participant)) {
      spells.push({
        organisation: id,
        status: 'member',
        from: spell.start.label,
        to: spell.end?.label ?? null,
        basis: spell.basis,
        eventIds: spell.eventIds,
        sort: spell.start,
      });
    }
    for (const spell of statusSpells(source, view, participant)) {
      spells.push({
        organisation: id,
        status: spell.status,
        from: spell.start.label,
        to: spell.end?.label ?? null,
        basis: id,
        eventIds: spell.eventIds,
        sort: spell.start,
      });
    }
  }
  for (const record of view.grants.values()) {
    if (record.participant !== participant) continue;
    for (const spell of openClose(record.changes)) {
      spells.push({
        organisation: id,
        status: record.role,
        body: record.body,
        from: spell.start.label,
        to: spell.end?.label ?? null,
        basis: record.body,
        eventIds: spell.eventIds,
        sort: spell.start,
      });
    }
  }
  return spells;
}
