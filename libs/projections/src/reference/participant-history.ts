import type { Fact } from '../record/fact';
import type { HistoryQuery } from '../queries/query';
import type { HistorySpell } from '../queries/participant-history';
import { compareSpans, type Span } from '../time/span';
import { partiesOf, readInstrument } from './instrument';
import { candidatesOf, membershipOf, readOrganisation, statusesOf } from './organisation';
import { Record } from './record';
import { instrumentsOf } from './scope';

/** A participant's spells, read from the whole record. */
export function referenceParticipantHistory(
  log: readonly Fact[],
  participant: string,
  query: HistoryQuery = {},
): HistorySpell[] {
  return historyOf(new Record(log, query.knownAt), participant, query.organisation);
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

/**
 * Every spell of the participant under every instrument and in every organisation of the record (or, for one
 * organisation, in it and under its instruments), by start; on the same start, by kind of status, an
 * organisation's before an instrument's.
 */
export function historyOf(
  record: Record,
  participant: string,
  organisation: string | undefined,
): HistorySpell[] {
  const instruments =
    organisation === undefined
      ? record.ids('instrument')
      : instrumentsOf(record, organisation).map((instrument) => instrument.id);
  const organisations = organisation === undefined ? record.ids('organisation') : [organisation];
  const spells: (HistorySpell & { sort: Span })[] = [];
  for (const id of instruments) {
    const instrument = readInstrument(record, id);
    for (const bond of (instrument && partiesOf(record, instrument).get(participant)) ?? []) {
      const signature = bond.period.signature;
      if (signature && (bond.start === null || compareSpans(signature.span, bond.start) < 0)) {
        spells.push({
          instrument: id,
          status: 'signatory',
          from: signature.date,
          to: bond.start?.label ?? null,
          basis: id,
          eventIds: [signature.eventId],
          sort: signature.span,
        });
      }
      if (bond.start)
        spells.push({
          instrument: id,
          status: 'party',
          from: bond.start.label,
          to: bond.end?.label ?? null,
          basis: id,
          eventIds: bond.eventIds,
          sort: bond.start,
        });
    }
  }
  for (const id of organisations) {
    const view = readOrganisation(record, id);
    if (view === undefined) continue;
    if (candidatesOf(record, view).includes(participant)) {
      for (const spell of membershipOf(record, view, participant)) {
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
      for (const spell of statusesOf(record, view, participant)) {
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
    for (const grant of view.grants) {
      if (grant.participant !== participant) continue;
      for (const spell of grant.spells) {
        spells.push({
          organisation: id,
          status: grant.role,
          body: grant.body,
          from: spell.start.label,
          to: spell.end?.label ?? null,
          basis: grant.body,
          eventIds: spell.eventIds,
          sort: spell.start,
        });
      }
    }
  }
  const rank = (spell: HistorySpell): number =>
    ORDER.indexOf(spell.status) * 4 + (spell.organisation ? 0 : 2);
  return spells
    .sort((a, b) => compareSpans(a.sort, b.sort) || rank(a) - rank(b))
    .map(({ sort: _sort, ...spell }) => spell);
}
