import type { StateQuery } from './fact';
import { generalEntryIntoForce, partySpell } from './instrument-rules';
import {
  candidateMembers,
  firstDayOfRun,
  foundingOf,
  holdsOn,
  membershipSpells,
  spellOn,
  statusSpells,
  uncertainties,
  type UncertainRow,
} from './membership';
import { hasTakenEffect, isUncertainOn, type Span } from './span';
import type { Dated, InstrumentView, OrganisationView } from './subject-views';
import type { ViewSource } from './view-source';

export type { UncertainRow } from './membership';

export interface MemberRow {
  readonly participant: string;
  readonly status: 'active' | 'suspended' | 'frozen';
  /** Instrument id membership rests on. */
  readonly basis: string;
  /** First day of the unbroken membership (across the predecessor → founding instrument handover). */
  readonly since: string;
  /** First day of the current status. */
  readonly statusSince: string;
}

export interface SignatoryRow {
  readonly participant: string;
  readonly instrument: string;
  readonly since: string;
}

export interface GrantRow {
  readonly participant: string;
  readonly body: string;
  readonly since: string;
}

export interface ExternalStatusRow {
  readonly body: string;
  readonly status: string;
  readonly since: string;
}

export interface InstrumentRow {
  readonly id: string;
  readonly inForce: boolean;
  /** Entry into force as governing (derived, else reported); null when not in force on the day. */
  readonly since: string | null;
  readonly parties: readonly string[];
  readonly disagreement?: { readonly derived: string | null; readonly reported: string | null };
}

export interface DeploymentRow {
  readonly id: string;
  readonly host: string;
  readonly status: 'requested' | 'authorized' | 'active' | 'withdrawing';
  readonly contributors: readonly string[];
}

