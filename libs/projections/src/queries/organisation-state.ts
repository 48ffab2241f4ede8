import type { StateQuery } from './query';
import { boundSpells, partiesOf, partyDays, signatoryOf, type PartyDays } from '../record/instrument-rules';
import { firstDayOfRun, foundingOf } from '../record/membership';
import { memberTimelines } from './member-timelines';
import { collectUncertainties, dayNumber, NEVER, hasCoarseDates, hasTakenEffect, isUncertainOn, lastEndBy, spellMaybeOn, spellOn, type UncertainRow } from '../time/span';
import { changesAt, isInRecordedOrder, type OrganisationView, type StatusChange } from '../record/subject-views';
import { disputedRows, disputesOn, withDispute, type Disputed } from '../record/disputes';
import type { ViewSource } from '../record/view-source';
import { byText, DEPLOYMENT_PHASES, inAnswerOrder, openClose, organisationDeployments, organisationInstruments, type DeploymentPhaseName, type GrantSpell } from '../record/organisation-record';
import { entryIntoForceDoubt, inForceOn, undeterminedBy, unknownPartiesDoubt, type Undetermined } from './rows';

export type { UncertainRow } from '../time/span';
export type { Undetermined } from './rows';

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

export interface GrantRow {
  readonly participant: string;
  readonly body: string;
  readonly since: string;
  readonly undetermined?: Undetermined;
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
    uncertain.push({ subject: id, status: 'exists', from: founding.from, to: founding.to, because: `the founding instrument enters into force on ${founding.label}, known only to a period` });
  }
  const instruments = organisation ? instrumentsInDays(source, organisation) : organisationInstruments(source, id).map((view) => partyDays(source, view));
  const exists = founding !== null && hasTakenEffect(founding, day);
  const disputes = disputesOn(source, id, day);
  // Disputes are rare: the rows as they are, with no copy of each list, when none matters on the day.
  const flag = <R extends { readonly eventIds: readonly string[] }>(rows: readonly R[]): readonly R[] => (disputes.size === 0 ? rows : rows.map((row) => withDispute(row, disputes)));
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
    instruments: flag(instruments.map((instrument) => instrumentRow(source, instrument, day, today, uncertain)).filter((row) => row !== null)),
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
function members(source: ViewSource, organisation: OrganisationView, exists: boolean, day: string, uncertain: UncertainRow[]): MemberRow[] {
  const rows: MemberRow[] = [];
  for (const timeline of memberTimelines(source, organisation)) {
    const { participant, suspended, frozen, coarse } = timeline;
    const spells = exists ? timeline.spells : timeline.predecessor;
    if (coarse) collectUncertainties(uncertain, spells, day, exists ? 'membership' : (spells[0]?.basis ?? 'membership'), participant, exists ? 'member' : 'party');
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
    const doubt = coarse ? (found?.doubt ?? spellMaybeOn(suspended, day)?.doubt ?? spellMaybeOn(frozen, day)?.doubt) : undefined;
    const status = current ? current.status : 'active';
    const statusFrom = current ? current.start.label : statusSince.label;
    const eventIds = current ? [...spell.eventIds, ...current.eventIds] : spell.eventIds;
    // Written out rather than spread: a question makes a row per member.
    rows.push(
      doubt === undefined
        ? { participant, status, basis: spell.basis, since: since.label, statusSince: statusFrom, eventIds }
        : { participant, status, basis: spell.basis, since: since.label, statusSince: statusFrom, undetermined: { from: doubt.from, to: doubt.to }, eventIds },
    );
  }
  return rows;
}

interface GrantTimeline {
  readonly participant: string;
  readonly body: string;
  /** The changes the spells are of: a past view cut from the latest one keeps the timeline where it keeps them all. */
  readonly changes: readonly StatusChange[];
  readonly spells: readonly GrantSpell[];
  readonly coarse: boolean;
}

type GrantTimelines = Readonly<Record<'observer' | 'partner', readonly GrantTimeline[]>>;

/** Each role's grants, derived once per set of views: a query reads only the role it lists. */
function grantTimelines(source: ViewSource, organisation: OrganisationView): GrantTimelines {
  return source.memo(organisation, 'grant-timelines', () => {
    const byRole: Record<'observer' | 'partner', GrantTimeline[]> = { observer: [], partner: [] };
    for (const { role, participant, body, changes } of inAnswerOrder(organisation)) {
      const spells = openClose(changes);
      byRole[role].push({ participant, body, changes, spells, coarse: hasCoarseDates(spells) });
    }
    return byRole;
  });
}

