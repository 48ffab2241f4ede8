import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { establishedFact, writeChronology } from './support/chronology-fixtures';
import { ROOT, runCli } from './support/cli';

const API = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');

/** Starts the built API as a real process; a bad configuration stops it before it opens anything. */
function startApiProcess(env: Record<string, string>): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  const result = spawnSync(process.execPath, [API], {
    cwd: ROOT,
    env: { ...process.env, ANNALS_DB: ':memory:', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('configuration, checked at start through the real processes', () => {
  it.each([
    [
      'an unknown store',
      { ANNALS_STORE: 'bogus' },
      'annals: configuration: ANNALS_STORE: must be "embedded" or "eventstoredb", got "bogus"',
    ],
    [
      'an empty HOST',
      { HOST: '' },
      'annals: configuration: HOST: must be the IP address to listen on, e.g. 127.0.0.1 (0.0.0.0 for every interface) or localhost, got ""',
    ],
    [
      'a writer token with a space',
      { ANNALS_WRITER_TOKENS: 'alice:a token with spaces in it' },
      'annals: configuration: ANNALS_WRITER_TOKENS: entry 1 of 1 (alice): the token must be at least 16 printable ASCII characters with no whitespace or comma',
    ],
    [
      'a short reader token',
      { ANNALS_READER_TOKENS: 'bob:short' },
      'annals: configuration: ANNALS_READER_TOKENS: entry 1 of 1 (bob): the token must be at least 16 printable ASCII characters with no whitespace or comma',
    ],
    [
      'EventStoreDB without a connection string',
      { ANNALS_STORE: 'eventstoredb' },
      'annals: configuration: EVENTSTORE_CONNECTION_STRING: required when ANNALS_STORE=eventstoredb: an esdb:// connection string, e.g. esdb://localhost:2113?tls=false',
    ],
  ])(
    'the API refuses %s: one line naming the variable and the rule, exit 2, no stack trace',
    (_what, env, line) => {
      const run = startApiProcess(env);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`${line}\n`);
      expect(run.stdout).toBe('');
    },
  );

  it('the API stops on a store file that is not a database with one line and exit 3, as the CLI does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annals-damaged-'));
    const db = join(dir, 'annals.db');
    writeFileSync(db, 'this is not a SQLite database, whatever its name says\n'.repeat(200));
    try {
      const api = startApiProcess({ ANNALS_DB: db, PORT: '0' });
      const cli = runCli(['state', 'csto', '--as-of', '2012-12-20'], { ANNALS_DB: db });
      expect(api.status).toBe(3);
      expect(api.stderr).toBe(`annals: the store at ${db} failed: file is not a database\n`);
      expect(cli.status).toBe(3);
      expect(cli.stderr.trim()).toBe(api.stderr.trim());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the API stops on a chronology with problems, imports nothing, and exits 1, as the CLI’s import does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annals-bad-chronology-'));
    const db = join(dir, 'annals.db');
    writeChronology(
      join(dir, 'events', 'bad.yaml'),
      establishedFact('test/established', 'test-one').replace("'2002-10-07'", "'2002-13-07'"),
    );
    try {
      const api = startApiProcess({ ANNALS_DB: db, ANNALS_EVENTS: join(dir, 'events'), PORT: '0' });
      expect(api.status).toBe(1);
      expect(api.stderr).toContain(
        `annals: the chronology in ${join(dir, 'events')} has 1 problem(s); nothing was imported`,
      );
      expect(runCli(['verify'], { ANNALS_DB: db }).stderr).toContain('the log is empty');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CLI refuses an unknown store the same way, before running the command, exit 2', () => {
    const run = runCli(['state', 'csto', '--as-of', '2012-12-20'], { ANNALS_STORE: 'bogus' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'annals: configuration: ANNALS_STORE: must be "embedded" or "eventstoredb", got "bogus"\n',
    );
  });

  it('the CLI names a missing EventStoreDB connection string, exit 2', () => {
    const run = runCli(['verify'], { ANNALS_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: '' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^annals: configuration: EVENTSTORE_CONNECTION_STRING: required when ANNALS_STORE=eventstoredb/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
