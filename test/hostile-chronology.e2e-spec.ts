import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_FILE_BYTES } from '@app/history';
import { establishedFact, writeChronology } from './support/chronology-fixtures';
import { runCli } from './support/cli';

/** Nine levels of nine aliases each: 9^9 strings if expanded. */
const ALIAS_BOMB = [
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...'bcdefghi'
    .split('')
    .map((name, n) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[n]}`).join(', ')}]`),
  'facts:',
  establishedFact('test/bomb', 'test-bomb').replace(
    '    confidence: high\n',
    '    confidence: high\n    note: *i\n',
  ),
].join('\n');

describe('import of hostile chronology folders', () => {
  let dir: string;
  let folder: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'annals-hostile-'));
    folder = join(dir, 'chronology');
    db = join(dir, 'annals.db');
    // A sound file beside the hostile one: it must not be written either.
    writeChronology(join(folder, 'sound.yaml'), establishedFact('test/sound', 'test-sound'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const importRefused = (path = folder): string => {
    const run = runCli(['import', path], { ANNALS_DB: db });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('nothing was imported');
    const verify = runCli(['verify', '--json'], { ANNALS_DB: db });
    expect(JSON.parse(verify.stdout)).toMatchObject({ events: 0 });
    return run.stderr;
  };

  it('does not follow a link out of the folder', () => {
    writeChronology(join(dir, 'outside', 'secret.yaml'), establishedFact('test/outside', 'test-outside'));
    symlinkSync(join(dir, 'outside', 'secret.yaml'), join(folder, 'linked.yaml'));

    expect(importRefused()).toContain(
      'linked.yaml: a symbolic link, not a regular file: only regular files inside the folder are read',
    );
  });

  it('refuses a link to /dev/zero at once instead of reading it', () => {
    symlinkSync('/dev/zero', join(folder, 'zero.yaml'));

    expect(importRefused()).toContain('zero.yaml: a symbolic link, not a regular file');
  });

  it('refuses a device named as the file to import', () => {
    const run = runCli(['import', '/dev/zero'], { ANNALS_DB: db });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('not a regular file (a device, a pipe or a socket)');
  });

  it('refuses a named pipe instead of waiting on it', () => {
    execFileSync('mkfifo', [join(folder, 'pipe.yaml')]);

    expect(importRefused()).toContain('pipe.yaml: a named pipe, not a regular file');
  });

  it('refuses a folder named like a chronology file', () => {
    mkdirSync(join(folder, 'more.yaml'));

    expect(importRefused()).toContain('more.yaml: a folder named like a chronology file');
  });

  it('refuses a file over the size cap without reading it', () => {
    writeFileSync(join(folder, 'huge.yaml'), `# ${' '.repeat(MAX_FILE_BYTES)}\nfacts: []\n`);

    expect(importRefused()).toContain(
      `huge.yaml: ${MAX_FILE_BYTES + 13} bytes: a chronology file holds at most ${MAX_FILE_BYTES}`,
    );
  });

  it('refuses an alias bomb instead of expanding it', () => {
    writeFileSync(join(folder, 'bomb.yaml'), ALIAS_BOMB);

    expect(importRefused()).toMatch(
      /bomb\.yaml:\d+: test\/bomb|bomb\.yaml:\d+: facts\[0\]: aliases expand too far/,
    );
  });

  it.each([
    ['an unknown local tag', 'name: !custom A test organisation'],
    ['a YAML 1.1 binary tag', 'name: !!binary QSB0ZXN0IG9yZ2FuaXNhdGlvbg=='],
  ])('refuses %s instead of passing it as a string', (_name, replacement) => {
    writeFileSync(
      join(folder, 'tagged.yaml'),
      `facts:\n${establishedFact('test/tagged', 'test-tagged').replace('name: A test organisation', replacement)}`,
    );

    expect(importRefused()).toMatch(/tagged\.yaml:6: not valid YAML: Unresolved tag/);
  });

  it('refuses text that is not UTF-8', () => {
    writeFileSync(join(folder, 'latin1.yaml'), Buffer.from('facts: []\n# \xe9t\xe9\n', 'latin1'));

    expect(importRefused()).toContain('latin1.yaml: not valid UTF-8 text');
  });

  it("imports the sound file alone, so the refusals above are the hostile files' doing", () => {
    expect(runCli(['import', folder], { ANNALS_DB: db }).status).toBe(0);
    expect(existsSync(db)).toBe(true);
  });
});
