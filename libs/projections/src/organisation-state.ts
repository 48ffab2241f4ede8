import type { StateQuery } from './fact';
import { generalEntryIntoForce, partySpell } from './instrument-rules';
import {
  candidateMembers,
  firstDayOfRun,
  foundingOf,
  hasCoarseDates,
  holdsOn,
  lastEndBy,
  membershipSpells,
  spellOn,
  statusSpells,
  collectUncertainties,
  type MemberSpell,
  type StatusSpell,
  type UncertainRow,
} from './membership';
import { hasTakenEffect, isUncertainOn, type Span } from './span';
import type { Dated, DeploymentView, InstrumentView, OrganisationView } from './subject-views';
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

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
    observers: organisation ? grants(source, organisation, 'observer', day, uncertain) : [],
    partners: organisation ? grants(source, organisation, 'partner', day, uncertain) : [],
    externalStatuses: organisation ? externalStatuses(organisation, day, uncertain) : [],
    instruments: instruments.map((instrument) => instrumentRow(source, instrument, day, uncertain)).filter((row) => row !== null),
    deployments: deployments(source, id, day, uncertain),
    uncertain,
  };
}

/** One participant's membership, derived once per set of views: spells, suspensions and freezes. */
interface MemberTimeline {
  readonly participant: string;
  readonly spells: readonly MemberSpell[];
  readonly suspended: readonly StatusSpell[];
  readonly frozen: readonly StatusSpell[];
  readonly coarse: boolean;
}

function memberTimelines(source: ViewSource, organisation: OrganisationView): MemberTimeline[] {
  return source.memo(`member-timelines\u0000${organisation.id}`, () =>
    [...candidateMembers(source, organisation)].sort(byText).map((participant) => {
      const spells = membershipSpells(source, organisation, participant);
      const statuses = statusSpells(organisation, participant);
      const suspended = statuses.filter((s) => s.status === 'suspended');
      const frozen = statuses.filter((s) => s.status === 'frozen');
      return { participant, spells, suspended, frozen, coarse: hasCoarseDates(spells) || hasCoarseDates(statuses) };
    }),
  );
}

function members(source: ViewSource, organisation: OrganisationView, day: string, uncertain: UncertainRow[]): MemberRow[] {
  const rows: MemberRow[] = [];
  for (const { participant, spells, suspended, frozen, coarse } of memberTimelines(source, organisation)) {
    if (coarse) collectUncertainties(uncertain, spells, day, 'membership', participant, 'member');
    const spell = spellOn(spells, day);
    if (spell === undefined) continue;
    if (coarse) {
      collectUncertainties(uncertain, suspended, day, 'membership', participant, 'suspended');
      collectUncertainties(uncertain, frozen, day, 'membership', participant, 'frozen');
    }
    // A council's suspension outranks a unilateral freeze when both hold.
    const current = spellOn(suspended, day) ?? spellOn(frozen, day);
    const since = firstDayOfRun(spells, spell);
    let statusSince = since;
    for (const end of [lastEndBy(suspended, day), lastEndBy(frozen, day)]) if (end !== null && end.from > statusSince.from) statusSince = end;
    rows.push({ participant, status: current ? current.status : 'active', basis: spell.basis, since: since.label, statusSince: current ? current.start.label : statusSince.label });
  }
  return rows;
}

interface GrantTimeline {
  readonly role: 'observer' | 'partner';
  readonly participant: string;
  readonly body: string;
  readonly spells: readonly { start: Span; end: Span | null }[];
  readonly coarse: boolean;
}

function grantTimelines(source: ViewSource, organisation: OrganisationView): GrantTimeline[] {
  return source.memo(`grant-timelines\u0000${organisation.id}`, () =>
    [...organisation.grants.values()]
      .map(({ role, participant, body, changes }) => {
        const spells = openClose(changes);
        return { role, participant, body, spells, coarse: hasCoarseDates(spells) };
      })
      .sort((a, b) => byText(a.participant, b.participant) || byText(a.body, b.body)),
  );
}

function grants(source: ViewSource, organisation: OrganisationView, role: 'observer' | 'partner', day: string, uncertain: UncertainRow[]): GrantRow[] {
  const rows: GrantRow[] = [];
  for (const record of grantTimelines(source, organisation)) {
    if (record.role !== role) continue;
    if (record.coarse) collectUncertainties(uncertain, record.spells, day, record.body, record.participant, role);
    const spell = spellOn(record.spells, day);
    if (spell) rows.push({ participant: record.participant, body: record.body, since: spell.start.label });
  }
  return rows;
}

