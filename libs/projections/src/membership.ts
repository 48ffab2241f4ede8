import { withdrawalEffectiveDate } from '@app/domain';
import { generalEntryIntoForce, partySpell } from './instrument-rules';
import { compareSpans, hasTakenEffect, isExact, isUncertainOn, laterSpan, sameSpan, spanOfPeriod, type Span } from './span';
import type { OrganisationView } from './subject-views';
import type { ViewSource } from './view-source';

/** A spell of membership: from its first day to the first day it no longer holds (null: still open). */
export interface MemberSpell {
  readonly start: Span;
  readonly end: Span | null;
  /** The instrument membership rests on: the predecessor treaty, the admission's basis, or the founding instrument. */
  readonly basis: string;
  readonly eventIds: readonly string[];
}

export interface StatusSpell {
  readonly status: 'suspended' | 'frozen';
  readonly start: Span;
  readonly end: Span | null;
  readonly eventIds: readonly string[];
}

/** A change in doubt on the day asked about: it happened somewhere in `from`…`to`. */
export interface UncertainRow {
  readonly subject: string;
  readonly participant?: string;
  readonly status: string;
  readonly from: string;
  readonly to: string;
  readonly because: string;
}

/** When the organisation exists: its founding instrument's entry into force, as governing (derived, else reported). */
export function foundingOf(source: ViewSource, organisation: OrganisationView): Span | null {
  const founding = organisation.established && source.instrument(organisation.established.foundingInstrument);
  return founding ? generalEntryIntoForce(founding).governing : null;
}

/** Everyone the organisation's membership may concern: its own records, the predecessor's and the founding instrument's parties. */
export function candidateMembers(source: ViewSource, organisation: OrganisationView): Set<string> {
  return source.memo(`candidates\u0000${organisation.id}`, () => deriveCandidates(source, organisation));
}

function deriveCandidates(source: ViewSource, organisation: OrganisationView): Set<string> {
  const candidates = new Set(organisation.members.keys());
  for (const id of [organisation.established?.predecessorInstrument, organisation.established?.foundingInstrument]) {
    const instrument = id === undefined ? undefined : source.instrument(id);
    for (const participant of instrument?.parties.keys() ?? []) candidates.add(participant);
  }
  return candidates;
}

/**
 * Membership spells of one participant, in effective order.
 *
 * Before the founding instrument is in force, the members are the parties to the predecessor instrument (basis:
 * the predecessor). From then on, a participant the organisation's own stream admits is a member by those records
 * (basis: the admission's), and a participant the stream says nothing about is a member while it is a party to
 * the founding instrument (basis: the founding instrument). The organisation's stream, where it speaks, governs:
 * a party to the Charter that the stream records as having left is not a member. Spells that meet with the same
 * basis are joined.
 */
export function membershipSpells(source: ViewSource, organisation: OrganisationView, participant: string): MemberSpell[] {
  return source.memo(`members\u0000${organisation.id}\u0000${participant}`, () => deriveMembershipSpells(source, organisation, participant));
}

function deriveMembershipSpells(source: ViewSource, organisation: OrganisationView, participant: string): MemberSpell[] {
  const founding = foundingOf(source, organisation);
  const spells: MemberSpell[] = [];
  const predecessorId = organisation.established?.predecessorInstrument;
  const predecessor = predecessorId === undefined ? undefined : source.instrument(predecessorId);
  const predecessorRecord = predecessor?.parties.get(participant);
  if (predecessor && predecessorRecord) {
    const party = partySpell(predecessor, predecessorRecord, source);
    if (party.start && (founding === null || compareSpans(party.start, founding) < 0)) {
      const end = founding !== null && (party.end === null || compareSpans(founding, party.end) < 0) ? founding : party.end;
      spells.push({ start: party.start, end, basis: predecessor.id, eventIds: party.eventIds });
    }
  }
  if (founding !== null) spells.push(...organisationEraSpells(source, organisation, participant, founding));
  return joinSpells(spells.sort((a, b) => compareSpans(a.start, b.start)));
}

