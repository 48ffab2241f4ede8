import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser, Page } from 'playwright-core';
import type { OrganisationHistory, OrganisationState, TimelineEntry } from '@app/projections';
import { READER_TOKEN, startApi } from './support/api';
import {
  closeAll,
  launchChromium,
  missingBrowser,
  SCREENS,
  seriousViolations,
  sidewaysOverflow,
  smallText,
  watchedPage,
} from './support/browser';

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
  async function openPage(
    screen: { width: number; height: number } = SCREENS.wide,
  ): Promise<{ page: Page; errors: string[] }> {
    if (!browser) throw new Error(`no browser: ${missingBrowser()}`);
    return watchedPage(browser, screen);
  }

  async function serve(
    options?: Parameters<typeof startApi>[0],
  ): Promise<{ app: NestExpressApplication; url: string }> {
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
    const shownMembers = () =>
      page.$$eval('#state tr[data-member]', (rows) =>
        rows.map((row) => ({
          participant: row.getAttribute('data-member'),
          status: row.getAttribute('data-status'),
        })),
      );
    const state = (day: string) => api<OrganisationState>(`/organisations/csto/state?asOf=${day}`);
    /** The treaty the organisation succeeded, as its founding fact names it. */
    const predecessorTreaty = async () => {
      const { entries } = await api<{ entries: TimelineEntry[] }>(
        '/organisations/csto/timeline?type=OrganisationEstablished',
      );
      const founding = entries[0]?.event;
      return founding?.type === 'OrganisationEstablished' ? founding.predecessorInstrument : undefined;
    };
    const showDay = async (day: string) => {
      await page.fill('#date-input', day);
      await shownDay(day);
    };
    /** The event ids the evidence panel shows, once it has loaded them. */
    const shownFacts = async () => {
      await page.locator('#evidence li[data-event]').first().waitFor();
      return page.$$eval('#evidence li[data-event]', (items) =>
        items.map((item) => item.getAttribute('data-event')),
      );
    };
    const apiMembers = async (day: string) =>
      (await api<OrganisationState>(`/organisations/csto/state?asOf=${day}`)).members.map(
        ({ participant, status }) => ({ participant, status }),
      );

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
      const rows = await page.$$eval('#chart [data-participant]', (groups) =>
        groups.map((g) => g.getAttribute('data-participant')),
      );
      expect(rows).toEqual(history.participants.map((p) => p.participant));
      expect(rows.length).toBeGreaterThanOrEqual(9);
      // A party spell is drawn in the row's lane only for the predecessor treaty; the others are in the row's list.
      const predecessor = await predecessorTreaty();
      const bars = await page.$$eval('#chart [data-participant] rect.bar', (rects) => rects.length);
      expect(bars).toBe(
        history.participants.reduce(
          (sum, p) =>
            sum + p.spells.filter((s) => s.status !== 'party' || s.instrument === predecessor).length,
          0,
        ),
      );
      const markers = await page.$$eval('#chart a[data-instrument]', (links) =>
        links.map((a) => a.getAttribute('data-instrument')),
      );
      expect([...markers].sort()).toEqual(
        history.instruments
          .filter((i) => i.entryIntoForce.governing !== null)
          .map((i) => i.id)
          .sort(),
      );
      expect(await page.$$eval('#chart .instrument-key li', (items) => items.length)).toBe(markers.length);
      expect(await page.$$eval('#chart a[data-deployment]', (links) => links.length)).toBe(
        history.deployments.length,
      );
      expect(await page.title()).toBe('annals — timeline');
      expect(await page.textContent('#title')).toContain('Collective Security Treaty');
      expect(errors).toEqual([]);
    });

    it('shows exactly the members GET /organisations/csto/state returns, for every date the date input is moved to', async () => {
      for (const day of [
        '1992-06-01',
        '1994-04-20',
        '1999-04-21',
        '2003-09-18',
        '2006-08-16',
        '2012-12-20',
        '2012-12-29',
        '2022-01-10',
        '2024-06-01',
      ]) {
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
      expect(await page.$eval('label[for="date-slider"]', (label) => label.textContent)).toMatch(
        /Date slider/,
      );
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
      expect(
        await page.$$eval('#evidence li[data-event] .sources li', (items) => items.length),
      ).toBeGreaterThanOrEqual(trail.event.sources.length);
      expect(
        await page.textContent('#state tr[data-external="un-general-assembly"] button.evidence-link'),
      ).toBe('1 fact');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: join(ARTIFACTS, 'timeline-page-1366x900.png'), fullPage: true });
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

    it('names every row with the participant’s name and code beside it, and gives full names in tooltips and the evidence', async () => {
      const { participants: names } = await api<{
        participants: { id: string; name: string; shortName: string }[];
      }>('/participant-names');
      const history = await api<OrganisationHistory>('/organisations/csto/history');
      const named = new Map(names.map((entry) => [entry.id, entry]));
      expect(history.participants.filter((p) => !named.has(p.participant)).map((p) => p.participant)).toEqual(
        [],
      );
      expect(await page.textContent('#chart [data-label="RUS"] text')).toBe('Russia RUS');
      expect(await page.textContent('#chart [data-label="RUS"] title')).toBe('Russian Federation (RUS)');
      expect(await page.textContent('#chart [data-label="union-state-parliamentary-assembly"] title')).toBe(
        'Parliamentary Assembly of the Union State of Belarus and Russia (union-state-parliamentary-assembly)',
      );
      expect(await page.getAttribute('#chart [data-participant="KAZ"] a', 'aria-label')).toMatch(
        /^Kazakhstan \(KAZ\): /,
      );
      expect(await page.textContent('#state tr[data-member="UZB"] td')).toBe('Uzbekistan (UZB)');
      await page.click('#state tr[data-member="UZB"] button.evidence-link');
      await page.locator('#evidence li[data-event]').first().waitFor();
      expect(await page.textContent('#evidence h2')).toContain('Uzbekistan (UZB)');
      await page.keyboard.press('Escape');
    });

    it('shows dates as ISO 8601 text in its own fields, and explains a date it cannot show without moving', async () => {
      expect(await page.getAttribute('#date-input', 'type')).toBe('text');
      expect(await page.getAttribute('#known-at', 'type')).toBe('text');
      await page.fill('#date-input', '2012-12-20');
      await shownDay('2012-12-20');
      expect(await page.inputValue('#date-input')).toBe('2012-12-20');
      await page.fill('#date-input', '2023-02-30');
      await page.dispatchEvent('#date-input', 'change');
      await page.locator('#date-problem', { hasText: 'February 2023 has 28 days' }).waitFor();
      expect(await page.textContent('#date-problem')).toContain('Still showing 2012-12-20');
      expect(new URL(page.url()).searchParams.get('asOf')).toBe('2012-12-20');
      await page.fill('#date-input', '2012-12-21');
      await shownDay('2012-12-21');
      expect(await page.textContent('#date-problem')).toBe('');
    });

    it('has no serious or critical accessibility violations, with the evidence open as well', async () => {
      expect(await seriousViolations(page)).toEqual([]);
      await page.click('#state tr[data-member="UZB"] button.evidence-link');
      await page.locator('#evidence li[data-event]').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      expect(await smallText(page, 12)).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('draws the Treaty’s parties and the Organization’s members apart, with the Charter’s entry into force as the boundary', async () => {
      const history = await api<OrganisationHistory>('/organisations/csto/history');
      expect(history.founded).toBe('2003-09-18');
      expect(await predecessorTreaty()).toBe('cst-1992');
      const boundary = page.locator('#chart a[data-boundary="2003-09-18"]');
      expect(await boundary.getAttribute('aria-label')).toMatch(
        /in force 2003-09-18: the Organization exists from this day; before it, its members were the parties to the Collective Security Treaty$/,
      );
      const boundaryX = Number(await boundary.locator('line').getAttribute('x1'));
      const bar = (participant: string, status: string) =>
        page.locator(`#chart [data-participant="${participant}"] rect.bar[data-status="${status}"]`);
      // Armenia: a party to the Treaty from 1994, a member of the Organization from the boundary, in another colour.
      expect(
        await bar('ARM', 'party').evaluate((rect) =>
          rect.parentElement?.getAttribute('data-spell-instrument'),
        ),
      ).toBe('cst-1992');
      expect(Number(await bar('ARM', 'member').getAttribute('x'))).toBeCloseTo(boundaryX, 5);
      expect(await bar('ARM', 'party').getAttribute('fill')).not.toBe(
        await bar('ARM', 'member').getAttribute('fill'),
      );
      // Azerbaijan left the Treaty in 1999: never a member of the Organization.
      expect(await bar('AZE', 'party').count()).toBe(1);
      expect(await bar('AZE', 'member').count()).toBe(0);
      expect(
        await page.$$eval('#chart rect.bar[data-status="party"]', (rects) => [
          ...new Set(rects.map((r) => r.parentElement?.getAttribute('data-spell-instrument'))),
        ]),
      ).toEqual(['cst-1992']);
      expect(await page.textContent('#chart .succession')).toContain(
        'Shaded, before 2003-09-18: the Organization did not exist yet; its members were the parties to the Collective Security Treaty.',
      );
      expect(await page.textContent('#legend')).toContain(
        'party to the Treaty, before the Organization existed',
      );
      await showDay('1995-01-01');
      expect(await page.textContent('#state caption')).toMatch(/^Parties to the predecessor treaty/);
      expect((await state('1995-01-01')).members.map((m) => m.basis)).toEqual(Array(9).fill('cst-1992'));
      expect(
        await page.$$eval('#state tr[data-member] td:nth-child(3)', (cells) =>
          cells.map((c) => c.textContent),
        ),
      ).toEqual(Array(9).fill('cst-1992'));
      const { entries } = await api<{ entries: TimelineEntry[] }>(
        '/organisations/csto/timeline?type=OrganisationEstablished',
      );
      await boundary.focus();
      await page.keyboard.press('Enter');
      expect(await shownFacts()).toEqual([
        entries[0]?.id,
        ...(history.instruments.find((i) => i.id === 'csto-charter-2002')?.eventIds ?? []),
      ]);
      await page.keyboard.press('Escape');
      expect(errors).toEqual([]);
    });

    it('reaches every instrument a participant signed or is bound by from its row, each spell with its facts', async () => {
      const history = await api<OrganisationHistory>('/organisations/csto/history');
      const spells = history.participants.find((p) => p.participant === 'KAZ')?.spells ?? [];
      const label = page.locator('#chart [data-label="KAZ"]');
      await label.focus();
      await page.keyboard.press('Enter');
      await page.locator('#evidence .participant-instruments').waitFor();
      expect(await page.textContent('#evidence h2')).toBe('Instruments: Kazakhstan (KAZ)');
      const listed = await page.$$eval('#evidence .participant-instruments > li', (items) =>
        items.map((item) => item.getAttribute('data-instrument')),
      );
      expect([...listed].sort()).toEqual(
        [...new Set(spells.flatMap((s) => (s.instrument ? [s.instrument] : [])))].sort(),
      );
      const party = spells.find((s) => s.instrument === 'csto-charter-protocol-2010' && s.status === 'party');
      await page.click(
        '#evidence li[data-instrument="csto-charter-protocol-2010"] li[data-status="party"] button',
      );
      expect(await shownFacts()).toEqual(party?.eventIds);
      await page.keyboard.press('Escape');
      expect(await label.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
      expect(errors).toEqual([]);
    });

    it('hatches undetermined and disputed spans over their ranges, says so in the legend, and gives the readings', async () => {
      expect(await page.textContent('#legend [data-doubt="undetermined"]')).toContain(
        'undetermined: the date is known only to a month, a year or a range',
      );
      expect(await page.textContent('#legend [data-doubt="disputed"]')).toContain(
        'disputed: sources give different dates',
      );
      // An observer from "2013": hatched over the days of the year on which the server answers "undetermined", solid
      // from the first day it answers that the status holds.
      const union = '#chart [data-participant="union-state-parliamentary-assembly"]';
      const unionRow = '#state tr[data-observer="union-state-parliamentary-assembly"]';
      const hatched = page.locator(`${union} a[data-doubt="undetermined"]`);
      const [from, to] = [await hatched.getAttribute('data-from'), await hatched.getAttribute('data-to')];
      expect(from).toBe('2013-01-01');
      const lastUndetermined = to ?? '';
      const firstCertain = new Date(Date.parse(`${lastUndetermined}T00:00:00Z`) + 86_400_000)
        .toISOString()
        .slice(0, 10);
      const observerOn = async (day: string) =>
        (await state(day)).observers.find((o) => o.participant === 'union-state-parliamentary-assembly');
      expect((await observerOn(lastUndetermined))?.undetermined).toEqual({
        from: '2013-01-01',
        to: '2013-12-31',
      });
      expect(await observerOn(firstCertain)).toMatchObject({ since: '2013' });
      expect((await observerOn(firstCertain))?.undetermined).toBeUndefined();
      expect(await hatched.getAttribute('aria-label')).toContain(
        `observer from a day in 2013: undetermined from 2013-01-01 to ${lastUndetermined}`,
      );
      const doubt = hatched.locator('rect.doubt');
      const hatchEnd = Number(await doubt.getAttribute('x')) + Number(await doubt.getAttribute('width'));
      expect(Number(await page.getAttribute(`${union} rect.bar`, 'x'))).toBeCloseTo(hatchEnd, 5);
      await showDay('2013-06-01');
      expect(await page.getAttribute(unionRow, 'data-undetermined')).toBe('2013-01-01/2013-12-31');
      expect(await page.textContent(`${unionRow} .flag`)).toBe('undetermined: 2013-01-01 to 2013-12-31');
      await showDay(firstCertain);
      expect(await page.getAttribute(unionRow, 'data-undetermined')).toBeNull();

      // Azerbaijan's lapse from the Treaty: 21 April 1999 followed, 2 April 1999 read by another source.
      await showDay('1999-04-10');
      const answer = await state('1999-04-10');
      const azerbaijan = answer.members.find((m) => m.participant === 'AZE');
      const disputed = answer.uncertain.find((u) => u.participant === 'AZE' && u.status === 'disputed');
      const cross = page.locator('#chart [data-participant="AZE"] a[data-doubt="disputed"]');
      expect([await cross.getAttribute('data-from'), await cross.getAttribute('data-to')]).toEqual([
        disputed?.from,
        disputed?.to,
      ]);
      expect(await page.getAttribute('#state tr[data-member="AZE"]', 'data-disputed')).toBe(
        azerbaijan?.disputed?.eventId,
      );
      await page.click('#state tr[data-member="AZE"] button.evidence-link');
      expect(await shownFacts()).toEqual(azerbaijan?.eventIds);
      expect(await page.textContent('#evidence > .dispute')).toContain(
        `${azerbaijan?.disputed?.effect.slice(1) ?? '?'}.`,
      );
      const readings = azerbaijan?.disputed?.readings ?? [];
      expect(await page.$$eval('#evidence > .dispute .readings li', (items) => items.length)).toBe(
        readings.length,
      );
      expect(
        await page.$$eval(
          `#evidence li[data-event="${azerbaijan?.disputed?.eventId ?? ''}"] .readings > li`,
          (items) => items.map((item) => item.getAttribute('data-reading')),
        ),
      ).toEqual(readings.map((r) => r.effectiveDate ?? ''));
      await page.keyboard.press('Escape');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({
        path: join(ARTIFACTS, 'timeline-page-1999-04-10-1366x900.png'),
        fullPage: true,
      });
      expect(errors).toEqual([]);
    });

    it('says in force "undetermined", with the range, inside the period an entry into force is known to, and hatches it on the chart', async () => {
      // The record knows the Peacekeeping Agreement in force only "no later than" a day: a range.
      const history = await api<OrganisationHistory>('/organisations/csto/history');
      const governing =
        history.instruments.find((i) => i.id === 'peacekeeping-agreement-2007')?.entryIntoForce.governing ??
        '';
      const [first = '', last = ''] = governing.split('/');
      expect(governing).toBe(`${first}/${last}`);
      const row = '#state tr[data-instrument="peacekeeping-agreement-2007"]';
      const answered = (await state(first)).instruments.find((i) => i.id === 'peacekeeping-agreement-2007');
      expect(answered).toMatchObject({ inForce: 'undetermined', undetermined: { from: first, to: last } });
      await showDay(first);
      expect(await page.getAttribute(row, 'data-in-force')).toBe('undetermined');
      expect(await page.textContent(`${row} td:nth-child(2)`)).toBe(
        `undetermined: in force on a day between ${first} and ${last}`,
      );
      expect(await page.getAttribute(row, 'data-undetermined')).toBe(`${first}/${last}`);
      expect(await page.isVisible('#chart rect[data-instrument-range="peacekeeping-agreement-2007"]')).toBe(
        true,
      );
      expect(
        await page.getAttribute('#chart a[data-instrument="peacekeeping-agreement-2007"]', 'aria-label'),
      ).toContain(`in force on a day between ${first} and ${last} (undetermined within it)`);
      // On the last day of the range it is surely in force, as the server answers.
      expect(
        (await state(last)).instruments.find((i) => i.id === 'peacekeeping-agreement-2007')?.inForce,
      ).toBe(true);
      await showDay(last);
      expect(await page.getAttribute(row, 'data-in-force')).toBe('true');
      expect(await page.textContent(`${row} td:nth-child(2)`)).toBe(`since ${governing}`);
      expect(errors).toEqual([]);
    });

    it('opens exactly the facts each row of the state gives, the page matching nothing itself', async () => {
      await showDay('2012-12-20');
      const answer = await state('2012-12-20');
      const rows: [string, readonly string[] | undefined][] = [
        ['#state tr[data-member="UZB"]', answer.members.find((m) => m.participant === 'UZB')?.eventIds],
        ['#state tr[data-external="un-general-assembly"]', answer.externalStatuses[0]?.eventIds],
        [
          '#state tr[data-instrument="csto-charter-protocol-2010"]',
          answer.instruments.find((i) => i.id === 'csto-charter-protocol-2010')?.eventIds,
        ],
        [
          '#state tr[data-signatory="KAZ"][data-signatory-of="peacekeeping-agreement-2007"]',
          answer.signatories.find(
            (s) => s.participant === 'KAZ' && s.instrument === 'peacekeeping-agreement-2007',
          )?.eventIds,
        ],
      ];
      for (const [row, eventIds] of rows) {
        expect(eventIds?.length).toBeGreaterThan(0);
        await page.click(`${row} button.evidence-link`);
        expect({ row, facts: await shownFacts() }).toEqual({ row, facts: eventIds });
        await page.keyboard.press('Escape');
      }
    });

    it('tells deployments present from those only requested or authorised', async () => {
      await showDay('2022-01-05');
      expect((await state('2022-01-05')).pendingDeployments.map((d) => d.status)).toEqual(['requested']);
      expect(
        await page.getAttribute('#state tr[data-pending-deployment="csto-kazakhstan-2022"]', 'data-status'),
      ).toBe('requested');
      expect(await page.$$eval('#state tr[data-deployment]', (rows) => rows.length)).toBe(0);
      await showDay('2022-01-10');
      expect(
        await page.getAttribute('#state tr[data-deployment="csto-kazakhstan-2022"]', 'data-status'),
      ).toBe('active');
      expect(await page.$$eval('#state tr[data-pending-deployment]', (rows) => rows.length)).toBe(0);
      expect(errors).toEqual([]);
    });

    it('shows the record as it stood at an earlier recorded time: before the import, it was empty', async () => {
      await page.fill('#known-at', '2000-01-01T00:00:00Z');
      await page.dispatchEvent('#known-at', 'change');
      await page.locator('#status', { hasText: 'The record is empty' }).waitFor();
      expect(await page.isHidden('#main')).toBe(true);
      expect(new URL(page.url()).searchParams.get('knownAt')).toBe('2000-01-01T00:00:00Z');
      await page.goto(`${url}/?asOf=2012-12-20`);
      await shownDay('2012-12-20');
      expect(await shownMembers()).toEqual(await apiMembers('2012-12-20'));
      expect(errors).toEqual([]);
    });
  });

  describe('on a phone (390×844), under a strict Content-Security-Policy', () => {
    let app: NestExpressApplication;
    let page: Page;
    let errors: string[];

    beforeAll(async () => {
      ({ page, errors } = await openPage(SCREENS.phone));
      let url: string;
      ({ app, url } = await serve());
      // What a strict policy allows: files from the server itself, no inline script or style anywhere.
      await page.route('**/*', async (route) => {
        const response = await route.fetch();
        const policy =
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";
        await route.fulfill({
          response,
          headers: { ...response.headers(), 'content-security-policy': policy },
        });
      });
      await page.goto(`${url}/?asOf=2012-12-20`);
      await page.waitForSelector('#state h2[data-as-of="2012-12-20"]');
    });
    afterAll(() => closeAll(page, app));

    it('fits the screen: no sideways scroll of the page, no text under 12 px, nothing blocked by the policy', async () => {
      expect(await sidewaysOverflow(page)).toBe(0);
      expect(await smallText(page, 12)).toEqual([]);
      // No date breaks across lines, in the instruments' key or in the state's tables.
      const dates = await page.$$eval('#chart .instrument-key .date, #state td .date', (spans) =>
        spans.map((span) => ({ date: span.textContent, lines: span.getClientRects().length })),
      );
      expect(dates.length).toBeGreaterThan(10);
      expect(dates.filter(({ lines }) => lines !== 1)).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('scrolls the chart sideways in its own frame, with the row labels pinned', async () => {
      const frame = page.locator('#chart .chart-scroll');
      const { scrollWidth, clientWidth } = await frame.evaluate((element) => ({
        scrollWidth: element.scrollWidth,
        clientWidth: element.clientWidth,
      }));
      expect(scrollWidth).toBeGreaterThan(clientWidth);
      const label = page.locator('#chart [data-label="ARM"] text');
      const before = await label.boundingBox();
      await frame.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
      expect(await label.boundingBox()).toEqual(before);
      expect(before!.x).toBeGreaterThanOrEqual(0);
      expect(await label.textContent()).toBe('Armenia ARM');
      expect(await sidewaysOverflow(page)).toBe(0);
    });

    it('keeps the keyboard paths: the slider moves a day, a bar opens its facts and Escape gives the focus back', async () => {
      await page.focus('#date-slider');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('#state h2[data-as-of="2012-12-21"]');
      const bar = page.locator('#chart [data-participant="UZB"] a').first();
      await bar.focus();
      await page.keyboard.press('Enter');
      await page.locator('#evidence li[data-event]').first().waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.keyboard.press('Escape');
      expect(await bar.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    });

    it('has no serious or critical accessibility violations, and is saved as a screenshot', async () => {
      expect(await seriousViolations(page)).toEqual([]);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: join(ARTIFACTS, 'timeline-page-390x844.png'), fullPage: true });
      expect(errors).toEqual([]);
    });
  });

  describe('an address it cannot show as it is', () => {
    let app: NestExpressApplication;
    let url: string;
    beforeAll(async () => {
      ({ app, url } = await serve());
    });
    afterAll(() => closeAll(app));

    const open = async (query: string, day: string) => {
      const { page, errors } = await openPage();
      await page.goto(`${url}/${query}`);
      await page.waitForSelector(`#state h2[data-as-of="${day}"]`);
      return {
        page,
        errors,
        notice: (await page.textContent('#notices')) ?? '',
        address: new URL(page.url()).searchParams,
      };
    };

    it.each([
      ['?asOf=2023-02-30', '2023-02-28', 'asOf=2023-02-30 is not a calendar day'],
      ['?asOf=1990-01-01', '1992-01-01', 'asOf=1990-01-01 is before the first day of the chart'],
      ['?asOf=2012-12', '2012-12-20', 'asOf=2012-12 is not a day (write YYYY-MM-DD)'],
    ])('%s shows the nearest day it can, %s, and says why', async (query, day, why) => {
      const { page, errors, notice, address } = await open(query, day);
      try {
        expect(notice).toContain(why);
        expect(notice).toContain(`showing ${day} instead`);
        expect(await page.isVisible('#notices .notice')).toBe(true);
        expect(address.get('asOf')).toBe(day);
        expect(await page.inputValue('#date-input')).toBe(day);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('shows the latest record for a knownAt the server refuses, and says what the server said', async () => {
      const { page, errors, notice, address } = await open(
        '?asOf=2012-12-20&knownAt=yesterday',
        '2012-12-20',
      );
      try {
        expect(notice).toMatch(
          /^knownAt=yesterday: the server refused it \(must be an ISO 8601 instant.*\); showing the latest record instead\.$/,
        );
        expect(address.get('knownAt')).toBeNull();
        expect(await page.inputValue('#known-at')).toBe('');
        expect(await page.$$eval('#state tr[data-member]', (rows) => rows.length)).toBe(7);
        // The refused request is answered 400, which the browser reports as a console error.
        expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('clears the notice once the reader chooses another day', async () => {
      const { page } = await open('?asOf=1990-01-01', '1992-01-01');
      try {
        await page.fill('#date-input', '1995-01-01');
        await page.waitForSelector('#state h2[data-as-of="1995-01-01"]');
        expect(await page.textContent('#notices')).toBe('');
      } finally {
        await page.close();
      }
    });
  });

  it('serves the page with its assets named by content and kept a year, and index.html never kept unasked', async () => {
    const { app, url } = await serve({ chronology: false });
    try {
      const index = await fetch(`${url}/`);
      expect(index.headers.get('cache-control')).toBe('no-cache');
      const html = await index.text();
      const assets = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? '');
      expect(assets).toEqual([
        expect.stringMatching(/^styles-[A-Z0-9]{8}\.css$/),
        expect.stringMatching(/^app-[A-Z0-9]{8}\.js$/),
      ]);
      for (const asset of assets)
        expect((await fetch(`${url}/${asset}`)).headers.get('cache-control')).toBe(
          'public, max-age=31536000, immutable',
        );
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)|<style|\sstyle=/);
    } finally {
      await app.close();
    }
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
