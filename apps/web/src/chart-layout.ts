import type { HistorySpell, OrganisationHistory } from '@app/projections';
import { isExact, spanOf, type Span } from '@app/projections/time/span';
import { dateOf, dayNumber, firstDayOf } from './days';
import type { Names } from './names';
import type { RecordFacts } from './record-facts';
import { STATUS_STYLES, type Doubt } from './statuses';
import { firstCertainDay } from './taken-effect';

/** A stretch of a bar the record cannot settle: hatched over its range, with what it means in words. */
export interface DoubtSegment {
  readonly kind: Doubt;
  readonly x: number;
  readonly width: number;
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export interface Bar {
  readonly status: HistorySpell['status'];
  readonly colour: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** What the bar means in words, for its tooltip and accessible name. */
  readonly label: string;
  readonly eventIds: readonly string[];
  /** The instrument a signatory or party spell is under; null for a status in the organisation. */
  readonly instrument: string | null;
  /** Where the bar's start or end is known only to a period, or rests on a disputed date. */
  readonly doubts: readonly DoubtSegment[];
}

/** An instrument a participant signed or is bound by, with each of its spells under it: what its row lists. */
export interface RowInstrument {
  readonly id: string;
  readonly title: string;
  readonly spells: readonly Pick<HistorySpell, 'status' | 'from' | 'to' | 'eventIds'>[];
}

export interface Row {
  readonly participant: string;
  /** The row's label ("Russia RUS") and its full form for the tooltip ("Russian Federation (RUS)"). */
  readonly label: string;
  readonly fullName: string;
  readonly y: number;
  readonly bars: readonly Bar[];
  readonly instruments: readonly RowInstrument[];
}

export interface Marker {
  readonly id: string;
  /** Its number in the key below the chart, 1 for the earliest. */
  readonly number: number;
  readonly x: number;
  /** Where its number sits above the plot: markers too close to tell apart are stacked. */
  readonly labelY: number;
  readonly label: string;
  readonly eventIds: readonly string[];
  /** An entry into force known only to a period (a range, a month, a year): drawn hatched over it. */
  readonly range: { readonly x: number; readonly width: number } | null;
}

/**
 * The day the organisation came into being (its founding instrument in force): before it, the members were the
 * parties to the predecessor treaty, drawn in their own colour over a shaded era.
 */
export interface Boundary {
  readonly x: number;
  readonly day: string;
  readonly founding: string;
  readonly predecessor: string | null;
  readonly label: string;
  readonly eventIds: readonly string[];
}

export interface Band {
  readonly id: string;
  readonly x: number;
  readonly width: number;
  readonly label: string;
  readonly eventIds: readonly string[];
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly rowHeight: number;
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  readonly rows: readonly Row[];
  readonly markers: readonly Marker[];
  readonly bands: readonly Band[];
  readonly boundary: Boundary | null;
  readonly ticks: readonly { readonly x: number; readonly year: number; readonly labelled: boolean }[];
  /** The x of a day, and the day at an x (clamped to the chart's range). */
  readonly xOf: (day: string) => number;
  readonly dayAt: (x: number) => string;
}

export interface ChartOptions {
  readonly first: string;
  readonly last: string;
  /** The plot's width in CSS pixels: the chart is drawn at its true size, so its text is never scaled down. */
  readonly width: number;
  readonly rowHeight: number;
}

export const CHART_DEFAULTS: ChartOptions = {
  first: '1992-01-01',
  last: '2024-12-31',
  width: 1000,
  rowHeight: 28,
};
/** Below this the years crowd each other: a narrower screen scrolls the chart sideways in its frame instead. */
export const MIN_PLOT_WIDTH = 720;
/** The row labels are drawn beside the plot (pinned while it scrolls): the margins only keep the first and last year's labels whole. */
const MARGIN = { left: 20, top: 24, right: 20, bottom: 26 };
/** Markers closer than this (in chart units) have their numbers stacked. */
const MARKER_SPACING = 20;
/** From a marker's number to the top of the plot. */
const MARKER_HEAD_GAP = 14;
/** A deployment of a few weeks is a sliver on a 33-year axis: drawn at least this wide, so that it can be seen and clicked. */
const MIN_BAND_WIDTH = 5;

/** Where everything goes: pure, so that what the page draws can be tested without a browser. */
export function layoutChart(
  history: OrganisationHistory,
  names: Names,
  facts: RecordFacts,
  options: ChartOptions = CHART_DEFAULTS,
): ChartLayout {
  const { first, last, width, rowHeight } = options;
  const [start, end] = [dayNumber(first), dayNumber(last) + 1];
  const [left, right] = [MARGIN.left, width - MARGIN.right];
  const span = right - left;
  const clamp = (day: number): number => Math.min(end, Math.max(start, day));
  const xAt = (day: number): number => left + ((clamp(day) - start) / (end - start)) * span;
  const xOf = (label: string): number => xAt(dayNumber(firstDayOf(label)));
  /** The x of the day after a period: where what it decides is certain. */
  const xAfter = (span: { readonly to: string }): number => xAt(dayNumber(span.to) + 1);
  /** The days of a change's period on which the server cannot tell whether it has taken effect, if any. */
  const undeterminedDays = (span: Span): { from: string; to: string } | null => {
    const certain = dayNumber(firstCertainDay(span));
    return certain > dayNumber(span.from) ? { from: span.from, to: dateOf(certain - 1) } : null;
  };
  const titleOf = (id: string): string => history.instruments.find((i) => i.id === id)?.title ?? id;
  const dayAt = (x: number): string =>
    dateOf(Math.min(end - 1, Math.floor(start + ((x - left) / span) * (end - start))));

  // Markers too close to tell apart stack their numbers upwards; the plot starts below the highest stack.
  const inForce = history.instruments
    .filter((i) => i.entryIntoForce.governing !== null)
    .sort((a, b) =>
      firstDayOf(a.entryIntoForce.governing ?? '') < firstDayOf(b.entryIntoForce.governing ?? '') ? -1 : 1,
    );
  const levels: number[] = [];
  inForce.forEach(({ entryIntoForce }, index) => {
    const previous = inForce[index - 1];
    const close =
      previous !== undefined &&
      xOf(entryIntoForce.governing ?? '') - xOf(previous.entryIntoForce.governing ?? '') < MARKER_SPACING;
    levels.push(close ? (levels[index - 1] ?? 0) + 1 : 0);
  });
  const top = MARGIN.top + Math.max(0, ...levels) * MARKER_SPACING;
  const plot = { left, top, right, bottom: top + history.participants.length * rowHeight };
  const markers: Marker[] = inForce.map(({ id, title, entryIntoForce: eif, eventIds }, index) => ({
    id,
    number: index + 1,
    x: xOf(eif.governing ?? ''),
    labelY: top - MARKER_HEAD_GAP - (levels[index] ?? 0) * MARKER_SPACING,
    eventIds,
    label: `${title ?? id} in force ${inForceText(eif.governing ?? '')}${eif.disagreement ? ` (reported: ${eif.reported ?? '—'})` : ''}`,
    range: rangeOf(eif.governing ?? ''),
  }));
  function rangeOf(label: string): Marker['range'] {
    const days = undeterminedDays(spanOf(label));
    return days === null ? null : { x: xOf(days.from), width: xAfter(days) - xOf(days.from) };
  }

  const predecessor = facts.founding?.predecessorInstrument ?? null;
  const drawn = (spell: HistorySpell): boolean =>
    spell.status !== 'party' || (predecessor !== null && spell.instrument === predecessor);
  /** A doubt over the days `from` to `to`, both included. */
  const segment = (kind: Doubt, span: { from: string; to: string }, label: string): DoubtSegment => ({
    kind,
    x: xOf(span.from),
    width: xAfter(span) - xOf(span.from),
    from: span.from,
    to: span.to,
    label,
  });
  const doubtsOf = (spell: HistorySpell, fullName: string): DoubtSegment[] => {
    const ends = [
      ['from', spanOf(spell.from)] as const,
      ...(spell.to === null ? [] : [['until', spanOf(spell.to)] as const]),
    ];
    const undetermined = ends.flatMap(([which, span]) => {
      const days = undeterminedDays(span);
      return days === null
        ? []
        : [
            segment(
              'undetermined',
              days,
              `${fullName}: ${spell.status} ${which} a day in ${span.label}: undetermined from ${days.from} to ${days.to}`,
            ),
          ];
    });
    const disputed = spell.eventIds.flatMap((eventId) => {
      const dispute = facts.disputes.get(eventId);
      return dispute === undefined
        ? []
        : [
            segment(
              'disputed',
              dispute,
              `${fullName}: ${spell.status} rests on a date the sources dispute: ${dispute.date} (followed) or ${dispute.readings.map((r) => `${r.effectiveDate ?? 'no date'}, ${r.claim}`).join('; or ')}`,
            ),
          ];
    });
    return [...undetermined, ...disputed];
  };

  const rows = history.participants.map(({ participant, spells }, index) => {
    const y = plot.top + index * rowHeight;
    const fullName = names.full(participant);
    const bars = spells
      .filter(drawn)
      .map((spell) => {
        const { colour, lane } = STATUS_STYLES[spell.status];
        // The solid bar is where the status surely holds: a start or an end known only to a period is hatched
        // over the days of it on which the server answers "undetermined".
        const x = xOf(firstCertainDay(spanOf(spell.from)));
        const right = spell.to === null ? xAt(end) : xOf(spell.to);
        const doubts = doubtsOf(spell, fullName);
        const bar: Bar = {
          status: spell.status,
          colour,
          x,
          y: y + lane.top * rowHeight,
          width: Math.max(1, right - x),
          height: lane.height * rowHeight,
          label: describe(fullName, spell, names, titleOf),
          eventIds: spell.eventIds,
          instrument: spell.instrument ?? null,
          doubts,
        };
        return { bar, order: lane.order };
      })
      .sort((a, b) => a.order - b.order)
      .map(({ bar }) => bar);
    const label = names.has(participant) ? `${names.short(participant)} ${participant}` : participant;
    return { participant, label, fullName, y, bars, instruments: instrumentsOf(spells, titleOf) };
  });

  const founding = facts.founding;
  const boundary = ((): Boundary | null => {
    if (history.founded === null || founding === null) return null;
    const organisation = titleOf(founding.foundingInstrument);
    const predecessor = founding.predecessorInstrument ? titleOf(founding.predecessorInstrument) : null;
    return {
      x: xOf(history.founded),
      day: history.founded,
      founding: organisation,
      predecessor,
      label: `${organisation} in force ${history.founded}: the Organization exists from this day${predecessor ? `; before it, its members were the parties to the ${predecessor}` : ''}`,
      eventIds: [
        founding.eventId,
        ...(history.instruments.find((i) => i.id === founding.foundingInstrument)?.eventIds ?? []),
      ],
    };
  })();

  const bands = history.deployments.flatMap(({ id, host, phases }) => {
    const began =
      phases.find((p) => p.status === 'active') ?? phases.find((p) => p.status === 'authorized') ?? phases[0];
    if (began === undefined) return [];
    const ended = phases.find((p) => p.status === 'ended');
    const x = xOf(began.from);
    const right = ended ? xOf(ended.from) : xAt(end);
    const label = `deployment ${id} in ${names.full(host)}: ${phases.map((p) => `${p.status} ${p.from}`).join(', ')}`;
    return [
      { id, x, width: Math.max(MIN_BAND_WIDTH, right - x), label, eventIds: phases.map((p) => p.eventId) },
    ];
  });

  const ticks = [];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year += 1) {
    ticks.push({ x: xOf(`${year}-01-01`), year, labelled: year % 4 === 0 });
  }
  return {
    width,
    height: plot.bottom + MARGIN.bottom,
    rowHeight,
    plot,
    rows,
    markers,
    bands,
    boundary,
    ticks,
    xOf,
    dayAt,
  };
}

