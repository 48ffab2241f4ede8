import type { OrganisationHistory } from '@app/projections';
import { CHART_DEFAULTS, layoutChart, MIN_PLOT_WIDTH, type ChartLayout, type Row } from './chart-layout';
import { html, svg, withWholeDates } from './dom';
import type { Names } from './names';
import type { RecordFacts } from './record-facts';
import { DOUBT_STYLES } from './statuses';

/** What the chart asks of the page: show the facts behind a mark or a row's instruments, or move the date to a day. */
export interface ChartActions {
  readonly showEvidence: (title: string, eventIds: readonly string[]) => void;
  readonly showInstruments: (row: Row) => void;
  readonly selectDay: (day: string) => void;
}

/**
 * The hatchings that mark doubt, defined once for the page: the chart and the legend's swatches both use them.
 * Undetermined: dark diagonal lines over a faded bar. Disputed: red cross-hatching.
 */
export function doubtPatterns(): SVGSVGElement {
  const hatch = (id: string, colour: string, crossed: boolean): SVGPatternElement =>
    svg(
      'pattern',
      { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: colour, 'stroke-width': 2.5 }),
      crossed ? svg('line', { x1: 0, y1: 3, x2: 6, y2: 3, stroke: colour, 'stroke-width': 1.5 }) : null,
    );
  return svg(
    'svg',
    { class: 'patterns', width: 0, height: 0, 'aria-hidden': 'true', focusable: 'false' },
    svg(
      'defs',
      {},
      hatch(DOUBT_STYLES.undetermined.pattern, '#1d2330', false),
      hatch(DOUBT_STYLES.disputed.pattern, '#b3261e', true),
    ),
  );
}

/** Row labels take this much of a narrow screen, and more of a wide one. */
const LABEL_WIDTH = { narrow: 118, wide: 230 };
const WIDE_SCREEN = 700;
const MIN_DOUBT_WIDTH = 6;

/**
 * Draws the history as SVG at its true size: a column of row labels that stays put, and beside it, in a frame
 * that scrolls sideways when the screen is narrower than the plot, a row per participant, markers for entry into
 * force and bands for deployments. Redrawn when the frame changes width.
 */
export class Chart {
  private layout: ChartLayout | null = null;
  private drawn: { history: OrganisationHistory; names: Names; facts: RecordFacts; width: number } | null =
    null;
  private day: string | null = null;
  private readonly cursor = svg('line', { class: 'cursor', 'aria-hidden': 'true' });
  private readonly labels = svg('svg', {
    class: 'row-labels',
    role: 'group',
    'aria-label': 'Participants: choose one for the instruments it signed or is bound by',
  });
  private readonly scroller = html('div', { class: 'chart-scroll' });
  private readonly succession = html('p', { class: 'succession' });
  private readonly key = html('ol', {
    class: 'instrument-key',
    'aria-label': 'Instruments entering into force (numbered markers)',
  });

  constructor(
    private readonly container: HTMLElement,
    private readonly actions: ChartActions,
  ) {
    container.replaceChildren(
      html('div', { class: 'chart-frame' }, this.labels, this.scroller),
      this.succession,
      this.key,
    );
    new ResizeObserver(() => {
      if (this.drawn !== null && this.frameWidth() !== this.drawn.width)
        this.draw(this.drawn.history, this.drawn.names, this.drawn.facts);
    }).observe(container);
  }

  draw(history: OrganisationHistory, names: Names, facts: RecordFacts): void {
    const width = this.frameWidth();
    const labelWidth = width >= WIDE_SCREEN ? LABEL_WIDTH.wide : LABEL_WIDTH.narrow;
    const layout = layoutChart(history, names, facts, {
      ...CHART_DEFAULTS,
      width: Math.max(MIN_PLOT_WIDTH, width - labelWidth),
    });
    const firstDraw = this.drawn === null;
    this.layout = layout;
    this.drawn = { history, names, facts, width };
    this.drawSuccession(layout);
    this.drawLabels(layout, labelWidth);
    this.scroller.replaceChildren(this.drawPlot(layout, history));
    this.drawKey(layout);
    if (this.day !== null) this.mark(this.day, firstDraw);
  }

  /** Moves the date cursor to the day; `reveal` scrolls the frame to it when it is out of sight. */
  mark(day: string, reveal = false): void {
    this.day = day;
    if (this.layout === null) return;
    const x = this.layout.xOf(day);
    for (const [name, value] of Object.entries({
      x1: x,
      x2: x,
      y1: this.layout.plot.top - 4,
      y2: this.layout.plot.bottom + 4,
    }))
      this.cursor.setAttribute(name, String(value));
    const { scrollLeft, clientWidth } = this.scroller;
    if (reveal && (x < scrollLeft || x > scrollLeft + clientWidth))
      this.scroller.scrollLeft = x - clientWidth / 2;
  }

