import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`, as .ci/run does): tests never download a browser. */
export const CHROMIUM = process.env['ANNALS_CHROMIUM'] ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Why no browser can be launched, in a line that names it. */
export function missingBrowser(): string {
  return `no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set ANNALS_CHROMIUM`;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(missingBrowser());
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** Closes what a test opened, skipping what a failed set-up never opened. */
export async function closeAll(
  ...things: readonly ({ close(): Promise<unknown> } | undefined)[]
): Promise<void> {
  for (const thing of things) await thing?.close();
}

/** The two screens the page is checked on: a laptop, and a phone held upright. */
export const SCREENS = { wide: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** A page that keeps every console error and uncaught exception, and every request that failed. */
export async function watchedPage(
  browser: Browser,
  viewport: { width: number; height: number } = SCREENS.wide,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({
    viewport,
    ...(viewport === SCREENS.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // The page cancels the state request of a day the user has already moved past: that is not a failure.
    if (reason !== 'net::ERR_ABORTED') errors.push(`request failed: ${request.url()} ${reason}`);
  });
  return { page, errors };
}

export interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * The serious and critical accessibility violations axe-core finds in the page as it is now. axe is evaluated
 * through the browser's debugging protocol, not added as a script tag, so a strict Content-Security-Policy on the
 * page does not stop it.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  // In the page's own language: this file is compiled for Node, without the DOM's types.
  return page.evaluate<
    Violation[]
  >(`axe.run(document, { resultTypes: ['violations'] }).then(({ violations }) => violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))`);
}

/** Visible elements whose own text is drawn smaller than `minimum` CSS pixels, as "tag.class: text (size)". */
export function smallText(page: Page, minimum: number): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll('body *')].flatMap((element) => {
    const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim() !== '');
    if (!ownText || element.closest('[hidden], title') !== null || element.getClientRects().length === 0) return [];
    const size = parseFloat(getComputedStyle(element).fontSize);
    return size < ${minimum} ? [element.tagName.toLowerCase() + '.' + (element.getAttribute('class') ?? '') + ': ' + element.textContent.trim().slice(0, 30) + ' (' + size + 'px)'] : [];
  })`);
}

/** How far the page itself scrolls sideways: 0 when everything fits the screen's width. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}
