// Builds the timeline page into dist/web: one bundled, minified script, its stylesheet and its HTML. No CDN: the
// page works offline, served by the API at `/`.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'apps', 'web');
const out = join(root, 'dist', 'web');

mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(source, 'src', 'main.ts')],
  outfile: join(out, 'app.js'),
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  tsconfig: join(source, 'tsconfig.json'),
  logLevel: 'warning',
});
for (const file of ['index.html', 'styles.css']) copyFileSync(join(source, file), join(out, file));