/**
 * Each role's grant spells as days in numbers (`dayNumber`), in the order of the timelines: a question reads every
 * grant of the role, and compares numbers for those dated to the day rather than reading each timeline's spells and
 * spans. Built once per set of views. Each spell keeps the recorded positions of the changes that opened and closed
 * it, so that a past view cut from this one reads its grants from here (`grantSpellsAt`).
 */
interface GrantDays {
  /** 1 for a timeline with a date known only to a period (read the long way), 0 for one dated to the day. */
  readonly coarse: Int32Array;
  /** 1 for a timeline whose changes were recorded in their effective order: the changes recorded by any cutoff are a prefix. */
  readonly inOrder: Int32Array;
  /** Where each timeline's spells begin below, and one more entry: where the last ones end. */
  readonly firstSpell: Int32Array;
  /** The day from which a spell surely holds, and the day from which it surely no longer does (`NEVER`: open). */
  readonly from: Int32Array;
  readonly until: Int32Array;
  /** The recorded positions of the change that opened each spell and of the one that closed it (Infinity: open). */
  readonly opened: Float64Array;
  readonly closed: Float64Array;
  /**
   * The row of each spell, made when first due: it is the same on every day the spell holds and is not in doubt, so
   * every answer shares it rather than making its own (grant rows were a third of what an as-of question
   * allocated, sampled at 200k events).
   */
  readonly rows: (GrantRow | undefined)[];
}

function grantDays(source: ViewSource, organisation: OrganisationView): Readonly<Record<'observer' | 'partner', GrantDays>> {
  return source.memo(organisation, 'grant-days', () => {
    const timelines = grantTimelines(source, organisation);
    return { observer: grantDaysOf(timelines.observer), partner: grantDaysOf(timelines.partner) };
  });
}

function grantDaysOf(timelines: readonly GrantTimeline[]): GrantDays {
  let spells = 0;
  for (const timeline of timelines) spells += timeline.spells.length;
  // The columns over one buffer each for integers and positions: a buffer of its own each is an allocation outside the heap.
  const columns = new Int32Array(3 * timelines.length + 1 + 2 * spells);
  const coarse = columns.subarray(0, timelines.length);
  const inOrder = columns.subarray(timelines.length, 2 * timelines.length);
  const firstSpell = columns.subarray(2 * timelines.length, 3 * timelines.length + 1);
  const from = columns.subarray(3 * timelines.length + 1, 3 * timelines.length + 1 + spells);
  const until = columns.subarray(3 * timelines.length + 1 + spells);
  const positions = new Float64Array(2 * spells);
  const opened = positions.subarray(0, spells);
  const closed = positions.subarray(spells);
  let at = 0;
  timelines.forEach((timeline, index) => {
    firstSpell[index] = at;
    coarse[index] = timeline.coarse ? 1 : 0;
    inOrder[index] = isInRecordedOrder(timeline.changes) ? 1 : 0;
    // A spell's event ids are those of the changes that opened and closed it, met in this order in the changes.
    const { changes } = timeline;
    let change = 0;
    for (const spell of timeline.spells) {
      from[at] = spell.start.toDay;
      until[at] = spell.end === null ? NEVER : spell.end.toDay;
      while ((changes[change] as StatusChange).eventId !== spell.eventIds[0]) change += 1;
      opened[at] = (changes[change] as StatusChange).position;
      if (spell.end === null) closed[at] = Infinity;
      else {
        while ((changes[change] as StatusChange).eventId !== spell.eventIds[1]) change += 1;
        closed[at] = (changes[change] as StatusChange).position;
      }
      at += 1;
    }
  });
  firstSpell[timelines.length] = at;
  return { coarse, inOrder, firstSpell, from, until, opened, closed, rows: new Array<GrantRow | undefined>(spells) };
}

/** A role's grant timelines and their days, and the recorded position up to which a question reads their changes. */
interface GrantsRead {
  readonly timelines: readonly GrantTimeline[];
  readonly days: GrantDays;
  readonly cutoff: number;
}

/**
 * What a question reads of a role's grants. A past view cut from the latest one (the fold of the facts recorded up to
 * its cutoff) reads the latest view's timelines and days, up to the cutoff, rather than deriving its own: a past
 * record's question mostly meets a view cut partway, and folding each of its grants again, with a table of days per
 * past record, was about a quarter of such a question's time (measured at 200k events).
 */
