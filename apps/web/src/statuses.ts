import type { HistorySpell } from '@app/projections';

/** Where in its row a status is drawn, as fractions of the row height, and which statuses it paints over. */
export interface Lane {
  /** Painting order: later on top (a suspension outranks a freeze, as in the state). */
  readonly order: number;
  readonly top: number;
  readonly height: number;
}

/**
 * How each status the server answers is drawn and explained. Everything the page draws of a status comes from
 * here: a status the server starts answering is one entry (the type makes the page fail to build without it).
 * `legend` entries with the same text share one key in the legend.
 */
export interface StatusStyle {
  readonly legend: string;
  readonly colour: string;
  readonly lane: Lane;
}

const BOUND: Lane = { order: 1, top: 0.16, height: 0.46 };
const OVER_BOUND: Lane = { order: 4, top: 0.26, height: 0.26 };

/**
 * The main lane tells the succession: a party to the predecessor treaty (before the organisation existed) in one
 * colour, a member of the organisation in another. A party spell of any other instrument is not drawn in the lane
 * (it would hide the succession); the row's instrument list gives it.
 */
export const STATUS_STYLES: Readonly<Record<HistorySpell['status'], StatusStyle>> = {
  signatory: {
    legend: 'signatory, not yet bound',
    colour: '#8fa9d0',
    lane: { order: 0, top: 0.64, height: 0.24 },
  },
  party: { legend: 'party to the Treaty, before the Organization existed', colour: '#2a9d8f', lane: BOUND },
  member: { legend: 'member of the Organization', colour: '#1f4e96', lane: { ...BOUND, order: 2 } },
  observer: { legend: 'observer', colour: '#2e8a5e', lane: { ...BOUND, order: 2 } },
  partner: { legend: 'partner', colour: '#b8487a', lane: { ...BOUND, order: 3 } },
  frozen: { legend: 'participation frozen (declared)', colour: '#5b3fa8', lane: OVER_BOUND },
  suspended: { legend: 'suspended (decided)', colour: '#c97a00', lane: { ...OVER_BOUND, order: 5 } },
};

/** How doubt is drawn over a status, whatever its colour: the range the record cannot decide within. */
export const DOUBT_STYLES = {
  undetermined: {
    pattern: 'hatch-undetermined',
    legend: 'undetermined: the date is known only to a month, a year or a range (hatched over that range)',
  },
  disputed: {
    pattern: 'hatch-disputed',
    legend: 'disputed: sources give different dates (cross-hatched from the earliest to the latest reading)',
  },
} as const;

export type Doubt = keyof typeof DOUBT_STYLES;

/** The legend: one key per distinct explanation, in the order of the table. */
export function legendEntries(): { readonly legend: string; readonly colour: string }[] {
  const seen = new Map<string, string>();
  for (const { legend, colour } of Object.values(STATUS_STYLES))
    if (!seen.has(legend)) seen.set(legend, colour);
  return [...seen].map(([legend, colour]) => ({ legend, colour }));
}
