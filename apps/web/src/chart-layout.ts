import type { HistorySpell, OrganisationHistory } from '@app/projections';
import { dateOf, dayNumber, firstDayOf } from './days';
import type { Names } from './names';
import { STATUS_STYLES } from './statuses';

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
}

export interface Row {
  readonly participant: string;
  /** The row's label ("Russia RUS") and its full form for the tooltip ("Russian Federation (RUS)"). */
  readonly label: string;
  readonly fullName: string;
  readonly y: number;
  readonly bars: readonly Bar[];
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
  options: ChartOptions = CHART_DEFAULTS,
): ChartLayout {
  const { first, last, width, rowHeight } = options;
  const [start, end] = [dayNumber(first), dayNumber(last) + 1];
  const [left, right] = [MARGIN.left, width - MARGIN.right];
  const span = right - left;
  const clamp = (day: number): number => Math.min(end, Math.max(start, day));
  const xAt = (day: number): number => left + ((clamp(day) - start) / (end - start)) * span;
  const xOf = (label: string): number => xAt(dayNumber(firstDayOf(label)));
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
    label: `${title ?? id} in force ${eif.governing ?? ''}${eif.disagreement ? ` (reported: ${eif.reported ?? '—'})` : ''}`,
  }));

  const rows = history.participants.map(({ participant, spells }, index) => {
    const y = plot.top + index * rowHeight;
    const fullName = names.full(participant);
    const bars = spells
      .map((spell) => {
        const { colour, lane } = STATUS_STYLES[spell.status];
        // A coarse date is placed at the first day of its period; how it is drawn as imprecise waits for the
        // server's ranges (issue 16, item 4).
        const x = xOf(spell.from);
        const right = spell.to === null ? xAt(end) : xOf(spell.to);
        const bar = {
          status: spell.status,
          colour,
          x,
          y: y + lane.top * rowHeight,
          width: Math.max(1, right - x),
          height: lane.height * rowHeight,
          label: describe(fullName, spell, names),
          eventIds: spell.eventIds,
        };
        return { bar, order: lane.order };
      })
      .sort((a, b) => a.order - b.order)
      .map(({ bar }) => bar);
    const label = names.has(participant) ? `${names.short(participant)} ${participant}` : participant;
    return { participant, label, fullName, y, bars };
  });

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
    ticks,
    xOf,
    dayAt,
  };
}

function describe(fullName: string, spell: HistorySpell, names: Names): string {
  const where =
    spell.status === 'observer' || spell.status === 'partner'
      ? ` of ${names.full(spell.body ?? spell.basis)}`
      : ` (${spell.basis})`;
  return `${fullName}: ${spell.status}${where}, ${spell.from} – ${spell.to ?? 'open'}`;
}