  private frameWidth(): number {
    return Math.floor(this.container.getBoundingClientRect().width);
  }

  /** The pinned labels: the row's names, cut to fit with an ellipsis, the full name in the tooltip. */
  private drawLabels(layout: ChartLayout, width: number): void {
    Object.entries({ width, height: layout.height, viewBox: `0 0 ${width} ${layout.height}` }).forEach(
      ([name, value]) => this.labels.setAttribute(name, String(value)),
    );
    this.labels.replaceChildren(
      ...layout.rows.map((row) => {
        const text = svg('text', { class: 'participant', x: 4, y: row.y + layout.rowHeight / 2 }, row.label);
        const link = svg(
          'a',
          { href: '#evidence', 'data-label': row.participant },
          svg('title', {}, row.fullName),
          svg('rect', { class: 'label-target', x: 0, y: row.y, width, height: layout.rowHeight }),
          text,
        );
        link.addEventListener('click', (event) => {
          event.preventDefault();
          this.actions.showInstruments(row);
        });
        return link;
      }),
    );
    // Measured after insertion: only the browser knows how wide a name is in the reader's font. The link's name
    // starts with the text as shown, so that speech control finds it by what it shows.
    for (const link of this.labels.querySelectorAll('a')) {
      const text = link.querySelector('text');
      if (text === null) continue;
      fitText(text, width - 10);
      const fullName = link.querySelector('title')?.textContent ?? '';
      link.setAttribute(
        'aria-label',
        `${text.textContent ?? ''}: instruments signed or bound by ${fullName}`,
      );
    }
  }

  private drawPlot(layout: ChartLayout, history: OrganisationHistory): SVGSVGElement {
    const { plot } = layout;
    const root = svg('svg', {
      width: layout.width,
      height: layout.height,
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      role: 'group',
      'aria-label': `Timeline of ${history.name ?? history.organisation}: ${layout.rows.length} participants`,
    });
    const background = svg('rect', {
      class: 'plot',
      x: plot.left,
      y: plot.top,
      width: plot.right - plot.left,
      height: plot.bottom - plot.top,
    });
    background.addEventListener('click', (event) =>
      this.actions.selectDay(layout.dayAt(this.plotX(root, event))),
    );
    root.append(background);

    for (const tick of layout.ticks) {
      root.append(
        svg('line', {
          class: tick.labelled ? 'tick major' : 'tick',
          x1: tick.x,
          x2: tick.x,
          y1: plot.top,
          y2: plot.bottom,
        }),
      );
      if (tick.labelled)
        root.append(svg('text', { class: 'year', x: tick.x, y: plot.bottom + 18 }, String(tick.year)));
    }
    const { boundary } = layout;
    if (boundary !== null) {
      // The era before the organisation existed is shaded under the rows, so the change of colour at its end reads
      // as the succession it is.
      root.append(
        svg('rect', {
          class: 'era-predecessor',
          x: plot.left,
          y: plot.top,
          width: boundary.x - plot.left,
          height: plot.bottom - plot.top,
          'aria-hidden': 'true',
        }),
      );
    }
    for (const band of layout.bands) {
      root.append(
        this.link(
          band.label,
          band.eventIds,
          svg('rect', {
            class: 'deployment',
            x: band.x,
            y: plot.top,
            width: band.width,
            height: plot.bottom - plot.top,
          }),
          { 'data-deployment': band.id },
        ),
      );
    }
    for (const row of layout.rows) {
      const group = svg('g', { class: 'row', 'data-participant': row.participant });
      group.append(
        svg('line', {
          class: 'row-rule',
          x1: plot.left,
          x2: plot.right,
          y1: row.y + layout.rowHeight,
          y2: row.y + layout.rowHeight,
        }),
      );
      for (const bar of row.bars) {
        group.append(
          this.link(
            bar.label,
            bar.eventIds,
            svg('rect', {
              class: 'bar',
              fill: bar.colour,
              'data-status': bar.status,
              x: bar.x,
              y: bar.y,
              width: bar.width,
              height: bar.height,
            }),
            bar.instrument === null ? {} : { 'data-spell-instrument': bar.instrument },
          ),
        );
        for (const doubt of bar.doubts) {
          // A dispute of a few days is a sliver on a 33-year axis: drawn at least this wide, so that it can be seen and clicked.
          const area = {
            x: doubt.x,
            y: bar.y,
            width: Math.max(MIN_DOUBT_WIDTH, doubt.width),
            height: bar.height,
          };
          group.append(
            this.link(
              doubt.label,
              bar.eventIds,
              svg(
                'g',
                {},
                svg('rect', { ...area, class: 'doubt-ground', fill: bar.colour }),
                svg('rect', {
                  ...area,
                  class: `doubt doubt-${doubt.kind}`,
                  fill: `url(#${DOUBT_STYLES[doubt.kind].pattern})`,
                }),
              ),
              {
                'data-doubt': doubt.kind,
                'data-from': doubt.from,
                'data-to': doubt.to,
                'data-status': bar.status,
              },
            ),
          );
        }
      }
      root.append(group);
    }
    for (const marker of layout.markers) {
      const mark = svg(
        'g',
        {},
        svg('line', { class: 'marker', x1: marker.x, x2: marker.x, y1: marker.labelY + 9, y2: plot.bottom }),
        svg('circle', { class: 'marker-head', cx: marker.x, cy: marker.labelY, r: 9 }),
        svg('text', { class: 'marker-number', x: marker.x, y: marker.labelY + 4 }, String(marker.number)),
      );
      root.append(
        this.link(`${marker.number}: ${marker.label}`, marker.eventIds, mark, {
          'data-instrument': marker.id,
        }),
      );
    }
    if (boundary !== null) {
      root.append(
        this.link(
          boundary.label,
          boundary.eventIds,
          svg('line', {
            class: 'boundary',
            x1: boundary.x,
            x2: boundary.x,
            y1: plot.top,
            y2: plot.bottom,
          }),
          { 'data-boundary': boundary.day },
        ),
      );
    }
    for (const marker of layout.markers) {
      if (marker.range === null) continue;
      root.append(
        svg('rect', {
          class: 'doubt doubt-undetermined marker-range',
          'data-instrument-range': marker.id,
          x: marker.range.x,
          y: plot.top,
          width: Math.max(2, marker.range.width),
          height: plot.bottom - plot.top,
          fill: `url(#${DOUBT_STYLES.undetermined.pattern})`,
          'aria-hidden': 'true',
        }),
      );
    }
    root.append(this.cursor);
    return root;
  }

