import type { StateQuery } from './query';
import {
  boundSpells,
  partiesOf,
  partyDays,
  type PartyDays,
  type Signatory,
} from '../record/instrument-rules';
import { firstDayOfRun, foundingOf } from '../record/membership';
import { memberTimelines } from './member-timelines';
import { grants, type GrantRow } from './grant-rows';
import {
  collectUncertainties,
  dayNumber,
  hasTakenEffect,
  isUncertainOn,
  lastEndBy,
  spellMaybeOn,
  spellOn,
  type UncertainRow,
} from '../time/span';
import type { OrganisationView } from '../record/subject-views';
import { disputedRows, disputesOn, withDispute, type Disputed } from '../record/disputes';
import type { ViewSource } from '../record/view-source';
import {
  byText,
  DEPLOYMENT_PHASES,
  openClose,
  organisationDeployments,
  organisationInstruments,
  type DeploymentPhaseName,
} from '../record/organisation-record';
import {
  entryIntoForceDoubt,
  inForceOn,
  undeterminedBy,
  unknownPartiesDoubt,
  type Undetermined,
} from './rows';

export type { UncertainRow } from '../time/span';
export type { Undetermined } from './rows';
export type { GrantRow } from './grant-rows';

export interface MemberRow {
  readonly participant: string;
  readonly status: 'active' | 'suspended' | 'frozen';
  /** Instrument id membership rests on. */
  readonly basis: string;
  /** First day of the unbroken membership (across the predecessor → founding instrument handover). */
  readonly since: string;
  /** First day of the current status. */
  readonly statusSince: string;
  readonly undetermined?: Undetermined;
  /** The facts the row rests on: membership's beginning (and end, or notice), the current status's. */
  readonly eventIds: readonly string[];
  readonly disputed?: Disputed;
}

export interface SignatoryRow {
  readonly participant: string;
  readonly instrument: string;
  readonly since: string;
  readonly eventIds: readonly string[];
  readonly disputed?: Disputed;
}

export interface ExternalStatusRow {
  readonly body: string;
  readonly status: string;
  readonly since: string;
  readonly undetermined?: Undetermined;
  readonly eventIds: readonly string[];
  readonly disputed?: Disputed;
}

export interface InstrumentRow {
  readonly id: string;
  /**
   * In force on the day; `undetermined` when the day falls inside the period its entry into force is known to
   * (a range "no later than …", a month, a year), given in `undetermined`.
   */
  readonly inForce: boolean | 'undetermined';
  /** Entry into force as governing (derived, else reported); null when not (surely) in force on the day. */
  readonly since: string | null;
  readonly undetermined?: Undetermined;
  readonly parties: readonly string[];
  readonly disagreement?: { readonly derived: string | null; readonly reported: string | null };
  /** Its adoption and the facts its entry into force rests on (the consents the clause counts, any report). */
  readonly eventIds: readonly string[];
  readonly disputed?: Disputed;
}

export interface DeploymentRow {
  readonly id: string;
  readonly host: string;
  readonly status: 'requested' | 'authorized' | 'active' | 'withdrawing';
  readonly contributors: readonly string[];
  /** The facts of each phase reached and of each contingent arrived. */
  readonly eventIds: readonly string[];
  readonly disputed?: Disputed;
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
  /** Operations present on the day: contingents arrived (`active`) or leaving (`withdrawing`, still present). */
  readonly deployments: readonly DeploymentRow[];
  /** Operations requested or authorised that no contingent has reached yet. */
  readonly pendingDeployments: readonly DeploymentRow[];
  readonly uncertain: readonly UncertainRow[];
}

