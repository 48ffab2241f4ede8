import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium`, as .ci/run does): tests never download a browser. */
export const CHROMIUM = process.env['ANNALS_CHROMIUM'] ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Why no browser can be launched, in a line that names it. */
export function missingBrowser(): string {
  return `no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set ANNALS_CHROMIUM`;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(missingBrowser());
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** Closes what a test opened, skipping what a failed set-up never opened. */
export async function closeAll(...things: readonly ({ close(): Promise<unknown> } | undefined)[]): Promise<void> {
  for (const thing of things) await thing?.close();
}

/** A page that keeps every console error and uncaught exception, and every request that failed. */
export async function watchedPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
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
