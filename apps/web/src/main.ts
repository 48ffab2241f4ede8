import type { OrganisationHistory } from '@app/projections';
import { Api, ApiError } from './api';
import { BAR_KINDS, CHART_DEFAULTS } from './chart-layout';
import { Chart } from './chart';
import { dateOf, dayNumber, isDay } from './days';
import { byId, html } from './dom';
import { EvidencePanel } from './evidence-panel';
import { StateEvidence } from './state-evidence';
import { renderState } from './state-panel';

const FIRST = CHART_DEFAULTS.first;
const LAST = CHART_DEFAULTS.last;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** The timeline page: a chart of the whole history, and the state on the day the date controls choose. */
class TimelinePage {
  private readonly api = new Api();
  private readonly dateInput = byId<HTMLInputElement>('date-input');
  private readonly slider = byId<HTMLInputElement>('date-slider');
  private readonly knownAtInput = byId<HTMLInputElement>('known-at');
  private readonly status = byId('status');
  private readonly evidencePanel = new EvidencePanel(byId('evidence'), this.api);
  private readonly chart = new Chart(byId('chart'), { showEvidence: (title, ids) => void this.evidencePanel.show(title, ids), selectDay: (day) => this.select(day) });
  private readonly organisation: string;
  private day: string;
  private knownAt: string | null;
  private history: OrganisationHistory | null = null;
  private pending: AbortController | null = null;

  constructor(params: URLSearchParams) {
    this.organisation = params.get('org') ?? 'csto';
    const asOf = params.get('asOf');
    this.day = asOf !== null && isDay(asOf) && asOf >= FIRST && asOf <= LAST ? asOf : '2012-12-20';
    const knownAt = params.get('knownAt');
    this.knownAt = knownAt !== null && !Number.isNaN(Date.parse(knownAt)) ? new Date(knownAt).toISOString() : null;
  }

  start(): void {
    Object.assign(this.dateInput, { min: FIRST, max: LAST });
    Object.assign(this.slider, { min: '0', max: String(dayNumber(LAST) - dayNumber(FIRST)), step: '1' });
    this.dateInput.addEventListener('change', () => this.fromDateInput());
    this.dateInput.addEventListener('input', () => this.fromDateInput());
    this.slider.addEventListener('input', () => this.select(dateOf(dayNumber(FIRST) + Number(this.slider.value))));
    this.knownAtInput.value = this.knownAt === null ? '' : this.knownAt.slice(0, 19);
    this.knownAtInput.addEventListener('change', () => this.fromKnownAtInput());
    byId('known-at-latest').addEventListener('click', () => {
      this.knownAtInput.value = '';
      this.fromKnownAtInput();
    });
    byId('legend').replaceChildren(...BAR_KINDS.map(({ kind, label }) => html('li', {}, html('span', { class: `swatch ${kind}`, 'aria-hidden': 'true' }), label)));
    this.showControls(this.day);
    void this.load();
  }

  private fromDateInput(): void {
    const value = this.dateInput.value;
    if (value === this.day) return;
    if (isDay(value) && value >= FIRST && value <= LAST) this.select(value);
    else if (value !== '') this.say(`The date must be a day between ${FIRST} and ${LAST}.`);
  }

  private fromKnownAtInput(): void {
    const value = this.knownAtInput.value;
    if (value !== '' && !INSTANT.test(value)) {
      this.say('“As recorded at” must be a date and time (UTC), or empty for the latest record.');
      return;
    }
    this.knownAt = value === '' ? null : new Date(`${value}Z`).toISOString();
    this.showControls(this.day);
    void this.load();
  }

  /** Loads the organisation's history as recorded at `knownAt`, draws it, then shows the chosen day. */
  private async load(): Promise<void> {
    this.say('Loading the record…');
    try {
      const { organisations } = await this.api.organisations(this.knownAt);
      const found = organisations.find((o) => o.id === this.organisation);
      if (found === undefined) {
        this.showEmpty(organisations.map((o) => o.id));
        return;
      }
      this.history = await this.api.history(this.organisation, this.knownAt);
      byId('title').textContent = `${this.history.name ?? found.name} — ${FIRST.slice(0, 4)}–${LAST.slice(0, 4)}`;
      byId('main').hidden = false;
      this.chart.draw(this.history);
      this.say('');
      await this.showDay();
    } catch (error) {
      this.fail(error);
    }
  }

  private select(day: string): void {
    this.day = day;
    this.showControls(day);
    void this.showDay();
  }

  private showControls(day: string): void {
    this.dateInput.value = day;
    this.slider.value = String(dayNumber(day) - dayNumber(FIRST));
    this.slider.setAttribute('aria-valuetext', day);
    const params = new URLSearchParams({ org: this.organisation, asOf: day, ...(this.knownAt ? { knownAt: this.knownAt } : {}) });
    window.history.replaceState(null, '', `?${params.toString()}`);
  }

  /** The state on the chosen day; a newer choice cancels the request of an older one. */
  private async showDay(): Promise<void> {
    const history = this.history;
    if (history === null) return;
    this.chart.mark(this.day);
    this.pending?.abort();
    const pending = (this.pending = new AbortController());
    try {
      const state = await this.api.state(this.organisation, this.day, this.knownAt, pending.signal);
      if (pending.signal.aborted) return;
      renderState(byId('state'), state, new StateEvidence(history), (title, ids) => void this.evidencePanel.show(title, ids));
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
    this.say(error instanceof Error ? `The API answered: ${error.message}` : String(error));
  }

  private askForToken(): void {
    const input = html('input', { id: 'token', type: 'password', autocomplete: 'off', required: true });
    const form = html('form', {}, html('label', { for: 'token' }, 'This server asks for a reader token: '), input, html('button', { type: 'submit' }, 'Use token'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.api.useToken(input.value.trim());
      void this.load();
    });
    this.status.replaceChildren(form);
  }

  private say(message: string): void {
    this.status.textContent = message;
  }
}

new TimelinePage(new URLSearchParams(window.location.search)).start();
