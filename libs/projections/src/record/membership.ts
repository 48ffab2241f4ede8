import { boundSpells, generalEntryIntoForce, partiesOf, withdrawalSpan } from './instrument-rules';
import { compareSpans, laterSpan, sameSpan, startedBy, type Span } from '../time/span';
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

/** When the organisation exists: its founding instrument's entry into force, as governing (derived, else reported). */
export function foundingOf(source: ViewSource, organisation: OrganisationView): Span | null {
  const founding = organisation.established && source.instrument(organisation.established.foundingInstrument);
  return founding ? generalEntryIntoForce(source, founding).governing : null;
}

/** Everyone the organisation's membership may concern: its own records, the predecessor's and the founding instrument's parties. */
export function candidateMembers(source: ViewSource, organisation: OrganisationView): Set<string> {
  return source.memo(organisation, 'candidates', () => deriveCandidates(source, organisation));
}

function deriveCandidates(source: ViewSource, organisation: OrganisationView): Set<string> {
  const candidates = new Set(organisation.members.keys());
  for (const id of [
    organisation.established?.predecessorInstrument,
    organisation.established?.foundingInstrument,
  ]) {
    const instrument = id === undefined ? undefined : source.instrument(id);
    for (const participant of instrument?.parties.keys() ?? []) candidates.add(participant);
  }
  return candidates;
}

/**
 * Membership spells of one participant, in effective order. Membership of the organisation begins no earlier
 * than the organisation itself (its founding instrument's entry into force): before that, the states were parties
 * to the predecessor treaty, not members (`predecessorSpells`). From then on, a participant the organisation's own
 * stream admits is a member by those records (basis: the admission's), and a participant the stream says nothing
 * about is a member while it is a party to the founding instrument (basis: the founding instrument). The
 * organisation's stream, where it speaks, governs: a party to the Charter that the stream records as having left
 * is not a member. Spells that meet with the same basis are joined.
 */
export function membershipSpells(
  source: ViewSource,
  organisation: OrganisationView,
  participant: string,
): MemberSpell[] {
  return source.memo(
    organisation,
    'members',
    () => deriveMembershipSpells(source, organisation, participant),
    participant,
  );
}

/**
 * `membershipSpells` derived afresh, for a caller that keeps what it derives from them in a value of its own (a
 * value per participant beside it was a table entry, a list of reads and one of versions for each, kept for nothing).
 */
export function deriveMembershipSpells(
  source: ViewSource,
  organisation: OrganisationView,
  participant: string,
): MemberSpell[] {
  const founding = foundingOf(source, organisation);
  return founding === null
    ? []
    : joinSpells(
        organisationEraSpells(source, organisation, participant, founding).sort((a, b) =>
          compareSpans(a.start, b.start),
        ),
      );
}

/**
 * A participant's spells as a party to the organisation's predecessor treaty, up to the day the organisation came
 * into being: what the organisation's membership was before it existed. Basis: the predecessor treaty.
 */
export function predecessorSpells(
  source: ViewSource,
  organisation: OrganisationView,
  participant: string,
): MemberSpell[] {
  const predecessorId = organisation.established?.predecessorInstrument;
  const predecessor = predecessorId === undefined ? undefined : source.instrument(predecessorId);
  const periods = predecessor && partiesOf(source, predecessor).get(participant);
  if (!predecessor || !periods) return [];
  const founding = foundingOf(source, organisation);
  const spells: MemberSpell[] = [];
  for (const party of boundSpells(periods)) {
    if (founding !== null && compareSpans(party.start, founding) >= 0) continue;
    const end =
      founding !== null && (party.end === null || compareSpans(founding, party.end) < 0)
        ? founding
        : party.end;
    spells.push({ start: party.start, end, basis: predecessor.id, eventIds: party.eventIds });
  }
  return spells;
}

function organisationEraSpells(
  source: ViewSource,
  organisation: OrganisationView,
  participant: string,
  founding: Span,
): MemberSpell[] {
  const changes = organisation.members.get(participant) ?? [];
  const spells: MemberSpell[] = [];
  if (changes.some((c) => c.kind === 'admitted')) {
    let open: { start: Span; basis: string; ids: string[]; notice: Span | null } | null = null;
    const close = (end: Span | null, id?: string): void => {
      if (open === null) return;
      spells.push({
        start: open.start,
        end,
        basis: open.basis,
        eventIds: id === undefined ? open.ids : [...open.ids, id],
      });
      open = null;
    };
    for (const change of changes) {
      if (change.kind === 'admitted' && open === null) {
        open = {
          start: change.span,
          basis: change.instrument ?? organisation.id,
          ids: [change.eventId],
          notice: null,
        };
      } else if (change.kind === 'ended') {
        close(change.span, change.eventId);
      } else if (change.kind === 'notified' && open !== null) {
        const rules =
          change.instrument === undefined ? undefined : source.instrument(change.instrument)?.adopted?.rules;
        open.notice ??= rules ? withdrawalSpan(rules, change.span) : null;
        open.ids.push(change.eventId);
      }
    }
    // A notice ends the spell after the notice period unless the stream records the end itself.
    const pending = open as { notice: Span | null } | null;
    close(pending?.notice ?? null);
  } else {
    const instrument =
      organisation.established && source.instrument(organisation.established.foundingInstrument);
    const periods = instrument && partiesOf(source, instrument).get(participant);
    if (instrument && periods) {
      for (const party of boundSpells(periods)) {
        spells.push({ start: party.start, end: party.end, basis: instrument.id, eventIds: party.eventIds });
      }
    }
  }
  // Membership of the organisation cannot begin before it exists: the part before is the predecessor's. A spell
  // that begins once it exists is kept as it is (most spells, and a first question about an organisation makes them all).
  const existing: MemberSpell[] = [];
  for (const spell of spells) {
    const start = laterSpan(spell.start, founding);
    if (spell.end !== null && compareSpans(start, spell.end) >= 0) continue;
    existing.push(
      start === spell.start ? spell : { start, end: spell.end, basis: spell.basis, eventIds: spell.eventIds },
    );
  }
  return existing;
}