export function composeState(source: ViewSource, query: StateQuery): OrganisationState {
  const { organisation: id, asOf: day } = query;
  const organisation = source.organisation(id);
  const uncertain: UncertainRow[] = [];
  const founding = organisation ? foundingOf(source, organisation) : null;
  if (founding && isUncertainOn(founding, day)) {
    uncertain.push({
      subject: id,
      status: 'exists',
      from: founding.from,
      to: founding.to,
      because: `the founding instrument enters into force on ${founding.label}, known only to a period`,
    });
  }
  const instruments = organisation
    ? instrumentsInDays(source, organisation)
    : organisationInstruments(source, id).map((view) => partyDays(source, view));
  const exists = founding !== null && hasTakenEffect(founding, day);
  const disputes = disputesOn(source, id, day);
  // Disputes are rare: the rows as they are, with no copy of each list, when none matters on the day.
  const flag = <R extends { readonly eventIds: readonly string[] }>(rows: readonly R[]): readonly R[] =>
    disputes.size === 0 ? rows : rows.map((row) => withDispute(row, disputes));
  const today = dayNumber(day);
  const present = deployments(source, id, day, uncertain);
  const state: OrganisationState = {
    organisation: id,
    asOf: day,
    knownAt: query.knownAt ?? null,
    exists,
    members: flag(organisation ? members(source, organisation, exists, day, uncertain) : []),
    signatories: flag(signatories(instruments, today)),
    observers: flag(organisation ? grants(source, organisation, 'observer', day, today, uncertain) : []),
    partners: flag(organisation ? grants(source, organisation, 'partner', day, today, uncertain) : []),
    externalStatuses: flag(organisation ? externalStatuses(organisation, day, uncertain) : []),
    instruments: flag(
      instruments
        .map((instrument) => instrumentRow(source, instrument, day, today, uncertain))
        .filter((row) => row !== null),
    ),
    deployments: flag(present.deployments),
    pendingDeployments: flag(present.pendingDeployments),
    uncertain,
  };
  uncertain.push(...disputedRows(disputes, source, id));
  return state;
}

/**
 * The members on the day. Before the organisation exists, its members are the parties to the predecessor treaty
 * (basis: the treaty; `exists` is false); from its founding, the members of the organisation itself.
 */
function members(
  source: ViewSource,
  organisation: OrganisationView,
  exists: boolean,
  day: string,
  uncertain: UncertainRow[],
): MemberRow[] {
  const rows: MemberRow[] = [];
  for (const timeline of memberTimelines(source, organisation)) {
    const { participant, suspended, frozen, coarse } = timeline;
    const spells = exists ? timeline.spells : timeline.predecessor;
    if (coarse)
      collectUncertainties(
        uncertain,
        spells,
        day,
        exists ? 'membership' : (spells[0]?.basis ?? 'membership'),
        participant,
        exists ? 'member' : 'party',
      );
    // A timeline dated to the day leaves no day in doubt: its spell is found without an object to say so.
    const found = coarse ? spellMaybeOn(spells, day) : undefined;
    const spell = coarse ? found?.spell : spellOn(spells, day);
    if (spell === undefined) continue;
    if (coarse) {
      collectUncertainties(uncertain, suspended, day, 'membership', participant, 'suspended');
      collectUncertainties(uncertain, frozen, day, 'membership', participant, 'frozen');
    }
    // Statuses never overlap (see statusSpells): at most one holds.
    const current = spellOn(suspended, day) ?? spellOn(frozen, day);
    const since = firstDayOfRun(spells, spell);
    // The later of the two last ends, read one after the other: a list of the two was an allocation per member per question.
    let statusSince = since;
    const suspensionEnded = lastEndBy(suspended, day);
    if (suspensionEnded !== null && suspensionEnded.from > statusSince.from) statusSince = suspensionEnded;
    const freezeEnded = lastEndBy(frozen, day);
    if (freezeEnded !== null && freezeEnded.from > statusSince.from) statusSince = freezeEnded;
    // Only a date known to a period leaves a day in doubt: a timeline dated to the day is not searched for one.
    const doubt = coarse
      ? (found?.doubt ?? spellMaybeOn(suspended, day)?.doubt ?? spellMaybeOn(frozen, day)?.doubt)
      : undefined;
    const status = current ? current.status : 'active';
    const statusFrom = current ? current.start.label : statusSince.label;
    const eventIds = current ? [...spell.eventIds, ...current.eventIds] : spell.eventIds;
    // Written out rather than spread: a question makes a row per member.
    rows.push(
      doubt === undefined
        ? { participant, status, basis: spell.basis, since: since.label, statusSince: statusFrom, eventIds }
        : {
            participant,
            status,
            basis: spell.basis,
            since: since.label,
            statusSince: statusFrom,
            undetermined: { from: doubt.from, to: doubt.to },
            eventIds,
          },
    );
  }
  return rows;
}

