import type { ViewSource } from '../record/view-source';
import type { OrganisationView, StatusChange } from '../record/subject-views';
import { changesAt, isInRecordedOrder } from '../record/past-organisation-view';
import { inAnswerOrder, openClose, type GrantSpell } from '../record/organisation-record';
import { collectUncertainties, hasCoarseDates, NEVER, spellMaybeOn, type UncertainRow } from '../time/span';
import type { Disputed } from '../record/disputes';
import type { Undetermined } from './rows';

/**
 * The observers and partners of an organisation on a day, as a state question lists them: each role's grants are
 * derived once per set of views (timelines, then their days in numbers), and a question reads its role's.
 */

export interface GrantRow {
  readonly participant: string;
  readonly body: string;
  readonly since: string;
  readonly undetermined?: Undetermined;
  readonly eventIds: readonly string[];
  readonly disputed?: Disputed;
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

function grantDays(
  source: ViewSource,
  organisation: OrganisationView,
): Readonly<Record<'observer' | 'partner', GrantDays>> {
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
  return {
    coarse,
    inOrder,
    firstSpell,
    from,
    until,
    opened,
    closed,
    rows: new Array<GrantRow | undefined>(spells),
  };
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
function grantsRead(
  source: ViewSource,
  organisation: OrganisationView,
  role: 'observer' | 'partner',
): GrantsRead {
  const cut = organisation.cutFrom;
  const latest =
    cut &&
    source.latestValue(cut.view, 'grant-timelines', (latestSource) => grantTimelines(latestSource, cut.view));
  const latestDays =
    cut && source.latestValue(cut.view, 'grant-days', (latestSource) => grantDays(latestSource, cut.view));
  if (cut !== undefined && latest !== undefined && latestDays !== undefined)
    return { timelines: latest[role], days: latestDays[role], cutoff: cut.cutoff };
  return {
    timelines: grantTimelines(source, organisation)[role],
    days: grantDays(source, organisation)[role],
    cutoff: Infinity,
  };
}

/** A timeline with no change recorded by a cutoff. */
const NO_SPELLS: readonly GrantSpell[] = Object.freeze([]);

/**
 * The spells of one timeline's changes recorded up to `cutoff` (`openClose` of those). Changes recorded in effective
 * order leave a prefix at any cutoff, whose spells are the latest ones opened by then, the last reopened when the
 * change that closed it came later; the others are folded again (a grant has a change or two).
 */
function grantSpellsAt(
  timeline: GrantTimeline,
  days: GrantDays,
  index: number,
  cutoff: number,
): readonly GrantSpell[] {
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

export function grants(
  source: ViewSource,
  organisation: OrganisationView,
  role: 'observer' | 'partner',
  day: string,
  today: number,
  uncertain: UncertainRow[],
): GrantRow[] {
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
        rows[count++] =
          at < 0
            ? grantRow(record, spell, spell.eventIds)
            : (spellRows[(firstSpell[index] as number) + at] ??= spellRow(record, at));
      } else {
        rows[count++] = {
          participant: record.participant,
          body: record.body,
          since: spell.start.label,
          undetermined: { from: doubt.from, to: doubt.to },
          eventIds: spell.eventIds,
        };
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
        rows[count++] =
          closes || spell.end === null
            ? (spellRows[at] ??= spellRow(record, at - first))
            : grantRow(record, spell, spell.eventIds.slice(0, 1));
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
  return Object.freeze({
    participant: timeline.participant,
    body: timeline.body,
    since: spell.start.label,
    eventIds: spell.eventIds,
  });
}

function grantRow(timeline: GrantTimeline, spell: GrantSpell, eventIds: readonly string[]): GrantRow {
  return { participant: timeline.participant, body: timeline.body, since: spell.start.label, eventIds };
}