function grantsRead(source: ViewSource, organisation: OrganisationView, role: 'observer' | 'partner'): GrantsRead {
  const cut = organisation.cutFrom;
  const latest = cut && source.latestValue(cut.view, 'grant-timelines', (latestSource) => grantTimelines(latestSource, cut.view));
  const latestDays = cut && source.latestValue(cut.view, 'grant-days', (latestSource) => grantDays(latestSource, cut.view));
  if (cut !== undefined && latest !== undefined && latestDays !== undefined) return { timelines: latest[role], days: latestDays[role], cutoff: cut.cutoff };
  return { timelines: grantTimelines(source, organisation)[role], days: grantDays(source, organisation)[role], cutoff: Infinity };
}

/** A timeline with no change recorded by a cutoff. */
const NO_SPELLS: readonly GrantSpell[] = Object.freeze([]);

/**
 * The spells of one timeline's changes recorded up to `cutoff` (`openClose` of those). Changes recorded in effective
 * order leave a prefix at any cutoff, whose spells are the latest ones opened by then, the last reopened when the
 * change that closed it came later; the others are folded again (a grant has a change or two).
 */
function grantSpellsAt(timeline: GrantTimeline, days: GrantDays, index: number, cutoff: number): readonly GrantSpell[] {
  if (days.inOrder[index] === 0) {
    const changes = changesAt(timeline.changes, cutoff);
    return changes === timeline.changes ? timeline.spells : openClose(changes);
  }
  const first = days.firstSpell[index] as number;
  const end = days.firstSpell[index + 1] as number;
  let kept = first;
  while (kept < end && (days.opened[kept] as number) <= cutoff) kept += 1;
  if (kept === first) return NO_SPELLS;
  const reopened = (days.closed[kept - 1] as number) > cutoff;
  if (kept === end && !reopened) return timeline.spells;
  const spells = timeline.spells.slice(0, kept - first);
  if (reopened) spells[spells.length - 1] = reopen(spells[spells.length - 1] as GrantSpell);
  return spells;
}

/** A spell whose closing change is not recorded yet: open, resting on its opening change alone (as `openClose` makes it). */
function reopen(spell: GrantSpell): GrantSpell {
  return { start: spell.start, end: null, eventIds: spell.eventIds.slice(0, 1) };
}

function grants(source: ViewSource, organisation: OrganisationView, role: 'observer' | 'partner', day: string, today: number, uncertain: UncertainRow[]): GrantRow[] {
  const { timelines, days, cutoff } = grantsRead(source, organisation, role);
  const { coarse, inOrder, firstSpell, from, until, opened, closed, rows: spellRows } = days;
  // At most a row per timeline: a list made at that length and cut to the rows due, where one grown by `push` to the
  // hundred rows and more of most answers is made five times over.
  const rows = new Array<GrantRow>(timelines.length);
  let count = 0;
  for (let index = 0; index < timelines.length; index++) {
    if (coarse[index] === 1 || (inOrder[index] === 0 && cutoff !== Infinity)) {
      const record = timelines[index] as GrantTimeline;
      const spells = cutoff === Infinity ? record.spells : grantSpellsAt(record, days, index, cutoff);
      // Read the long way: spells dated to the day give no uncertainty there, and the spell that holds.
      collectUncertainties(uncertain, spells, day, record.body, record.participant, role);
      const found = spellMaybeOn(spells, day);
      if (found === undefined) continue;
      const { spell, doubt } = found;
      if (doubt === undefined) {
        // Not in doubt on the day: the spell's row, as on any other day it holds; a spell reopened or folded again up
        // to a cutoff is not the timeline's own, and has a row of its own.
        const at = record.spells.indexOf(spell);
        rows[count++] = at < 0 ? grantRow(record, spell, spell.eventIds) : (spellRows[(firstSpell[index] as number) + at] ??= spellRow(record, at));
      } else {
        rows[count++] = { participant: record.participant, body: record.body, since: spell.start.label, undetermined: { from: doubt.from, to: doubt.to }, eventIds: spell.eventIds };
      }
      continue;
    }
    // Spells dated to the day do not overlap: at most one holds, and none is in doubt. The timeline is read for its row
    // only. Up to a cutoff, the changes recorded by then are a prefix: the spells opened by then, the last one still
    // open if its closing change came later.
    const first = firstSpell[index] as number;
    for (let at = first; at < (firstSpell[index + 1] as number); at++) {
      if ((opened[at] as number) > cutoff) break;
      const closes = (closed[at] as number) <= cutoff;
      if ((from[at] as number) <= today && today < (closes ? (until[at] as number) : NEVER)) {
        const record = timelines[index] as GrantTimeline;
        const spell = record.spells[at - first] as GrantSpell;
        // A spell whose closing change is not recorded by the cutoff rests on its opening change alone: a row of its own.
        rows[count++] = closes || spell.end === null ? (spellRows[at] ??= spellRow(record, at - first)) : grantRow(record, spell, spell.eventIds.slice(0, 1));
        break;
      }
    }
  }
  rows.length = count;
  return rows;
}