function externalStatuses(
  organisation: OrganisationView,
  day: string,
  uncertain: UncertainRow[],
): ExternalStatusRow[] {
  const rows: ExternalStatusRow[] = [];
  for (const record of organisation.external.values()) {
    const spells = openClose(record.changes);
    collectUncertainties(uncertain, spells, day, record.body, undefined, record.status);
    const found = spellMaybeOn(spells, day);
    if (found)
      rows.push({
        body: record.body,
        status: record.status,
        since: found.spell.start.label,
        ...undeterminedBy(found.doubt),
        eventIds: found.spell.eventIds,
      });
  }
  return rows.sort((a, b) => byText(a.body, b.body) || byText(a.status, b.status));
}

/**
 * The participants bound on the day (`today`, its `dayNumber`): those with a period that binds from that day or
 * earlier and has not ended by then. A party's periods come in the order of its consents, not of their starts (a period
 * bound by a report can begin before an earlier one bound by the general entry into force): each is looked at.
 */
function partiesOn(days: PartyDays, today: number): readonly string[] {
  // Most days asked about an instrument come after every period has begun or ended: one list serves them all.
  if (today >= days.settledFrom) return (days.settledParties ??= Object.freeze(partiesBoundOn(days, today)));
  return partiesBoundOn(days, today);
}

function partiesBoundOn(days: PartyDays, today: number): string[] {
  const { participants } = days;
  // Counted first, then listed in a list made at its length: a list grown by `push` to forty parties is made three times.
  let count = 0;
  for (let party = 0; party < participants.length; party++) if (isBoundOn(days, party, today)) count += 1;
  const parties = new Array<string>(count);
  let at = 0;
  for (let party = 0; party < participants.length; party++)
    if (isBoundOn(days, party, today)) parties[at++] = participants[party] as string;
  return parties;
}

/** Whether one of the party's periods binds it on the day. */
function isBoundOn(days: PartyDays, party: number, today: number): boolean {
  const { firstPeriod, boundFrom, boundUntil } = days;
  for (let at = firstPeriod[party] as number; at < (firstPeriod[party + 1] as number); at++) {
    if ((boundFrom[at] as number) <= today && today < (boundUntil[at] as number)) return true;
  }
  return false;
}

/**
 * The organisation's instruments with their parties in days, found once per set of views: a question reads them all,
 * and one lookup then serves where three per instrument did.
 */
function instrumentsInDays(source: ViewSource, organisation: OrganisationView): readonly PartyDays[] {
  return source.memo(organisation, 'instruments-in-days', () =>
    organisationInstruments(source, organisation.id).map((view) => partyDays(source, view)),
  );
}

function instrumentRow(
  source: ViewSource,
  days: PartyDays,
  day: string,
  today: number,
  uncertain: UncertainRow[],
): InstrumentRow | null {
  const { view: instrument, general } = days;
  if (!instrument.adopted || !hasTakenEffect(instrument.adopted.span, day)) return null;
  const { inForce, doubt } = inForceOn(general.governing, day);
  if (doubt) uncertain.push(entryIntoForceDoubt(instrument.id, doubt));
  // Only a start or end known to a period can make a day uncertain (exact ones add no row).
  if (days.coarse)
    partiesOf(source, instrument).forEach((periods, participant) =>
      collectUncertainties(uncertain, boundSpells(periods), day, instrument.id, participant, 'party'),
    );
  const parties = partiesOn(days, today);
  const unbound = general.derived === null && inForce !== false ? signatoriesOf(days, today) : NO_SIGNATORIES;
  if (general.governing !== null && unbound.length > 0)
    uncertain.push(
      unknownPartiesDoubt(
        instrument.id,
        general.governing,
        unbound.map((row) => row.participant),
        day,
      ),
    );
  const eventIds = days.eventIds;
  const since = inForce === true && general.governing ? general.governing.label : null;
  // Written out rather than spread: a question makes a row per instrument.
  const row: InstrumentRow =
    doubt === undefined
      ? { id: instrument.id, inForce, since, parties, eventIds }
      : {
          id: instrument.id,
          inForce,
          since,
          undetermined: { from: doubt.from, to: doubt.to },
          parties,
          eventIds,
        };
  return general.disagreement
    ? {
        ...row,
        disagreement: { derived: general.derived?.label ?? null, reported: general.reported?.label ?? null },
      }
    : row;
}

