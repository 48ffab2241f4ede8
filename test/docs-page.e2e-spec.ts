import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser } from 'playwright-core';
import { startApi } from './support/api';
import { closeAll, launchChromium, watchedPage } from './support/browser';

/** Swagger UI, served by the real API in Debian's chromium, under the content security policy the API sends. */
describe('the OpenAPI UI at /docs, in a real browser', () => {
  jest.setTimeout(60_000);
  let browser: Browser | undefined;
  let app: NestExpressApplication | undefined;
  afterAll(async () => {
    await closeAll(browser, app);
  });

  it('draws every tag of the document without a console error or a blocked resource', async () => {
    ({ app } = await startApi({ chronology: false }));
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
    const { page, errors } = await watchedPage(browser);
    await page.goto(`${url}/docs`);
    await page.waitForSelector('.opblock');
    const tags = await page.$$eval('.opblock-tag', (nodes) =>
      nodes.map((node) => node.getAttribute('data-tag')),
    );
    expect(tags).toEqual(
      expect.arrayContaining([
        'health',
        'organisations',
        'instruments',
        'participants',
        'events',
        'exports',
        'recording',
      ]),
    );
    expect(errors).toEqual([]);
  });
});
