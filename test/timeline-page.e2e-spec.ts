import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, Page } from 'playwright-core';
import type { OrganisationHistory, OrganisationState } from '@app/projections';
import { READER_TOKEN, startApi } from './support/api';
import { closeAll, launchChromium, missingBrowser, watchedPage } from './support/browser';

const ARTIFACTS = join(__dirname, 'artifacts');

/** The page served by the real API over real HTTP, in Debian's chromium driven by playwright-core. */
describe('the timeline page, in a real browser', () => {
  jest.setTimeout(60_000);
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A watched page, or the reason there is none: every test then fails at once with the missing browser's name. */
  async function openPage(): Promise<{ page: Page; errors: string[] }> {
    if (!browser) throw new Error(`no browser: ${missingBrowser()}`);
    return watchedPage(browser);
  }

  async function serve(options?: Parameters<typeof startApi>[0]): Promise<{ app: NestExpressApplication; url: string }> {
    const { app } = await startApi(options);
    await app.listen(0, '127.0.0.1');
    return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
  }

  describe('on the chronology', () => {
    let app: NestExpressApplication;
    let url: string;
    let page: Page;
    let errors: string[];
    const api = async <T>(path: string): Promise<T> => (await (await fetch(`${url}${path}`)).json()) as T;
    const shownDay = (day: string) => page.waitForSelector(`#state h2[data-as-of="${day}"]`);
    const shownMembers = () => page.$$eval('#state tr[data-member]', (rows) => rows.map((row) => ({ participant: row.getAttribute('data-member'), status: row.getAttribute('data-status') })));
    const apiMembers = async (day: string) =>
      (await api<OrganisationState>(`/organisations/csto/state?asOf=${day}`)).members.map(({ participant, status }) => ({ participant, status }));

    beforeAll(async () => {
      ({ page, errors } = await openPage());
      ({ app, url } = await serve());
      await page.goto(`${url}/?asOf=2012-12-20`);
      await shownDay('2012-12-20');
    });
    // A beforeAll that failed leaves these unset; closing what was opened lets jest exit.
    afterAll(() => closeAll(page, app));

    it('loads without console errors and draws a row for every participant the API returns', async () => {
      const history = await api<OrganisationHistory>('/organisations/csto/history');
      const rows = await page.$$eval('#chart [data-participant]', (groups) => groups.map((g) => g.getAttribute('data-participant')));
      expect(rows).toEqual(history.participants.map((p) => p.participant));
      expect(rows.length).toBeGreaterThanOrEqual(9);
      const bars = await page.$$eval('#chart [data-participant] rect.bar', (rects) => rects.length);
      expect(bars).toBe(history.participants.reduce((sum, p) => sum + p.spells.length, 0));
      const markers = await page.$$eval('#chart a[data-instrument]', (links) => links.map((a) => a.getAttribute('data-instrument')));
      expect([...markers].sort()).toEqual(history.instruments.filter((i) => i.entryIntoForce.governing !== null).map((i) => i.id).sort());
      expect(await page.$$eval('#chart .instrument-key li', (items) => items.length)).toBe(markers.length);
      expect(await page.$$eval('#chart a[data-deployment]', (links) => links.length)).toBe(history.deployments.length);
      expect(await page.title()).toBe('annals — timeline');
      expect(await page.textContent('#title')).toContain('Collective Security Treaty');
      expect(errors).toEqual([]);
    });

    it('shows exactly the members GET /organisations/csto/state returns, for every date the date input is moved to', async () => {
      for (const day of ['1992-06-01', '1994-04-20', '1999-04-21', '2003-09-18', '2006-08-16', '2012-12-20', '2012-12-29', '2022-01-10', '2024-06-01']) {
        await page.fill('#date-input', day);
        await shownDay(day);
        expect({ day, members: await shownMembers() }).toEqual({ day, members: await apiMembers(day) });
      }
      expect(errors).toEqual([]);
    });

    it('moves the date one day at a time with the keyboard on the labelled slider', async () => {
      await page.fill('#date-input', '2012-12-28');
      await shownDay('2012-12-28');
      expect(await page.getAttribute('#date-slider', 'aria-valuetext')).toBe('2012-12-28');
      expect(await page.$eval('label[for="date-slider"]', (label) => label.textContent)).toMatch(/Date slider/);
      await page.focus('#date-slider');
      await page.keyboard.press('ArrowRight');
      await shownDay('2012-12-29');
      expect(await page.inputValue('#date-input')).toBe('2012-12-29');
      expect(await shownMembers()).toEqual(await apiMembers('2012-12-29'));
      expect(new URL(page.url()).searchParams.get('asOf')).toBe('2012-12-29');
    });

    it('links a status to the facts and sources behind it', async () => {
      await page.fill('#date-input', '2012-12-20');
      await shownDay('2012-12-20');
      expect(await page.getAttribute('#state tr[data-member="UZB"]', 'data-status')).toBe('suspended');
      await page.click('#state tr[data-member="UZB"] button.evidence-link');
      const fact = await page.waitForSelector('#evidence li[data-event]');
      const eventId = await fact.getAttribute('data-event');
      const trail = await api<{ event: { type: string; sources: unknown[] } }>(`/events/${eventId ?? ''}`);
      expect(await fact.textContent()).toContain(trail.event.type);
      expect(await page.$$eval('#evidence li[data-event] .sources li', (items) => items.length)).toBeGreaterThanOrEqual(trail.event.sources.length);
      expect(await page.textContent('#state tr[data-external="un-general-assembly"] button.evidence-link')).toBe('1 fact');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: join(ARTIFACTS, 'timeline-page.png'), fullPage: true });
      expect(errors).toEqual([]);
    });

    it('opens the facts behind a bar from the keyboard, and Escape gives the focus back to the bar', async () => {
      const bar = page.locator('#chart [data-participant="UZB"] a').first();
      await bar.focus();
      await page.keyboard.press('Enter');
      await page.locator('#evidence li[data-event]').first().waitFor();
      expect(await page.locator('#evidence h2').textContent()).toContain('UZB');
      await page.keyboard.press('Escape');
      expect(await page.isHidden('#evidence')).toBe(true);
      expect(await bar.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
      expect(errors).toEqual([]);
    });

    it('shows the record as it stood at an earlier recorded time: before the import, it was empty', async () => {
      await page.fill('#known-at', '2000-01-01T00:00:00');
      await page.dispatchEvent('#known-at', 'change');
      await page.locator('#status', { hasText: 'The record is empty' }).waitFor();
      expect(await page.isHidden('#main')).toBe(true);
      expect(new URL(page.url()).searchParams.get('knownAt')).toBe('2000-01-01T00:00:00.000Z');
      await page.goto(`${url}/?asOf=2012-12-20`);
      await shownDay('2012-12-20');
      expect(await shownMembers()).toEqual(await apiMembers('2012-12-20'));
      expect(errors).toEqual([]);
    });
  });

  it('says the record is empty on an empty store, without errors', async () => {
    const { page, errors } = await openPage();
    const { app, url } = await serve({ chronology: false });
    try {
      await page.goto(`${url}/`);
      await page.locator('#status', { hasText: 'The record is empty' }).waitFor();
      expect(await page.isHidden('#main')).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await app.close();
    }
  });

  it('asks for a reader token when the server wants one, and then draws the record', async () => {
    const { page, errors } = await openPage();
    const { app, url } = await serve({ readers: new Map([[READER_TOKEN, 'bob']]) });
    try {
      await page.goto(`${url}/?asOf=2012-12-20`);
      await page.getByLabel('This server asks for a reader token').fill(READER_TOKEN);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#state h2[data-as-of="2012-12-20"]');
      expect(await page.$$eval('#state tr[data-member]', (rows) => rows.length)).toBe(7);
      // The first attempt, before the token, was answered 401: the browser reports that as a console error.
      expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    } finally {
      await page.close();
      await app.close();
    }
  });
});