function describe(
  fullName: string,
  spell: HistorySpell,
  names: Names,
  titleOf: (id: string) => string,
): string {
  const where =
    spell.status === 'observer' || spell.status === 'partner'
      ? ` of ${names.full(spell.body ?? spell.basis)}`
      : spell.instrument !== undefined
        ? ` of the ${titleOf(spell.instrument)} (${spell.instrument})`
        : ` (${spell.basis})`;
  return `${fullName}: ${spell.status}${where}, ${spell.from} – ${spell.to ?? 'open'}`;
}

/** "2003-09-18", or for a date known only to a period, the period in words. */
function inForceText(label: string): string {
  const span = spanOf(label);
  return isExact(span) ? label : `on a day between ${span.from} and ${span.to} (undetermined within it)`;
}

/** The participant's instruments in the order it first signed or was bound by them, each with its spells. */
function instrumentsOf(spells: readonly HistorySpell[], titleOf: (id: string) => string): RowInstrument[] {
  const found = new Map<string, RowInstrument['spells'][number][]>();
  for (const { instrument, status, from, to, eventIds } of spells) {
    if (instrument === undefined) continue;
    const list = found.get(instrument) ?? [];
    list.push({ status, from, to, eventIds });
    found.set(instrument, list);
  }
  return [...found].map(([id, list]) => ({ id, title: titleOf(id), spells: list }));
}