function joinSpells(spells: MemberSpell[]): MemberSpell[] {
  const joined: MemberSpell[] = [];
  for (const spell of spells) {
    const last = joined.at(-1);
    if (last?.end && last.basis === spell.basis && sameSpan(last.end, spell.start)) {
      joined[joined.length - 1] = {
        ...last,
        end: spell.end,
        eventIds: [...last.eventIds, ...spell.eventIds],
      };
    } else {
      joined.push(spell);
    }
  }
  return joined;
}

/**
 * Suspensions (a council decision) and freezes (a unilateral declaration) of one participant, as one status per
 * day: they never overlap. Precedence: a suspension supersedes a declared freeze (the freeze ends where the
 * suspension begins, and a freeze declared while suspended changes nothing); a restoration ends the suspension
 * (the member is active again: a state that still keeps away declares a new freeze); an unfreezing ends the
 * freeze; the end of membership ends both. Statuses outside membership are not statuses of a member: dropped.
 */
export function statusSpells(
  source: ViewSource,
  organisation: OrganisationView,
  participant: string,
): StatusSpell[] {
  return statusSpellsOf(organisation, participant, membershipSpells(source, organisation, participant));
}

/** `statusSpells` given the participant's membership spells. */
export function statusSpellsOf(
  organisation: OrganisationView,
  participant: string,
  memberships: readonly MemberSpell[],
): StatusSpell[] {
  const spells: StatusSpell[] = [];
  for (const membership of memberships) statusSpellsWithin(organisation, participant, membership, spells);
  return spells;
}

/** Adds the statuses of one spell of membership: read afresh from its start, so no status outlives a membership. */
function statusSpellsWithin(
  organisation: OrganisationView,
  participant: string,
  membership: MemberSpell,
  spells: StatusSpell[],
): void {
  let open: { status: StatusSpell['status']; start: Span; id: string } | null = null;
  for (const change of organisation.members.get(participant) ?? []) {
    if (
      compareSpans(change.span, membership.start) < 0 ||
      (membership.end !== null && compareSpans(change.span, membership.end) >= 0)
    )
      continue;
    const supersedes = change.kind === 'suspended' && open?.status !== 'suspended';
    const ends =
      supersedes ||
      (change.kind === 'restored' && open?.status === 'suspended') ||
      (change.kind === 'unfrozen' && open?.status === 'frozen');
    if (ends && open !== null)
      spells.push({
        status: open.status,
        start: open.start,
        end: change.span,
        eventIds: [open.id, change.eventId],
      });
    if (ends) open = null;
    if (supersedes || (change.kind === 'frozen' && open === null))
      open = {
        status: change.kind === 'frozen' ? 'frozen' : 'suspended',
        start: change.span,
        id: change.eventId,
      };
  }
  if (open !== null) spells.push(endedWithMembership(open.status, open.start, open.id, membership));
}

/** A status still open when the membership ends: the end of membership ends it, and it rests on the fact that did. */
function endedWithMembership(
  status: StatusSpell['status'],
  start: Span,
  id: string,
  membership: MemberSpell,
): StatusSpell {
  return {
    status,
    start,
    end: membership.end,
    eventIds: membership.end === null ? [id] : [id, ...membership.eventIds.slice(-1)],
  };
}

/**
 * The suspensions (or the freezes) that `statusSpells` gives for the changes dated up to `lastDay`, cut from those of
 * all the changes, for a participant whose membership spells are the same either way. The status fold reads each
 * membership's changes in order, so that a status ended by a change dated by then is kept, one begun by then but
 * ended later is still open there (until the membership ends), and one begun later is not recorded yet. The list
 * itself when the cut keeps it whole.
 *
 * The spells come in the order of the changes that begin them, so those begun by `lastDay` are the first ones; and a
 * spell is closed by a change before the one that begins the next (or by the end of its membership, which it keeps),
 * so only the last of those may end after `lastDay`. A past record's question cuts every member's statuses: it reads
 * two spells of each list, not all of them.
 */
export function statusSpellsUpTo(
  spells: readonly StatusSpell[],
  memberships: readonly MemberSpell[],
  lastDay: string,
): readonly StatusSpell[] {
  const begun = startedBy(spells, lastDay);
  if (begun === 0) return spells.length === 0 ? spells : NO_STATUSES;
  const last = spells[begun - 1] as StatusSpell;
  const membership = membershipAt(memberships, last.start);
  const endsBy =
    (last.end !== null && last.end.from <= lastDay) ||
    membership === undefined ||
    last.end === membership.end;
  if (endsBy && begun === spells.length) return spells;
  const kept = spells.slice(0, begun);
  if (!endsBy)
    kept[begun - 1] = endedWithMembership(last.status, last.start, last.eventIds[0] as string, membership);
  return kept;
}

/** No status begun by a cutoff. */
const NO_STATUSES: readonly StatusSpell[] = Object.freeze([]);

/** The membership spell a status beginning at `start` falls in (spells sorted by start, not overlapping). */
function membershipAt(memberships: readonly MemberSpell[], start: Span): MemberSpell | undefined {
  for (let at = memberships.length - 1; at >= 0; at--) {
    const membership = memberships[at] as MemberSpell;
    if (compareSpans(start, membership.start) >= 0) return membership;
  }
  return undefined;
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
