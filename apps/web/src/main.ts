import type { OrganisationHistory } from '@app/projections';
import { nearestDay, readAddress, type DayRange } from './address';
import { Api, ApiError } from './api';
import { CHART_DEFAULTS } from './chart-layout';
import { Chart, doubtPatterns } from './chart';
import { dateOf, dayNumber } from './days';
import { byId, html, svg } from './dom';
import { EvidencePanel } from './evidence-panel';
import { Names } from './names';
import { participantInstruments } from './participant-instruments';
import { recordFacts } from './record-facts';
import { renderState } from './state-panel';
import { DOUBT_STYLES, legendEntries } from './statuses';

const FIRST = CHART_DEFAULTS.first;
const LAST = CHART_DEFAULTS.last;
const RANGE: DayRange = { first: FIRST, last: LAST, fallback: '2012-12-20' };

/** The timeline page: a chart of the whole history, and the state on the day the date controls choose. */
class TimelinePage {
  private readonly api = new Api();
  private readonly dateInput = byId<HTMLInputElement>('date-input');
  private readonly dateProblem = byId('date-problem');
  private readonly slider = byId<HTMLInputElement>('date-slider');
  private readonly knownAtInput = byId<HTMLInputElement>('known-at');
  private readonly status = byId('status');
  private readonly notices = byId('notices');
  private readonly evidencePanel = new EvidencePanel(byId('evidence'), this.api);
  private readonly chart = new Chart(byId('chart'), {
    showEvidence: (title, ids) => void this.evidencePanel.show(title, ids),
    showInstruments: (row) =>
      this.evidencePanel.open(
        `Instruments: ${row.fullName}`,
        participantInstruments(row, (title, ids) => void this.evidencePanel.show(title, ids)),
      ),
    selectDay: (day) => this.select(day),
  });
  private readonly organisation: string;
  private day: string;
  private knownAt: string | null;
  private history: OrganisationHistory | null = null;
  private names = new Names([]);
  private pending: AbortController | null = null;

  constructor(params: URLSearchParams) {
    const address = readAddress(params, RANGE);
    this.organisation = address.organisation;
    this.day = address.day;
    this.knownAt = address.knownAt;
    this.notify(address.notices);
  }

  start(): void {
    Object.assign(this.slider, { min: '0', max: String(dayNumber(LAST) - dayNumber(FIRST)), step: '1' });
    this.dateInput.addEventListener('change', () => this.fromDateInput(true));
    this.dateInput.addEventListener('input', () => this.fromDateInput(false));
    this.slider.addEventListener('input', () =>
      this.select(dateOf(dayNumber(FIRST) + Number(this.slider.value))),
    );
    this.knownAtInput.value = this.knownAt ?? '';
    this.knownAtInput.addEventListener('change', () => this.fromKnownAtInput());
    byId('known-at-latest').addEventListener('click', () => {
      this.knownAtInput.value = '';
      this.fromKnownAtInput();
    });
    const swatch = (...shapes: SVGElement[]): SVGSVGElement =>
      svg('svg', { class: 'swatch', viewBox: '0 0 18 12', 'aria-hidden': 'true' }, ...shapes);
    byId('legend').replaceChildren(
      ...legendEntries().map(({ legend, colour }) =>
        html('li', {}, swatch(svg('rect', { width: 18, height: 12, rx: 2, fill: colour })), legend),
      ),
      ...Object.entries(DOUBT_STYLES).map(([kind, { pattern, legend }]) =>
        html(
          'li',
          { 'data-doubt': kind },
          swatch(
            svg('rect', { class: 'doubt-ground', width: 18, height: 12, fill: '#1f4e96' }),
            svg('rect', { class: `doubt doubt-${kind}`, width: 18, height: 12, fill: `url(#${pattern})` }),
          ),
          legend,
        ),
      ),
      doubtPatterns(),
    );
    this.showControls(this.day);
    void this.load();
  }

  /** A typed day is taken as soon as it is a whole valid day; a wrong one is explained when the field is left. */
  private fromDateInput(committed: boolean): void {
    const value = this.dateInput.value.trim();
    if (value === this.day) {
      this.dateProblem.textContent = '';
      return;
    }
    const { day, problem } = nearestDay(value, RANGE);
    if (problem === null) {
      this.dateProblem.textContent = '';
      this.select(day);
    } else if (committed) {
      this.dateProblem.textContent = `“${value}” ${problem}. Still showing ${this.day}.`;
    }
  }