/**
 * The row of a timeline's spell `index` on the days it holds and is not in doubt: made once, shared by every answer.
 * A literal of its own rather than `grantRow`'s: V8 makes a literal's objects in the old generation once most of them
 * outlive a scavenge, as these do, and the rows a past record's question made for itself were then old objects holding
 * young lists, which every scavenge promoted (2.5 KB per question, measured at 200k events).
 */
function spellRow(timeline: GrantTimeline, index: number): GrantRow {
  const spell = timeline.spells[index] as GrantSpell;
  return Object.freeze({ participant: timeline.participant, body: timeline.body, since: spell.start.label, eventIds: spell.eventIds });
}

function grantRow(timeline: GrantTimeline, spell: GrantSpell, eventIds: readonly string[]): GrantRow {
  return { participant: timeline.participant, body: timeline.body, since: spell.start.label, eventIds };
}

function externalStatuses(organisation: OrganisationView, day: string, uncertain: UncertainRow[]): ExternalStatusRow[] {
  const rows: ExternalStatusRow[] = [];
  for (const record of organisation.external.values()) {
    const spells = openClose(record.changes);
    collectUncertainties(uncertain, spells, day, record.body, undefined, record.status);
    const found = spellMaybeOn(spells, day);
    if (found) rows.push({ body: record.body, status: record.status, since: found.spell.start.label, ...undeterminedBy(found.doubt), eventIds: found.spell.eventIds });
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
  for (let party = 0; party < participants.length; party++) if (isBoundOn(days, party, today)) parties[at++] = participants[party] as string;
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
  return source.memo(organisation, 'instruments-in-days', () => organisationInstruments(source, organisation.id).map((view) => partyDays(source, view)));
}

function instrumentRow(source: ViewSource, days: PartyDays, day: string, today: number, uncertain: UncertainRow[]): InstrumentRow | null {
  const { view: instrument, general } = days;
  if (!instrument.adopted || !hasTakenEffect(instrument.adopted.span, day)) return null;
  const { inForce, doubt } = inForceOn(general.governing, day);
  if (doubt) uncertain.push(entryIntoForceDoubt(instrument.id, doubt));
  // Only a start or end known to a period can make a day uncertain (exact ones add no row).
  if (days.coarse) partiesOf(source, instrument).forEach((periods, participant) => collectUncertainties(uncertain, boundSpells(periods), day, instrument.id, participant, 'party'));
  const parties = partiesOn(days, today);
  const unbound = general.derived === null && inForce !== false ? signatoriesOf(days, today) : NO_SIGNATORIES;
  if (general.governing !== null && unbound.length > 0) uncertain.push(unknownPartiesDoubt(instrument.id, general.governing, unbound.map((row) => row.participant), day));
  const eventIds = days.eventIds;
  const since = inForce === true && general.governing ? general.governing.label : null;
  // Written out rather than spread: a question makes a row per instrument.
  const row: InstrumentRow = doubt === undefined ? { id: instrument.id, inForce, since, parties, eventIds } : { id: instrument.id, inForce, since, undetermined: { from: doubt.from, to: doubt.to }, parties, eventIds };
  return general.disagreement ? { ...row, disagreement: { derived: general.derived?.label ?? null, reported: general.reported?.label ?? null } } : row;
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
      if (isUncertainOn(at.span, day)) uncertain.push({ subject: id, status: phase, from: at.span.from, to: at.span.to, because: `${phase} on ${at.date}, known only to a period` });
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
    (PRESENT.has(status) ? present : pending).push({ id, host: requested.host, status, contributors: contributors.sort(byText), eventIds });
  }
  return { deployments: present, pendingDeployments: pending };
}