function organisationEraSpells(source: ViewSource, organisation: OrganisationView, participant: string, founding: Span): MemberSpell[] {
  const changes = organisation.members.get(participant) ?? [];
  const spells: MemberSpell[] = [];
  if (changes.some((c) => c.kind === 'admitted')) {
    let open: { start: Span; basis: string; ids: string[]; notice: Span | null } | null = null;
    const close = (end: Span | null, id?: string): void => {
      if (open === null) return;
      spells.push({ start: open.start, end, basis: open.basis, eventIds: id === undefined ? open.ids : [...open.ids, id] });
      open = null;
    };
    for (const change of changes) {
      if (change.kind === 'admitted' && open === null) {
        open = { start: change.span, basis: change.instrument ?? organisation.id, ids: [change.eventId], notice: null };
      } else if (change.kind === 'ended') {
        close(change.span, change.eventId);
      } else if (change.kind === 'notified' && open !== null) {
        const rules = change.instrument === undefined ? undefined : source.instrument(change.instrument)?.adopted?.rules;
        const effective = rules ? withdrawalEffectiveDate(rules, change.date) : undefined;
        open.notice ??= effective ? spanOfPeriod(effective) : null;
        open.ids.push(change.eventId);
      }
    }
    // A notice ends the spell after the notice period unless the stream records the end itself.
    const pending = open as { notice: Span | null } | null;
    close(pending?.notice ?? null);
  } else {
    const instrument = organisation.established && source.instrument(organisation.established.foundingInstrument);
    const record = instrument?.parties.get(participant);
    if (instrument && record) {
      const party = partySpell(instrument, record, source);
      if (party.start) spells.push({ start: party.start, end: party.end, basis: instrument.id, eventIds: party.eventIds });
    }
  }
  // Membership of the organisation cannot begin before it exists: the part before is the predecessor's.
  return spells
    .map((spell) => ({ ...spell, start: laterSpan(spell.start, founding) }))
    .filter((spell) => spell.end === null || compareSpans(spell.start, spell.end) < 0);
}

function joinSpells(spells: MemberSpell[]): MemberSpell[] {
  const joined: MemberSpell[] = [];
  for (const spell of spells) {
    const last = joined.at(-1);
    if (last?.end && last.basis === spell.basis && sameSpan(last.end, spell.start)) {
      joined[joined.length - 1] = { ...last, end: spell.end, eventIds: [...last.eventIds, ...spell.eventIds] };
    } else {
      joined.push(spell);
    }
  }
  return joined;
}

/** Suspensions (a council decision) and freezes (a unilateral declaration) of one participant. */
const statusMemo = new WeakMap<OrganisationView, Map<string, StatusSpell[]>>();

export function statusSpells(organisation: OrganisationView, participant: string): StatusSpell[] {
  let byParticipant = statusMemo.get(organisation);
  if (!byParticipant) statusMemo.set(organisation, (byParticipant = new Map<string, StatusSpell[]>()));
  let spells = byParticipant.get(participant);
  if (!spells) byParticipant.set(participant, (spells = deriveStatusSpells(organisation, participant)));
  return spells;
}

function deriveStatusSpells(organisation: OrganisationView, participant: string): StatusSpell[] {
  const spells: StatusSpell[] = [];
  const open: Partial<Record<StatusSpell['status'], { start: Span; id: string }>> = {};
  for (const change of organisation.members.get(participant) ?? []) {
    const status = change.kind === 'suspended' || change.kind === 'restored' ? 'suspended' : change.kind === 'frozen' || change.kind === 'unfrozen' ? 'frozen' : null;
    if (status === null) continue;
    const current = open[status];
    if ((change.kind === 'suspended' || change.kind === 'frozen') && current === undefined) {
      open[status] = { start: change.span, id: change.eventId };
    } else if ((change.kind === 'restored' || change.kind === 'unfrozen') && current !== undefined) {
      spells.push({ status, start: current.start, end: change.span, eventIds: [current.id, change.eventId] });
      delete open[status];
    }
  }
  for (const status of ['suspended', 'frozen'] as const) {
    const current = open[status];
    if (current) spells.push({ status, start: current.start, end: null, eventIds: [current.id] });
  }
  return spells.sort((a, b) => compareSpans(a.start, b.start));
}

export function holdsOn(spell: { readonly start: Span; readonly end: Span | null }, day: string): boolean {
  return hasTakenEffect(spell.start, day) && !(spell.end !== null && hasTakenEffect(spell.end, day));
}