  private fromKnownAtInput(): void {
    const value = this.knownAtInput.value.trim();
    this.knownAt = value === '' ? null : value;
    this.showControls(this.day);
    void this.load();
  }

  /** Loads the organisation's history as recorded at `knownAt`, draws it, then shows the chosen day. */
  private async load(): Promise<void> {
    this.say('Loading the record…');
    try {
      const [{ organisations }, { participants }] = await Promise.all([
        this.api.organisations(this.knownAt),
        this.api.participantNames(),
      ]);
      this.names = new Names(participants);
      const found = organisations.find((o) => o.id === this.organisation);
      if (found === undefined) {
        this.showEmpty(organisations.map((o) => o.id));
        return;
      }
      const history = await this.api.history(this.organisation, this.knownAt);
      this.history = history;
      byId('title').textContent =
        `${this.history.name ?? found.name} — ${FIRST.slice(0, 4)}–${LAST.slice(0, 4)}`;
      byId('main').hidden = false;
      this.chart.draw(history, this.names, recordFacts(history));
      this.say('');
      await this.showDay();
    } catch (error) {
      this.fail(error);
    }
  }

  private select(day: string): void {
    this.day = day;
    this.dateProblem.textContent = '';
    this.notices.replaceChildren();
    this.showControls(day);
    void this.showDay();
  }

  private showControls(day: string): void {
    this.dateInput.value = day;
    this.slider.value = String(dayNumber(day) - dayNumber(FIRST));
    this.slider.setAttribute('aria-valuetext', day);
    const query = [
      ['org', this.organisation],
      ['asOf', day],
      ...(this.knownAt === null ? [] : [['knownAt', this.knownAt]]),
    ];
    window.history.replaceState(
      null,
      '',
      `?${query.map(([name = '', value = '']) => `${name}=${encodeURIComponent(value)}`).join('&')}`,
    );
  }

  /** The state on the chosen day; a newer choice cancels the request of an older one. */
  private async showDay(): Promise<void> {
    if (this.history === null) return;
    this.chart.mark(this.day, true);
    this.pending?.abort();
    const pending = (this.pending = new AbortController());
    try {
      const state = await this.api.state(this.organisation, this.day, this.knownAt, pending.signal);
      if (pending.signal.aborted) return;
      renderState(
        byId('state'),
        state,
        this.names,
        (title, ids, notes) => void this.evidencePanel.show(title, ids, notes),
      );
    } catch (error) {
      if (!pending.signal.aborted) this.fail(error);
    }
  }

  private showEmpty(held: readonly string[]): void {
    byId('main').hidden = true;
    this.say(
      held.length === 0
        ? 'The record is empty: there is nothing to draw yet. Import the chronology with `npm run -s cli -- import events`, or restart the service on an empty store.'
        : `The record holds no organisation “${this.organisation}”. It holds: ${held.join(', ')} (open ?org=${held[0] ?? ''}).`,
    );
  }

  private fail(error: unknown): void {
    if (error instanceof ApiError && error.status === 401) {
      this.askForToken();
      return;
    }
    const refused =
      error instanceof ApiError ? error.fields.find((field) => field.path === 'knownAt') : undefined;
    if (refused !== undefined && this.knownAt !== null) {
      // The nearest valid view of a recorded time the server cannot read is the latest record, said out loud.
      this.notify([
        `knownAt=${this.knownAt}: the server refused it (${refused.reason}); showing the latest record instead.`,
      ]);
      this.knownAt = null;
      this.knownAtInput.value = '';
      this.showControls(this.day);
      void this.load();
      return;
    }
    this.say(error instanceof Error ? `The API answered: ${error.message}` : String(error));
  }

  private askForToken(): void {
    const input = html('input', { id: 'token', type: 'password', autocomplete: 'off', required: true });
    const form = html(
      'form',
      {},
      html('label', { for: 'token' }, 'This server asks for a reader token: '),
      input,
      html('button', { type: 'submit' }, 'Use token'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.api.useToken(input.value.trim());
      void this.load();
    });
    this.status.replaceChildren(form);
  }

  /** Messages about the address that stay until the reader chooses another day. */
  private notify(messages: readonly string[]): void {
    this.notices.append(...messages.map((message) => html('p', { class: 'notice' }, message)));
  }

  private say(message: string): void {
    this.status.textContent = message;
  }
}

new TimelinePage(new URLSearchParams(window.location.search)).start();