  /** The succession in words under the chart, with the facts behind the day it changed. */
  private drawSuccession(layout: ChartLayout): void {
    const { boundary } = layout;
    this.succession.hidden = boundary === null;
    if (boundary === null) return;
    const button = html('button', { type: 'button', class: 'evidence-link' }, 'facts');
    button.addEventListener('click', () => this.actions.showEvidence(boundary.label, boundary.eventIds));
    this.succession.replaceChildren(
      html('span', { class: 'swatch era-swatch', 'aria-hidden': 'true' }),
      boundary.predecessor === null
        ? `Shaded, before ${boundary.day}: the Organization did not exist yet. `
        : `Shaded, before ${boundary.day}: the Organization did not exist yet; its members were the parties to the ${boundary.predecessor}. `,
      `From ${boundary.day} (solid line), when the ${boundary.founding} entered into force: members of the Organization. `,
      button,
    );
  }

  private drawKey(layout: ChartLayout): void {
    this.key.replaceChildren(
      ...layout.markers.map((marker) => {
        const button = html(
          'button',
          { type: 'button', class: 'evidence-link' },
          ...withWholeDates(marker.label),
        );
        button.addEventListener('click', () => this.actions.showEvidence(marker.label, marker.eventIds));
        return html('li', { value: String(marker.number) }, button);
      }),
    );
  }

  /** A focusable link around a mark: its tooltip says what it is, and activating it shows the facts behind it. */
  private link(
    label: string,
    eventIds: readonly string[],
    content: SVGElement,
    attributes: Record<string, string>,
  ): SVGAElement {
    const anchor = svg(
      'a',
      { href: `#evidence`, 'aria-label': label, ...attributes },
      svg('title', {}, label),
      content,
    );
    anchor.addEventListener('click', (event) => {
      event.preventDefault();
      this.actions.showEvidence(label, eventIds);
    });
    return anchor;
  }

  private plotX(root: SVGSVGElement, event: MouseEvent): number {
    const box = root.getBoundingClientRect();
    return ((event.clientX - box.left) / box.width) * (this.layout?.width ?? box.width);
  }
}

/** Shortens a label from its end, with an ellipsis, until it fits the width. */
function fitText(text: SVGTextElement, width: number): void {
  const full = text.textContent ?? '';
  for (let length = full.length; length > 1 && text.getComputedTextLength() > width; length -= 1)
    text.textContent = `${full.slice(0, length - 1)}…`;
}
