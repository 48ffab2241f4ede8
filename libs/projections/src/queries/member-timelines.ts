import {
  candidateMembers,
  deriveMembershipSpells,
  membershipSpells,
  predecessorSpells,
  statusSpellsOf,
  statusSpellsUpTo,
  type MemberSpell,
  type StatusSpell,
} from '../record/membership';
import type { MemberChange, OrganisationCut, OrganisationView } from '../record/subject-views';
import { isInRecordedOrder, organisationAt } from '../record/past-organisation-view';
import type { ViewSource } from '../record/view-source';
import { countBefore, hasCoarseDates } from '../time/span';

/**
 * One participant's membership, derived once per set of views: its spells as a member, its suspensions and
 * freezes, and, for the days before the organisation existed, its spells as a party to the predecessor treaty.
 */
export interface MemberTimeline {
  readonly participant: string;
  readonly spells: readonly MemberSpell[];
  readonly predecessor: readonly MemberSpell[];
  readonly suspended: readonly StatusSpell[];
  readonly frozen: readonly StatusSpell[];
  readonly coarse: boolean;
  /**
   * Where the run of changes at the end of the participant's list that only suspend, restore, freeze or unfreeze
   * begins: a past view whose cut leaves out only those keeps the membership spells (`memberTimelineAt`).
   */
  readonly statusesFrom: number;
  /** Whether its changes were recorded in their effective order: the changes recorded by any cutoff are then the first ones. */
  readonly inRecordedOrder: boolean;
  /**
   * The lowest and highest recorded positions of its changes (Infinity and -Infinity with none): a past view cut
   * before the first keeps none of them, and one cut at or after the last keeps them all, told by a comparison of
   * numbers where finding the participant's list and searching it was most of what a past record's timelines cost.
   */
  readonly recordedFrom: number;
  readonly recordedUpTo: number;
}

/**
 * A timeline as made here: an instance of a class, not an object literal. A past record keeps its timelines for the
 * next questions about it, and V8 makes a literal's objects in the old generation once most of them outlive a
 * scavenge, as those of the few past records kept do when one comes early in a run of questions: from then on, each
 * cut timeline was an old object holding young lists of statuses, which every scavenge promoted (10 KB per question,
 * measured at 200k events). Objects made by `new` are always made young.
 */
class Timeline implements MemberTimeline {
  constructor(
    readonly participant: string,
    readonly spells: readonly MemberSpell[],
    readonly predecessor: readonly MemberSpell[],
    readonly suspended: readonly StatusSpell[],
    readonly frozen: readonly StatusSpell[],
    readonly coarse: boolean,
    readonly statusesFrom: number,
    readonly inRecordedOrder: boolean,
    readonly recordedFrom: number,
    readonly recordedUpTo: number,
  ) {}
}

/**
 * Every participant's timeline, by participant, derived once per set of views: a state question reads them all. A
 * past view cut from the latest one cuts the latest view's timelines (`memberTimelineAt`) rather than deriving its own.
 */
export function memberTimelines(
  source: ViewSource,
  organisation: OrganisationView,
): readonly MemberTimeline[] {
  return source.memo(organisation, 'member-timelines', () => {
    const cut =
      organisation.cutFrom?.view.established === organisation.established ? organisation.cutFrom : undefined;
    const latest =
      cut &&
      source.latestValue(cut.view, 'member-timelines', (latestSource) =>
        memberTimelines(latestSource, cut.view),
      );
    if (cut !== undefined && latest !== undefined) {
      // Asked for only by a cut that keeps nothing of some participant's list: most past records keep something of each.
      let unrecorded: readonly MemberTimeline[] | undefined;
      const unrecordedAt = (at: number): MemberTimeline | undefined => {
        unrecorded ??= source.latestValue(cut.view, 'unrecorded-member-timelines', (latestSource) =>
          unrecordedTimelines(latestSource, cut.view),
        );
        return unrecorded?.[at];
      };
      return latest.map((timeline, at) =>
        memberTimelineAt(source, organisation, timeline, at, unrecordedAt, cut),
      );
    }
    // The default order is `byText`'s (code units), with no comparator to call.
    return [...candidateMembers(source, organisation)]
      .sort()
      .map((participant) => memberTimeline(source, organisation, participant));
  });
}

/**
 * The timelines of the latest view's participants, in its order, as a past view with none of their changes recorded yet
 * gives them (membership as a party to the founding instrument, no status): shared by every past record whose cut
 * keeps nothing of a participant's list, instead of derived again in each (at the start of a record, every member).
 */
function unrecordedTimelines(source: ViewSource, latest: OrganisationView): readonly MemberTimeline[] {
  return source.memo(latest, 'unrecorded-member-timelines', () => {
    const none = organisationAt(latest, -Infinity);
    // With no change of its own, a participant has no status: only its spells as a party are derived.
    return memberTimelines(source, latest).map(({ participant }): MemberTimeline => {
      const spells = membershipSpells(source, none, participant);
      const predecessor = predecessorSpells(source, none, participant);
      return new Timeline(
        participant,
        spells,
        predecessor,
        NO_STATUSES,
        NO_STATUSES,
        hasCoarseDates(spells) || hasCoarseDates(predecessor),
        0,
        true,
        Infinity,
        -Infinity,
      );
    });
  });
}