function externalStatuses(organisation: OrganisationView, day: string, uncertain: UncertainRow[]): ExternalStatusRow[] {
  const rows: ExternalStatusRow[] = [];
  for (const record of organisation.external.values()) {
    const spells = openClose(record.changes);
    collectUncertainties(uncertain, spells, day, record.body, undefined, record.status);
    const spell = spellOn(spells, day);
    if (spell) rows.push({ body: record.body, status: record.status, since: spell.start.label });
  }
  return rows.sort((a, b) => byText(a.body, b.body) || byText(a.status, b.status));
}

/** Spells of a status granted and ended by turns; a repeated grant while it holds changes nothing. */
type GrantChanges = readonly (Dated & { readonly kind: 'granted' | 'ended' })[];
const grantMemo = new WeakMap<GrantChanges, { start: Span; end: Span | null; eventIds: string[] }[]>();

export function openClose(changes: GrantChanges): { start: Span; end: Span | null; eventIds: string[] }[] {
  let spells = grantMemo.get(changes);
  if (!spells) grantMemo.set(changes, (spells = deriveOpenClose(changes)));
  return spells;
}

function deriveOpenClose(changes: GrantChanges): { start: Span; end: Span | null; eventIds: string[] }[] {
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

/** Each participant's spell under an instrument and its signature, derived once per set of views. */
interface PartyTimeline {
  readonly participant: string;
  readonly signature: Span | null;
  readonly signed: string | null;
  readonly spell: { readonly start: Span; readonly end: Span | null } | null;
  readonly coarse: boolean;
}

function partyTimelines(source: ViewSource, instrument: InstrumentView): PartyTimeline[] {
  return source.memo(`party-timelines\u0000${instrument.id}`, () =>
    [...instrument.parties.values()]
      .map((record) => {
        const party = partySpell(instrument, record, source);
        const spell = party.start === null ? null : { start: party.start, end: party.end };
        return {
          participant: record.participant,
          signature: record.signature?.span ?? null,
          signed: record.signature?.date ?? null,
          spell,
          coarse: spell !== null && hasCoarseDates([spell]),
        };
      })
      .sort((a, b) => byText(a.participant, b.participant)),
  );
}

function instrumentRow(source: ViewSource, instrument: InstrumentView, day: string, uncertain: UncertainRow[]): InstrumentRow | null {
  if (!instrument.adopted || !hasTakenEffect(instrument.adopted.span, day)) return null;
  const general = generalEntryIntoForce(instrument);
  const inForce = general.governing !== null && hasTakenEffect(general.governing, day);
  if (general.governing && isUncertainOn(general.governing, day)) {
    uncertain.push({ subject: instrument.id, status: 'in-force', from: general.governing.from, to: general.governing.to, because: `entry into force on ${general.governing.label}, known only to a period` });
  }
  const parties: string[] = [];
  for (const { participant, spell, coarse } of partyTimelines(source, instrument)) {
    if (spell === null) continue;
    if (coarse) collectUncertainties(uncertain, [spell], day, instrument.id, participant, 'party');
    if (holdsOn(spell, day)) parties.push(participant);
  }
  const row: InstrumentRow = { id: instrument.id, inForce, since: inForce && general.governing ? general.governing.label : null, parties };
  return general.disagreement ? { ...row, disagreement: { derived: general.derived?.label ?? null, reported: general.reported?.label ?? null } } : row;
}

/** Signatories not bound on the day: signed, and neither a party yet nor gone. */
function signatories(source: ViewSource, instruments: readonly InstrumentView[], day: string): SignatoryRow[] {
  const rows: SignatoryRow[] = [];
  for (const instrument of instruments) {
    for (const { participant, signature, signed, spell } of partyTimelines(source, instrument)) {
      if (signature === null || signed === null || !hasTakenEffect(signature, day)) continue;
      if (spell !== null && hasTakenEffect(spell.start, day)) continue;
      rows.push({ participant, instrument: instrument.id, since: signed });
    }
  }
  return rows;
}

function deployments(source: ViewSource, organisation: string, day: string, uncertain: UncertainRow[]): DeploymentRow[] {
  const rows: DeploymentRow[] = [];
  for (const id of [...new Set(source.deploymentsOf(organisation))].sort(byText)) {
    const view = source.deployment(id);
    const requested = view?.requested;
    if (!view || !requested || requested.organisation !== organisation) continue;
    const steps = deploymentSteps(view);
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

export type DeploymentStep = readonly [DeploymentRow['status'] | 'ended', Dated | null | undefined];

/** A deployment's phases in order, each with the fact that began it (none when the record has not reached it). */
export function deploymentSteps(view: DeploymentView): DeploymentStep[] {
  return [
    ['requested', view.requested],
    ['authorized', view.authorized],
    ['active', view.contingents[0]],
    ['withdrawing', view.withdrawalStarted],
    ['ended', view.ended],
  ];
}
