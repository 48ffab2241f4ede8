import type { HistorySpell, OrganisationHistory } from '@app/projections';
import { dateOf, dayNumber, firstDayOf } from './days';

/** How a spell is drawn: the issue's colours, one per status a user tells apart at a glance. */
export type BarKind = 'signatory' | 'active' | 'suspended' | 'frozen' | 'observer' | 'partner';

export const BAR_KINDS: readonly { readonly kind: BarKind; readonly label: string }[] = [
  { kind: 'signatory', label: 'signatory, not yet bound' },
  { kind: 'active', label: 'bound: party or member' },
  { kind: 'suspended', label: 'suspended' },
  { kind: 'frozen', label: 'frozen' },
  { kind: 'observer', label: 'observer' },
  { kind: 'partner', label: 'partner' },
];

const KIND_OF: Record<HistorySpell['status'], BarKind> = {
  signatory: 'signatory',
  party: 'active',
  member: 'active',
  suspended: 'suspended',
  frozen: 'frozen',
  observer: 'observer',
  partner: 'partner',
};

/** Painting order (later on top: suspension outranks a freeze, as in the state) and the band of the row each kind occupies, as fractions of the row height. */
const LANE: Record<BarKind, { readonly order: number; readonly top: number; readonly height: number }> = {
  signatory: { order: 0, top: 0.62, height: 0.22 },
  active: { order: 1, top: 0.16, height: 0.46 },
  observer: { order: 2, top: 0.16, height: 0.46 },
  partner: { order: 3, top: 0.16, height: 0.46 },
  frozen: { order: 4, top: 0.24, height: 0.3 },
  suspended: { order: 5, top: 0.24, height: 0.3 },
};

export interface Bar {
  readonly kind: BarKind;
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
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
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
  readonly width: number;
  readonly rowHeight: number;
}

export const CHART_DEFAULTS: ChartOptions = { first: '1992-01-01', last: '2024-12-31', width: 1000, rowHeight: 24 };
const MARGIN = { left: 64, top: 46, right: 12, bottom: 22 };
/** Markers closer than this (in chart units) have their numbers stacked. */
const MARKER_SPACING = 12;
/** A deployment of a few weeks is a sliver on a 33-year axis: drawn at least this wide, so that it can be seen and clicked. */
const MIN_BAND_WIDTH = 5;

/** Where everything goes: pure, so that what the page draws can be tested without a browser. */
export function layoutChart(history: OrganisationHistory, options: ChartOptions = CHART_DEFAULTS): ChartLayout {
  const { first, last, width, rowHeight } = options;
  const [start, end] = [dayNumber(first), dayNumber(last) + 1];
  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: MARGIN.top + history.participants.length * rowHeight };
  const span = plot.right - plot.left;
  const clamp = (day: number): number => Math.min(end, Math.max(start, day));
  const xAt = (day: number): number => plot.left + ((clamp(day) - start) / (end - start)) * span;
  const xOf = (label: string): number => xAt(dayNumber(firstDayOf(label)));
  const dayAt = (x: number): string => dateOf(Math.min(end - 1, Math.floor(start + ((x - plot.left) / span) * (end - start))));

  const rows = history.participants.map(({ participant, spells }, index) => {
    const y = plot.top + index * rowHeight;
    const bars = spells
      .map((spell) => {
        const kind = KIND_OF[spell.status];
        const lane = LANE[kind];
        const x = xOf(spell.from);
        const right = spell.to === null ? xAt(end) : xOf(spell.to);
        return { kind, x, y: y + lane.top * rowHeight, width: Math.max(1, right - x), height: lane.height * rowHeight, label: describe(participant, spell), eventIds: spell.eventIds };
      })
      .sort((a, b) => LANE[a.kind].order - LANE[b.kind].order);
    return { participant, y, bars };
  });

  const markers: Marker[] = [];
  const inForce = history.instruments
    .filter((i) => i.entryIntoForce.governing !== null)
    .sort((a, b) => (firstDayOf(a.entryIntoForce.governing ?? '') < firstDayOf(b.entryIntoForce.governing ?? '') ? -1 : 1));
  for (const { id, title, entryIntoForce: eif, eventIds } of inForce) {
    const x = xOf(eif.governing ?? '');
    const previous = markers.at(-1);
    const stacked = previous !== undefined && x - previous.x < MARKER_SPACING ? previous.labelY - MARKER_SPACING : plot.top - 10;
    const label = `${title ?? id} in force ${eif.governing ?? ''}${eif.disagreement ? ` (reported: ${eif.reported ?? '—'})` : ''}`;
    markers.push({ id, number: markers.length + 1, x, labelY: stacked, eventIds, label });
  }

  const bands = history.deployments.flatMap(({ id, host, phases }) => {
    const began = phases.find((p) => p.status === 'active') ?? phases.find((p) => p.status === 'authorized') ?? phases[0];
    if (began === undefined) return [];
    const ended = phases.find((p) => p.status === 'ended');
    const x = xOf(began.from);
    const right = ended ? xOf(ended.from) : xAt(end);
    const label = `deployment ${id} in ${host}: ${phases.map((p) => `${p.status} ${p.from}`).join(', ')}`;
    return [{ id, x, width: Math.max(MIN_BAND_WIDTH, right - x), label, eventIds: phases.map((p) => p.eventId) }];
  });

  const ticks = [];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year += 1) {
    ticks.push({ x: xOf(`${year}-01-01`), year, labelled: year % 4 === 0 });
  }
  return { width, height: plot.bottom + MARGIN.bottom, plot, rows, markers, bands, ticks, xOf, dayAt };
}

function describe(participant: string, spell: HistorySpell): string {
  const where = spell.status === 'observer' || spell.status === 'partner' ? ` of ${spell.body ?? spell.basis}` : ` (${spell.basis})`;
  return `${participant}: ${spell.status}${where}, ${spell.from} – ${spell.to ?? 'open'}`;
}