function memberTimeline(
  source: ViewSource,
  organisation: OrganisationView,
  participant: string,
): MemberTimeline {
  // Derived here rather than through their own values: the timeline is kept whole, in the organisation's value.
  const spells = deriveMembershipSpells(source, organisation, participant);
  const predecessor = predecessorSpells(source, organisation, participant);
  const statuses = statusSpellsOf(organisation, participant, spells);
  const suspended: StatusSpell[] = [];
  const frozen: StatusSpell[] = [];
  for (const status of statuses) (status.status === 'suspended' ? suspended : frozen).push(status);
  const changes = organisation.members.get(participant) ?? NO_CHANGES;
  let statusesFrom = changes.length;
  while (statusesFrom > 0 && STATUS_CHANGES.has((changes[statusesFrom - 1] as MemberChange).kind))
    statusesFrom -= 1;
  const coarse = hasCoarseDates(spells) || hasCoarseDates(predecessor) || hasCoarseDates(statuses);
  return new Timeline(
    participant,
    spells,
    predecessor,
    suspended,
    frozen,
    coarse,
    statusesFrom,
    isInRecordedOrder(changes),
    ...recordedRange(changes, changes.length),
  );
}

/** The lowest and highest recorded positions among the first `count` changes (Infinity and -Infinity with none). */
function recordedRange(changes: readonly MemberChange[], count: number): [from: number, upTo: number] {
  let lowest = Infinity;
  let highest = -Infinity;
  for (let at = 0; at < count; at++) {
    const { position } = changes[at] as MemberChange;
    if (position < lowest) lowest = position;
    if (position > highest) highest = position;
  }
  return [lowest, highest];
}

/** Changes that begin or end a suspension or a freeze, and nothing else: membership spells do not read them. */
const STATUS_CHANGES: ReadonlySet<MemberChange['kind']> = new Set([
  'suspended',
  'restored',
  'frozen',
  'unfrozen',
]);

/** A participant with no suspension or freeze. */
const NO_STATUSES: readonly StatusSpell[] = Object.freeze([]);

/** A participant that a view has no change of. */
const NO_CHANGES: readonly MemberChange[] = Object.freeze([]);

/**
 * A participant's timeline in a past view cut from the latest one, given its timeline in the latest view (at `at`) and
 * the one it has with none of its changes recorded (`unrecordedAt`), the instruments they rest on held alike. The
 * changes recorded by the cutoff are mostly a prefix of the latest list (a stream recorded in effective order): the
 * latest timeline when that is the whole list, the unrecorded one when it is empty (both told by the timeline's
 * recorded positions alone: a question about a past record meets every participant); its statuses cut by day when the
 * changes left out all suspend, restore, freeze or unfreeze, each dated after the last one kept (its membership spells
 * are then the same, and the statuses those of the changes dated up to that day); otherwise derived afresh. The latest
 * record lists every participant the past one does, and those it lists beyond them have no spell in the past record
 * (no change by then, no party to the instruments), so they add no row.
 */
function memberTimelineAt(
  source: ViewSource,
  organisation: OrganisationView,
  timeline: MemberTimeline,
  at: number,
  unrecordedAt: (at: number) => MemberTimeline | undefined,
  cut: OrganisationCut,
): MemberTimeline {
  if (timeline.recordedUpTo <= cut.cutoff) return timeline;
  if (timeline.recordedFrom > cut.cutoff)
    return unrecordedAt(at) ?? memberTimeline(source, organisation, timeline.participant);
  const { participant } = timeline;
  const all = cut.view.members.get(participant) ?? NO_CHANGES;
  const kept = timeline.inRecordedOrder
    ? countBefore(all, (change) => change.position <= cut.cutoff)
    : recordedPrefix(all, cut.cutoff);
  if (kept === all.length) return timeline;
  if (kept <= 0)
    return (kept === 0 ? unrecordedAt(at) : undefined) ?? memberTimeline(source, organisation, participant);
  // A list in effective order begins its changes' periods on days that never go back (`span.from` is the day a date
  // sorts by): the first change left out is the earliest dated of them.
  const lastDay = (all[kept - 1] as MemberChange).span.from;
  if (kept < timeline.statusesFrom || (all[kept] as MemberChange).span.from <= lastDay)
    return memberTimeline(source, organisation, participant);
  const suspended = statusSpellsUpTo(timeline.suspended, timeline.spells, lastDay);
  const frozen = statusSpellsUpTo(timeline.frozen, timeline.spells, lastDay);
  if (suspended === timeline.suspended && frozen === timeline.frozen) return timeline;
  // The statuses cut keep the days of the latest ones, besides ends of membership: no period where the latest had none.
  const coarse =
    timeline.coarse &&
    (hasCoarseDates(timeline.spells) ||
      hasCoarseDates(timeline.predecessor) ||
      hasCoarseDates(suspended) ||
      hasCoarseDates(frozen));
  // The changes kept are the first `kept`: in recorded order, the first and last of them are the lowest and highest.
  const [from, upTo] = timeline.inRecordedOrder
    ? [(all[0] as MemberChange).position, (all[kept - 1] as MemberChange).position]
    : recordedRange(all, kept);
  return new Timeline(
    participant,
    timeline.spells,
    timeline.predecessor,
    suspended,
    frozen,
    coarse,
    timeline.statusesFrom,
    timeline.inRecordedOrder,
    from,
    upTo,
  );
}

/**
 * How many of the changes were recorded up to `cutoff`, when those are the first ones; -1 when a change recorded by
 * then follows one recorded later (a coarse date recorded late). Counted on the latest list: cutting the past view's
 * lists for it made a list per participant. A list recorded in effective order is searched instead (`countBefore`).
 */
function recordedPrefix(changes: readonly MemberChange[], cutoff: number): number {
  let kept = 0;
  while (kept < changes.length && (changes[kept] as MemberChange).position <= cutoff) kept += 1;
  for (let at = kept + 1; at < changes.length; at++)
    if ((changes[at] as MemberChange).position <= cutoff) return -1;
  return kept;
}
