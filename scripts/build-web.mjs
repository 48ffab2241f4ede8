// Builds the timeline page into dist/web: one bundled, minified script and its stylesheet, each named by a hash of
// its content (so the server can let browsers keep them for a year), and the HTML that names them (which the
// server never lets a browser keep without asking). No CDN: the page works offline, served by the API at `/`.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'apps', 'web');
const out = join(root, 'dist', 'web');

// Old hashed files would pile up (and be served) forever: start from an empty folder.
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const { metafile } = await build({
  entryPoints: { app: join(source, 'src', 'main.ts'), styles: join(source, 'styles.css') },
  outdir: out,
  entryNames: '[name]-[hash]',
  metafile: true,
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  tsconfig: join(source, 'tsconfig.json'),
  logLevel: 'warning',
});

/** The built file of an entry point, by its name before the hash. */
function built(entry, extension) {
  const file = Object.keys(metafile.outputs).find(
    (path) => path.endsWith(extension) && basename(path).startsWith(`${entry}-`),
  );
  if (file === undefined) throw new Error(`esbuild wrote no ${entry}-*${extension}`);
  return relative(out, join(root, file));
}

const page = readFileSync(join(source, 'index.html'), 'utf8');
const named = page
  .replace('href="styles.css"', `href="${built('styles', '.css')}"`)
  .replace('src="app.js"', `src="${built('app', '.js')}"`);
if (named.includes('"styles.css"') || named.includes('"app.js"'))
  throw new Error('index.html no longer names styles.css and app.js as the build expects');
writeFileSync(join(out, 'index.html'), named);