/**
 * Signatories not bound on the day: the latest period in which the participant had signed by the day has not bound
 * it yet (a party that left and signed anew is a signatory again).
 */
function signatories(instruments: readonly PartyDays[], today: number): SignatoryRow[] {
  return instruments.flatMap((days) => signatoriesOf(days, today));
}

/** Most instruments on most days have no signatory not yet bound: one empty list for them all. */
const NO_SIGNATORIES: readonly SignatoryRow[] = Object.freeze([]);

function signatoriesOf(days: PartyDays, today: number): readonly SignatoryRow[] {
  if (today < days.signatoriesFrom || today >= days.signatoriesUntil) return NO_SIGNATORIES;
  const { participants, firstPeriod, boundFrom, signedFrom } = days;
  const rows: SignatoryRow[] = [];
  for (let party = 0; party < participants.length; party++) {
    const first = firstPeriod[party] as number;
    // The latest period signed by the day.
    let signed = (firstPeriod[party + 1] as number) - 1;
    while (signed >= first && (signedFrom[signed] as number) > today) signed -= 1;
    if (signed < first || (boundFrom[signed] as number) <= today) continue;
    rows.push(signatoryOf(days, party, signed));
  }
  return rows;
}

/**
 * The signatory of a signed period of the party at `party` (its index in `participants`): the same on every day it
 * is signed and not bound, so made once and shared by every answer (a row and a list of its fact for each signatory,
 * each question on an early day, was a tenth of what as-of questions allocated, sampled at 200k events).
 */
function signatoryOf(days: PartyDays, party: number, period: number): Signatory {
  return (days.signatories[period] ??= signatoryRow(days, party, period));
}

function signatoryRow(days: PartyDays, party: number, period: number): Signatory {
  const signature = days.signatures[period];
  if (signature === undefined) throw new Error(`period ${period} of ${days.view.id} has no signature`);
  // Frozen: every answer on the days the period is signed but not bound shares it.
  return Object.freeze({
    participant: days.participants[party] as string,
    instrument: days.view.id,
    since: signature.date,
    eventIds: [signature.eventId],
  });
}

const PRESENT: ReadonlySet<DeploymentRow['status']> = new Set(['active', 'withdrawing']);

function deployments(
  source: ViewSource,
  organisation: string,
  day: string,
  uncertain: UncertainRow[],
): Pick<OrganisationState, 'deployments' | 'pendingDeployments'> {
  const present: DeploymentRow[] = [];
  const pending: DeploymentRow[] = [];
  for (const view of organisationDeployments(source, organisation)) {
    const { id, requested } = view;
    // One pass over the phases and one over the contingents, each fact once: every question lists every deployment.
    let status: DeploymentPhaseName | undefined;
    const eventIds: string[] = [];
    for (const [phase, step] of DEPLOYMENT_PHASES) {
      const at = step(view);
      if (!at) continue;
      if (isUncertainOn(at.span, day))
        uncertain.push({
          subject: id,
          status: phase,
          from: at.span.from,
          to: at.span.to,
          because: `${phase} on ${at.date}, known only to a period`,
        });
      if (!hasTakenEffect(at.span, day)) continue;
      status = phase;
      if (!eventIds.includes(at.eventId)) eventIds.push(at.eventId);
    }
    if (status === undefined || status === 'ended') continue;
    const contributors: string[] = [];
    for (const contingent of view.contingents) {
      if (!hasTakenEffect(contingent.span, day)) continue;
      if (!contributors.includes(contingent.contributor)) contributors.push(contingent.contributor);
      if (!eventIds.includes(contingent.eventId)) eventIds.push(contingent.eventId);
    }
    (PRESENT.has(status) ? present : pending).push({
      id,
      host: requested.host,
      status,
      contributors: contributors.sort(byText),
      eventIds,
    });
  }
  return { deployments: present, pendingDeployments: pending };
}
