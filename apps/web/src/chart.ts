import type { OrganisationHistory } from '@app/projections';
import { layoutChart, type ChartLayout } from './chart-layout';
import { html, svg } from './dom';

/** What the chart asks of the page: show the facts behind a mark, or move the date to a day. */
export interface ChartActions {
  readonly showEvidence: (title: string, eventIds: readonly string[]) => void;
  readonly selectDay: (day: string) => void;
}

/** Draws the history as SVG: a row per participant, markers for entry into force, bands for deployments. */
export class Chart {
  private layout: ChartLayout | null = null;
  private readonly cursor = svg('line', { class: 'cursor', 'aria-hidden': 'true' });

  constructor(
    private readonly container: HTMLElement,
    private readonly actions: ChartActions,
  ) {}

  draw(history: OrganisationHistory): void {
    const layout = layoutChart(history);
    this.layout = layout;
    const { plot } = layout;
    const root = svg('svg', {
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      role: 'group',
      'aria-label': `Timeline of ${history.name ?? history.organisation}: ${layout.rows.length} participants`,
    });
    const background = svg('rect', { class: 'plot', x: plot.left, y: plot.top, width: plot.right - plot.left, height: plot.bottom - plot.top });
    background.addEventListener('click', (event) => this.actions.selectDay(layout.dayAt(this.plotX(root, event))));
    root.append(background);

    for (const tick of layout.ticks) {
      root.append(svg('line', { class: tick.labelled ? 'tick major' : 'tick', x1: tick.x, x2: tick.x, y1: plot.top, y2: plot.bottom }));
      if (tick.labelled) root.append(svg('text', { class: 'year', x: tick.x, y: plot.bottom + 15 }, String(tick.year)));
    }
    for (const band of layout.bands) {
      root.append(this.link(band.label, band.eventIds, svg('rect', { class: 'deployment', x: band.x, y: plot.top, width: band.width, height: plot.bottom - plot.top }), { 'data-deployment': band.id }));
    }
    for (const row of layout.rows) {
      const group = svg('g', { class: 'row', 'data-participant': row.participant });
      const name = row.participant.length > 8 ? `${row.participant.slice(0, 7)}…` : row.participant;
      group.append(svg('text', { class: 'participant', x: plot.left - 6, y: row.y + 15 }, svg('title', {}, row.participant), name));
      for (const bar of row.bars) {
        group.append(this.link(bar.label, bar.eventIds, svg('rect', { class: `bar ${bar.kind}`, x: bar.x, y: bar.y, width: bar.width, height: bar.height }), {}));
      }
      root.append(group);
    }
    for (const marker of layout.markers) {
      const mark = svg(
        'g',
        {},
        svg('line', { class: 'marker', x1: marker.x, x2: marker.x, y1: marker.labelY + 6, y2: plot.bottom }),
        svg('circle', { class: 'marker-head', cx: marker.x, cy: marker.labelY, r: 6 }),
        svg('text', { class: 'marker-number', x: marker.x, y: marker.labelY + 3.5 }, String(marker.number)),
      );
      root.append(this.link(marker.label, marker.eventIds, mark, { 'data-instrument': marker.id }));
    }
    root.append(this.cursor);
    const key = html(
      'ol',
      { class: 'instrument-key', 'aria-label': 'Instruments entering into force (numbered markers)' },
      ...layout.markers.map((marker) => {
        const button = html('button', { type: 'button', class: 'evidence-link' }, marker.label);
        button.addEventListener('click', () => this.actions.showEvidence(marker.label, marker.eventIds));
        return html('li', { value: String(marker.number) }, button);
      }),
    );
    this.container.replaceChildren(root, key);
  }

  /** Moves the date cursor to the day. */
  mark(day: string): void {
    if (this.layout === null) return;
    const x = this.layout.xOf(day);
    for (const [name, value] of Object.entries({ x1: x, x2: x, y1: this.layout.plot.top - 4, y2: this.layout.plot.bottom + 4 })) this.cursor.setAttribute(name, String(value));
  }

  /** A focusable link around a mark: its tooltip says what it is, and activating it shows the facts behind it. */
  private link(label: string, eventIds: readonly string[], content: SVGElement, attributes: Record<string, string>): SVGAElement {
    const anchor = svg('a', { href: `#evidence`, 'aria-label': label, ...attributes }, svg('title', {}, label), content);
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