/** The organisation on one day, as the record stood at `knownAt` (a public contract of the CLI and HTTP API). */
export interface OrganisationState {
  readonly organisation: string;
  readonly asOf: string;
  readonly knownAt: string | null;
  readonly exists: boolean;
  readonly members: readonly MemberRow[];
  readonly signatories: readonly SignatoryRow[];
  readonly observers: readonly GrantRow[];
  readonly partners: readonly GrantRow[];
  readonly externalStatuses: readonly ExternalStatusRow[];
  readonly instruments: readonly InstrumentRow[];
  readonly deployments: readonly DeploymentRow[];
  readonly uncertain: readonly UncertainRow[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function composeState(source: ViewSource, query: StateQuery): OrganisationState {
  const { organisation: id, asOf: day } = query;
  const organisation = source.organisation(id);
  const uncertain: UncertainRow[] = [];
  const founding = organisation ? foundingOf(source, organisation) : null;
  if (founding && isUncertainOn(founding, day)) {
    uncertain.push({ subject: id, status: 'exists', from: founding.from, to: founding.to, because: `the founding instrument enters into force on ${founding.label}, known only to a period` });
  }
  const instruments = organisationInstruments(source, id, organisation);
  return {
    organisation: id,
    asOf: day,
    knownAt: query.knownAt ?? null,
    exists: founding !== null && hasTakenEffect(founding, day),
    members: organisation ? members(source, organisation, day, uncertain) : [],
    signatories: signatories(source, instruments, day),
    observers: organisation ? grants(organisation, 'observer', day, uncertain) : [],
    partners: organisation ? grants(organisation, 'partner', day, uncertain) : [],
    externalStatuses: organisation ? externalStatuses(organisation, day, uncertain) : [],
    instruments: instruments.map((instrument) => instrumentRow(source, instrument, day, uncertain)).filter((row) => row !== null),
    deployments: deployments(source, id, day, uncertain),
    uncertain,
  };
}

function members(source: ViewSource, organisation: OrganisationView, day: string, uncertain: UncertainRow[]): MemberRow[] {
  const rows: MemberRow[] = [];
  for (const participant of [...candidateMembers(source, organisation)].sort(byText)) {
    const spells = membershipSpells(source, organisation, participant);
    uncertain.push(...uncertainties(spells, day, { subject: 'membership', participant, status: 'member' }));
    const spell = spellOn(spells, day);
    if (spell === undefined) continue;
    const statuses = statusSpells(organisation, participant);
    for (const status of ['suspended', 'frozen'] as const) {
      uncertain.push(...uncertainties(statuses.filter((s) => s.status === status), day, { subject: 'membership', participant, status }));
    }
    // A council's suspension outranks a unilateral freeze when both hold.
    const current = statuses.find((s) => s.status === 'suspended' && holdsOn(s, day)) ?? statuses.find((s) => s.status === 'frozen' && holdsOn(s, day));
    const since = firstDayOfRun(spells, spell);
    const lifted = statuses.map((s) => s.end).filter((end): end is Span => end !== null && hasTakenEffect(end, day) && end.from > since.from);
    const statusSince = current ? current.start.label : lifted.reduce((latest, end) => (end.from > latest.from ? end : latest), since).label;
    rows.push({ participant, status: current ? current.status : 'active', basis: spell.basis, since: since.label, statusSince });
  }
  return rows;
}

function grants(organisation: OrganisationView, role: 'observer' | 'partner', day: string, uncertain: UncertainRow[]): GrantRow[] {
  const rows: GrantRow[] = [];
  for (const record of organisation.grants.values()) {
    if (record.role !== role) continue;
    const spells = openClose(record.changes);
    uncertain.push(...uncertainties(spells, day, { subject: record.body, participant: record.participant, status: role }));
    const spell = spellOn(spells, day);
    if (spell) rows.push({ participant: record.participant, body: record.body, since: spell.start.label });
  }
  return rows.sort((a, b) => byText(a.participant, b.participant) || byText(a.body, b.body));
}

function externalStatuses(organisation: OrganisationView, day: string, uncertain: UncertainRow[]): ExternalStatusRow[] {
  const rows: ExternalStatusRow[] = [];
  for (const record of organisation.external.values()) {
    const spells = openClose(record.changes);
    uncertain.push(...uncertainties(spells, day, { subject: record.body, status: record.status }));
    const spell = spellOn(spells, day);
    if (spell) rows.push({ body: record.body, status: record.status, since: spell.start.label });
  }
  return rows.sort((a, b) => byText(a.body, b.body) || byText(a.status, b.status));
}

/** Spells of a status granted and ended by turns; a repeated grant while it holds changes nothing. */
export function openClose(changes: readonly (Dated & { readonly kind: 'granted' | 'ended' })[]): { start: Span; end: Span | null; eventIds: string[] }[] {
  const spells: { start: Span; end: Span | null; eventIds: string[] }[] = [];
  let open: Dated | null = null;
  for (const change of changes) {
    if (change.kind === 'granted' && open === null) open = change;
    else if (change.kind === 'ended' && open !== null) {
      spells.push({ start: open.span, end: change.span, eventIds: [open.eventId, change.eventId] });
      open = null;
    }
  }
  if (open !== null) spells.push({ start: open.span, end: null, eventIds: [open.eventId] });
  return spells;
}

/** The organisation's instruments: its founding and predecessor instruments and those adopted within it. */
export function organisationInstruments(source: ViewSource, id: string, organisation: OrganisationView | undefined): InstrumentView[] {
  const ids = new Set<string>();
  for (const candidate of source.instrumentsOf(id)) if (source.instrument(candidate)?.adopted?.organisation === id) ids.add(candidate);
  for (const own of [organisation?.established?.foundingInstrument, organisation?.established?.predecessorInstrument]) if (own) ids.add(own);
  return [...ids].sort(byText).map((i) => source.instrument(i)).filter((view) => view !== undefined);
}

function instrumentRow(source: ViewSource, instrument: InstrumentView, day: string, uncertain: UncertainRow[]): InstrumentRow | null {
  if (!instrument.adopted || !hasTakenEffect(instrument.adopted.span, day)) return null;
  const general = generalEntryIntoForce(instrument);
  const inForce = general.governing !== null && hasTakenEffect(general.governing, day);
  if (general.governing && isUncertainOn(general.governing, day)) {
    uncertain.push({ subject: instrument.id, status: 'in-force', from: general.governing.from, to: general.governing.to, because: `entry into force on ${general.governing.label}, known only to a period` });
  }
  const parties: string[] = [];
  for (const record of instrument.parties.values()) {
    const spell = partySpell(instrument, record, source);
    if (spell.start === null) continue;
    const spells = [{ start: spell.start, end: spell.end }];
    uncertain.push(...uncertainties(spells, day, { subject: instrument.id, participant: record.participant, status: 'party' }));
    if (holdsOn(spells[0] as { start: Span; end: Span | null }, day)) parties.push(record.participant);
  }
  const row: InstrumentRow = { id: instrument.id, inForce, since: inForce && general.governing ? general.governing.label : null, parties: parties.sort(byText) };
  return general.disagreement ? { ...row, disagreement: { derived: general.derived?.label ?? null, reported: general.reported?.label ?? null } } : row;
}

/** Signatories not bound on the day: signed, and neither a party yet nor gone. */
function signatories(source: ViewSource, instruments: readonly InstrumentView[], day: string): SignatoryRow[] {
  const rows: SignatoryRow[] = [];
  for (const instrument of instruments) {
    for (const record of instrument.parties.values()) {
      if (!record.signature || !hasTakenEffect(record.signature.span, day)) continue;
      const spell = partySpell(instrument, record, source);
      if (spell.start !== null && hasTakenEffect(spell.start, day)) continue;
      rows.push({ participant: record.participant, instrument: instrument.id, since: record.signature.date });
    }
  }
  return rows.sort((a, b) => byText(a.instrument, b.instrument) || byText(a.participant, b.participant));
}

function deployments(source: ViewSource, organisation: string, day: string, uncertain: UncertainRow[]): DeploymentRow[] {
  const rows: DeploymentRow[] = [];
  for (const id of [...new Set(source.deploymentsOf(organisation))].sort(byText)) {
    const view = source.deployment(id);
    const requested = view?.requested;
    if (!view || !requested || requested.organisation !== organisation) continue;
    const steps: [DeploymentRow['status'] | 'ended', Dated | null | undefined][] = [
      ['requested', requested],
      ['authorized', view.authorized],
      ['active', view.contingents[0]],
      ['withdrawing', view.withdrawalStarted],
      ['ended', view.ended],
    ];
    for (const [status, at] of steps) {
      if (at && isUncertainOn(at.span, day)) uncertain.push({ subject: id, status, from: at.span.from, to: at.span.to, because: `${status} on ${at.date}, known only to a period` });
    }
    const reached = steps.filter(([, at]) => at && hasTakenEffect(at.span, day)).map(([status]) => status);
    const status = reached.at(-1);
    if (status === undefined || status === 'ended') continue;
    const contributors = [...new Set(view.contingents.filter((c) => hasTakenEffect(c.span, day)).map((c) => c.contributor))].sort(byText);
    rows.push({ id, host: requested.host, status, contributors });
  }
  return rows;
}
