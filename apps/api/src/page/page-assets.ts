import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