/**
 * The spell holding on `day`, by binary search over spells sorted by start. Spells of one subject do not overlap
 * except where a coarse start has not yet taken effect, so the candidate and the one before it are enough.
 */
/** The number of spells (sorted by start) whose start may fall on or before `day`: a binary search. */
export function startedBy(spells: readonly { readonly start: Span }[], day: string): number {
  let low = 0;
  let high = spells.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((spells[middle] as { readonly start: Span }).start.from <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The spell holding on `day`, by binary search over spells sorted by start. Spells of one subject do not overlap
 * except where a coarse start has not yet taken effect, so the candidate and the one before it are enough.
 */
export function spellOn<T extends { readonly start: Span; readonly end: Span | null }>(spells: readonly T[], day: string): T | undefined {
  const started = startedBy(spells, day);
  for (let index = started - 1; index >= Math.max(0, started - 2); index--) {
    const spell = spells[index] as T;
    if (holdsOn(spell, day)) return spell;
  }
  return undefined;
}

/** The latest end among spells that has taken effect on `day` (spells sorted by start and not overlapping). */
export function lastEndBy(spells: readonly { readonly start: Span; readonly end: Span | null }[], day: string): Span | null {
  for (let index = startedBy(spells, day) - 1; index >= 0; index--) {
    const end = (spells[index] as { readonly end: Span | null }).end;
    if (end !== null && hasTakenEffect(end, day)) return end;
  }
  return null;
}

/** Whether any start or end of the spells is coarse: only then can a day be uncertain. */
export function hasCoarseDates(spells: readonly { readonly start: Span; readonly end: Span | null }[]): boolean {
  return spells.some((spell) => !isExact(spell.start) || (spell.end !== null && !isExact(spell.end)));
}

/** The first day of the unbroken run of membership that `spell` is part of (a change of basis does not break it). */
export function firstDayOfRun(spells: readonly MemberSpell[], spell: MemberSpell): Span {
  let index = spells.indexOf(spell);
  while (index > 0) {
    const previous = spells[index - 1] as MemberSpell;
    const current = spells[index] as MemberSpell;
    if (previous.end === null || !sameSpan(previous.end, current.start)) break;
    index -= 1;
  }
  return (spells[index] as MemberSpell).start;
}

/**
 * Adds to `into` an uncertain row for each start or end of `spells` whose period covers `day`; a seam between
 * joined spells is no change. Queries call it for every timeline they read, so it allocates nothing unless a row is due.
 */
export function collectUncertainties(
  into: UncertainRow[],
  spells: readonly { readonly start: Span; readonly end: Span | null }[],
  day: string,
  subject: string,
  participant: string | undefined,
  status: string,
): void {
  for (let index = 0; index < spells.length; index++) {
    const spell = spells[index] as { readonly start: Span; readonly end: Span | null };
    const previous = spells[index - 1];
    const next = spells[index + 1];
    if (isUncertainOn(spell.start, day) && !(previous?.end && sameSpan(previous.end, spell.start))) {
      into.push(uncertainRow(subject, participant, status, spell.start, `${status} from ${spell.start.label}: the date is known only to ${precisionWords(spell.start)}`));
    }
    if (spell.end !== null && isUncertainOn(spell.end, day) && !(next && sameSpan(spell.end, next.start))) {
      into.push(uncertainRow(subject, participant, status, spell.end, `${status} until ${spell.end.label}: the date is known only to ${precisionWords(spell.end)}`));
    }
  }
}

function uncertainRow(subject: string, participant: string | undefined, status: string, span: Span, because: string): UncertainRow {
  return participant === undefined ? { subject, status, from: span.from, to: span.to, because } : { subject, participant, status, from: span.from, to: span.to, because };
}

/** The uncertain rows of `spells` on `day`, as a new list. */
export function uncertainties(
  spells: readonly { readonly start: Span; readonly end: Span | null }[],
  day: string,
  row: { subject: string; participant?: string; status: string },
): UncertainRow[] {
  const rows: UncertainRow[] = [];
  collectUncertainties(rows, spells, day, row.subject, row.participant, row.status);
  return rows;
}

function precisionWords(span: Span): string {
  if (span.label.includes('/')) return `a span of days (${span.label})`;
  return span.label.length === 4 ? 'the year' : 'the month';
}
