import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type NextFunction, type Request, type Response, static as serveStatic } from 'express';
import type { ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Where the timeline page's built assets are: `dist/web` under the project root (the nearest folder above this
 * file with a package.json), written by `npm run build`. Null when the page has not been built.
 */
export function pageAssetsDirectory(from: string = __dirname): string | null {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) {
      const assets = join(folder, 'dist', 'web');
      return existsSync(join(assets, 'index.html')) ? assets : null;
    }
    if (dirname(folder) === folder) return null;
  }
}

/** A year: the longest lifetime caches honour. */
const ONE_YEAR_SECONDS = 31_536_000;

/**
 * How long a browser may keep a page file. Every file but `index.html` is named by a hash of its content
 * (scripts/build-web.mjs), so a new build is new names: those may be kept a year without asking. `index.html`
 * names them, so it must be asked for again every time, or a browser would keep loading the old build.
 */
export function cacheControlFor(file: string): string {
  return basename(file) === 'index.html' ? 'no-cache' : `public, max-age=${ONE_YEAR_SECONDS}, immutable`;
}

/** Serves the built page at `/`, or warns that `/` will answer 404 when it has not been built. */
export function servePage(
  app: NestExpressApplication,
  directory: string | null = pageAssetsDirectory(),
): void {
  if (directory === null) {
    new Logger('annals').warn('the timeline page is not built (npm run build): / will answer 404');
    return;
  }
  const serve = serveStatic(directory, {
    index: 'index.html',
    // Set when express is about to send a file; express then keeps ours instead of its max-age=0.
    setHeaders: (response: ServerResponse, file: string) =>
      response.setHeader('Cache-Control', cacheControlFor(file)),
  });
  // The page's files all sit at the top of its folder (scripts/build-web.mjs): a deeper path, as every question to
  // the API is, cannot name one, and is not looked for on disk.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (ONE_SEGMENT.test(request.path)) void serve(request, response, next);
    else next();
  });
}

const ONE_SEGMENT = /^\/[^/]*$/;
