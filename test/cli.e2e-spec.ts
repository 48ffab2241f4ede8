import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATE_FIELDS } from './support/answers';
import { parseCsv } from './support/csv';
import { EVENTS_DIR, runCli, type CliRun } from './support/cli';

describe('the CLI on a store with the chronology imported', () => {
  let dir: string;
  let env: Record<string, string>;
  const cli = (...args: string[]): CliRun => runCli(args, env);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'annals-cli-'));
    env = { ANNALS_DB: join(dir, 'annals.db') };
    expect(cli('import', EVENTS_DIR).status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('state', () => {
    it('prints exactly one JSON object, the organisation state, with --json', () => {
      const run = cli('state', 'csto', '--as-of', '2012-12-20', '--json');

      expect(run.status).toBe(0);
      const state = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(Object.keys(state)).toEqual(expect.arrayContaining(STATE_FIELDS));
      expect(state).toMatchObject({ organisation: 'csto', asOf: '2012-12-20', knownAt: null, exists: true });
    });

    it('shows six active members and Uzbekistan suspended on 20 December 2012', () => {
      const { members } = JSON.parse(cli('state', 'csto', '--as-of', '2012-12-20', '--json').stdout) as {
        members: { participant: string; status: string }[];
      };

      expect(Object.fromEntries(members.map((m) => [m.participant, m.status]))).toEqual({
        ARM: 'active',
        BLR: 'active',
        KAZ: 'active',
        KGZ: 'active',
        RUS: 'active',
        TJK: 'active',
        UZB: 'suspended',
      });
    });

    it('answers the same in a process that disallows code generation from strings (the replay then makes each event without a compiled maker)', () => {
      const args = ['state', 'csto', '--as-of', '2012-12-20', '--json'];
      const run = runCli(args, { ...env, NODE_OPTIONS: '--disallow-code-generation-from-strings' });

      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(cli(...args).stdout);
    });

    it('prints readable tables by default', () => {
      const run = cli('state', 'csto', '--as-of', '2012-12-20');

      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^members \(7\):$/m);
      expect(run.stdout).toMatch(/^UZB\s+suspended\s+csto-charter-2002/m);
    });

    it('says the record held nothing yet at a --known-at before the import, and when its first fact was recorded', () => {
      const run = cli(
        'state',
        'csto',
        '--as-of',
        '2012-12-20',
        '--known-at',
        '2000-01-01T00:00:00Z',
        '--json',
      );

      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /^annals state: the record held nothing yet at 2000-01-01T00:00:00\.000Z: its first fact was recorded at \d{4}-\d\d-\d\dT/,
      );
    });

    it('answers as the record stood at a --known-at after the import, as the README shows', () => {
      const now = new Date().toISOString();
      const then = JSON.parse(
        cli('state', 'csto', '--as-of', '2012-12-20', '--known-at', now, '--json').stdout,
      ) as { knownAt: string; members: unknown[] };
      const latest = JSON.parse(cli('state', 'csto', '--as-of', '2012-12-20', '--json').stdout) as {
        members: unknown[];
      };

      expect(then.knownAt).toBe(now);
      expect(then.members).toEqual(latest.members);
    });

    it('still says an organisation the record has never held is not in it', () => {
      const run = cli('state', 'nato', '--as-of', '2012-12-20');

      expect(run.status).toBe(1);
      expect(run.stderr).toBe('annals state: no organisation nato in the record\n');
    });

    it('names the flag of an impossible date and exits 2', () => {
      const run = cli('state', 'csto', '--as-of', '2023-02-30');

      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--as-of');
      expect(run.stderr).toContain('February 2023 has 28 days');
      expect(run.stdout).toBe('');
    });

    it('says --as-of is required when it is missing', () => {
      const run = cli('state', 'csto');

      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/--as-of: is required/);
    });

    it('exits 1 for an organisation the record does not hold', () => {
      const run = cli('state', 'nato', '--as-of', '2012-12-20');

      expect(run.status).toBe(1);
      expect(run.stderr).toContain('no organisation nato');
    });
  });

  describe('instrument', () => {
    it('lists the Treaty participants, those that did not renew in 1999 no longer parties', () => {
      const run = cli('instrument', 'cst-1992', '--as-of', '2000-01-01', '--json');

      expect(run.status).toBe(0);
      const status = JSON.parse(run.stdout) as {
        inForce: boolean;
        participants: { participant: string; status: string }[];
      };
      expect(status.inForce).toBe(true);
      const byParticipant = Object.fromEntries(status.participants.map((p) => [p.participant, p.status]));
      expect(byParticipant).toMatchObject({
        ARM: 'party',
        RUS: 'party',
        AZE: 'no-longer-party',
        GEO: 'no-longer-party',
        UZB: 'no-longer-party',
      });
    });

    it('exits 1 for an unknown instrument', () => {
      expect(cli('instrument', 'no-such-treaty', '--as-of', '2000-01-01').status).toBe(1);
    });
  });

  describe('history', () => {
    it("tells Uzbekistan's spells in the CSTO", () => {
      const run = cli('history', 'UZB', '--org', 'csto', '--json');

      expect(run.status).toBe(0);
      const { participant, spells } = JSON.parse(run.stdout) as {
        participant: string;
        spells: { status: string; from: string }[];
      };
      expect(participant).toBe('UZB');
      expect(spells.map((s) => s.status)).toEqual(expect.arrayContaining(['member', 'suspended']));
    });

    it('names --org when it is malformed', () => {
      const run = cli('history', 'UZB', '--org', 'Not A Slug');

      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--org');
    });
  });

  describe('timeline', () => {
    it('lists facts in effective-date order within --from and --to', () => {
      const run = cli('timeline', 'csto', '--from', '2003-01-01', '--to', '2003-12-31', '--json');

      expect(run.status).toBe(0);
      const { entries } = JSON.parse(run.stdout) as { entries: { effectiveDate: string; type: string }[] };
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.every((e) => e.effectiveDate.startsWith('2003'))).toBe(true);
      expect(entries.map((e) => e.type)).toContain('MemberAdmitted');
    });

    it('names every bad flag at once and exits 2', () => {
      const run = cli('timeline', 'csto', '--type', 'NoSuchEvent', '--from', '2020-13-01');

      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--type');
      expect(run.stderr).toContain('--from');
    });
  });

  describe('replay', () => {
    it('tells 1992–2004: the 1999 non-renewals and the Charter entering into force in 2003', () => {
      const run = cli('replay', 'csto', '--from', '1992-01-01', '--to', '2004-12-31');

      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^1994-04-20: .*entered into force/m);
      expect(run.stdout).toMatch(/^1999-\d\d-\d\d: .*AZE, GEO, UZB ceased to be parties to cst-1992/m);
      expect(run.stdout).not.toMatch(/ceased to be members/);
      expect(run.stdout).toMatch(/^2003-09-18: .*\(csto-charter-2002\) entered into force/m);
    });

    it('refuses a --to before --from', () => {
      const run = cli('replay', 'csto', '--from', '2004-01-01', '--to', '1992-01-01');

      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--to');
    });
  });

  describe('rebuild', () => {
    it('folds every event again and says how many, and how fast', () => {
      const run = cli('rebuild');

      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(
        /^rebuilt the projections from \d+ events in [\d.]+ ms \([\d—]+ events\/s\)$/m,
      );
      expect(run.stderr).toContain('rebuilding');
    });
  });

  describe('export', () => {
    it('streams the log as NDJSON, one stored event per line in order of recording', () => {
      const run = cli('export', 'events');

      expect(run.status).toBe(0);
      const events = run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(events.length).toBeGreaterThan(100);
      expect(Object.keys(events[0] ?? {})).toEqual([
        'id',
        'streamId',
        'revision',
        'position',
        'recordedAt',
        'type',
        'data',
        'metadata',
      ]);
      const positions = events.map((e) => e['position'] as number);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    });

    it('writes the membership spells as RFC 4180 CSV', () => {
      const records = parseCsv(cli('export', 'spells').stdout);

      expect(records[0]).toEqual([
        'participant',
        'organisation',
        'instrument',
        'status',
        'body',
        'from',
        'to',
        'basis',
        'eventIds',
      ]);
      expect(records.every((record) => record.length === 9)).toBe(true);
      expect(records).toContainEqual(expect.arrayContaining(['UZB', 'csto', 'suspended']));
    });

    it('writes the state-year panel to --out: a row per state and year of the CSTO (2003–2024), UZB suspended in 2012 coded 1', () => {
      const out = join(dir, 'state-year.csv');
      const run = cli('export', 'state-year', '--org', 'csto', '--out', out);

      expect(run.status).toBe(0);
      expect(run.stdout).toBe('');
      const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
      expect(header).toEqual([
        'state',
        'organisation',
        'year',
        'code',
        'status',
        'basis',
        'body',
        'referenceDay',
      ]);
      const states = new Set(rows.map((row) => row[0]));
      expect(rows).toHaveLength(states.size * 22);
      expect(new Set(rows.map((row) => row[2]))).toEqual(
        new Set(Array.from({ length: 22 }, (_, i) => String(2003 + i))),
      );
      expect(rows).toContainEqual([
        'UZB',
        'csto',
        '2012',
        '1',
        'suspended',
        'csto-charter-2002',
        '',
        '2012-12-31',
      ]);
      expect(rows).toContainEqual(['AZE', 'csto', '2003', '0', 'none', '', '', '2003-12-31']);
      expect(rows).toContainEqual([
        'ARM',
        'csto',
        '2003',
        '1',
        'active',
        'csto-charter-2002',
        '',
        '2003-12-31',
      ]);
      expect(rows).toContainEqual([
        'SRB',
        'csto',
        '2014',
        '0',
        'observer',
        '',
        'csto-parliamentary-assembly',
        '2014-12-31',
      ]);
    });

    it('refuses an unknown feed naming it, exit 2', () => {
      const run = cli('export', 'everything');

      expect(run.status).toBe(2);
      expect(run.stderr).toContain('<feed>');
    });

    it('exits 1 for an unknown organisation', () => {
      expect(cli('export', 'state-year', '--org', 'nato').status).toBe(1);
    });
  });

  describe('evidence', () => {
    it('fact: prints a fact by its chronology id, with its sources, dispute readings and audit trail', () => {
      const run = cli('fact', 'cst-1992/terminated/UZB');

      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^fact cst-1992\/terminated\/UZB \(event [0-9a-f-]{36}\)$/m);
      expect(run.stdout).toMatch(/^InstrumentTerminatedForParticipant, effective 1999-04-21/m);
      expect(run.stdout).toMatch(/^sources \(\d+\):$/m);
      expect(run.stdout).toMatch(/^disputed: followed because /m);
      expect(run.stdout).toMatch(/imported from instruments\/cst-1992\.yaml:\d+$/m);
      expect(run.stdout).toMatch(/^corrections: none$/m);
    });

    it('fact: the same fact as JSON, the audit trail the API gives; exit 1 for a fact not in the record', () => {
      const trail = JSON.parse(cli('fact', 'cst-1992/terminated/UZB', '--json').stdout) as {
        importedFrom: { factId: string };
        event: { type: string };
      };
      expect(trail).toMatchObject({
        importedFrom: { factId: 'cst-1992/terminated/UZB' },
        event: { type: 'InstrumentTerminatedForParticipant' },
      });

      const missing = cli('fact', 'cst-1992/terminated/NOPE');
      expect(missing.status).toBe(1);
      expect(missing.stderr).toBe('annals fact: no event cst-1992/terminated/NOPE in the record\n');
    });

    it('--evidence: names the facts behind each row, by fact id, in the state, history and instrument tables', () => {
      expect(cli('state', 'csto', '--as-of', '2012-12-20', '--evidence').stdout).toMatch(
        /^UZB\s+suspended\s.*csto\/admitted\/UZB/m,
      );
      expect(cli('history', 'UZB', '--org', 'csto', '--evidence').stdout).toMatch(
        /^party\s+cst-1992\s.*cst-1992\/terminated\/UZB/m,
      );
      expect(cli('instrument', 'cst-1992', '--as-of', '2000-01-01', '--evidence').stdout).toMatch(
        /^GEO\s+no-longer-party\s.*cst-1992\/terminated\/GEO/m,
      );
    });
  });

  describe('verify', () => {
    it('finds no problem in a cleanly imported log, exit 0', () => {
      const run = cli('verify', '--json');

      expect(run.status).toBe(0);
      const report = JSON.parse(run.stdout) as { events: number; streams: number; problems: unknown[] };
      expect(report.problems).toEqual([]);
      expect(report.events).toBeGreaterThan(100);
      expect(report.streams).toBeGreaterThan(1);
    });
  });
});

describe('the CLI on an empty store', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'annals-cli-empty-'));
    env = { ANNALS_DB: join(dir, 'annals.db') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['state', 'csto', '--as-of', '2012-12-20'],
    ['instrument', 'cst-1992', '--as-of', '2000-01-01'],
    ['history', 'UZB'],
    ['replay', 'csto', '--from', '2003-09-18', '--to', '2003-09-19'],
  ])('%s: says the record is empty and what to run, and exits 1', (...args) => {
    const run = runCli(args, env);

    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `annals ${args[0]}: the record is empty: import the chronology first with \`annals import\` (in a checkout: \`npm run -s cli -- import\`; \`npm start\` does it for the API)\n`,
    );
  });

  it('verify: says the log is empty and exits 1, never "no problems"', () => {
    const run = runCli(['verify'], env);

    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('no problems');
    expect(run.stderr).toBe(
      'annals verify: the log is empty: nothing to verify (import the chronology with `annals import`)\n',
    );
  });
});

describe('the CLI exit codes, as the README’s table, through the real process', () => {
  let dir: string;
  let env: Record<string, string>;
  const cli = (...args: string[]): CliRun => runCli(args, env);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'annals-exit-'));
    env = { ANNALS_DB: join(dir, 'annals.db') };
    expect(cli('import', EVENTS_DIR).status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('0: done, and --version prints the version of package.json', () => {
    expect(cli('state', 'csto', '--as-of', '2012-12-20').status).toBe(0);
    const version = cli('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(EVENTS_DIR, '..', 'package.json'), 'utf8')) as { version: string })
        .version,
    );
  });

  it('1: nothing found — a participant in an organisation the record does not hold, as HTTP answers 404', () => {
    const run = cli('history', 'UZB', '--org', 'nato');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('annals history: no organisation nato in the record\n');
  });

  it('1: problems in the input — a chronology with an invalid fact', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'facts:\n  - id: x/signed/ARM\n    type: InstrumentSigned\n');
    expect(cli('import', bad).status).toBe(1);
  });

  it.each([
    [
      'an unknown option of a command',
      ['state', 'csto', '--as-of', '2012-12-20', '--bogus'],
      /unknown option '--bogus'/,
    ],
    ['an unknown command', ['states'], /unknown command 'states'/],
    ['a missing argument', ['state'], /missing required argument 'org'/],
    [
      'an impossible date',
      ['state', 'csto', '--as-of', '2023-02-30'],
      /--as-of: "2023-02-30" is not a calendar date/,
    ],
  ])('2: called wrongly — %s', (_what, args, message) => {
    const run = cli(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('2: a configuration that breaks a rule, in one line', () => {
    const run = runCli(['state', 'csto', '--as-of', '2012-12-20'], { ...env, ANNALS_STORE: 'bogus' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      'annals: configuration: ANNALS_STORE: must be "embedded" or "eventstoredb", got "bogus"',
    ]);
  });

  it('3: the store cannot be opened, in one line without a stack trace', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const run = runCli(['verify'], { ANNALS_DB: join(file, 'annals.db') });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(
      /^annals: the store could not be opened \(ANNALS_DB=.*a-file\/annals\.db\): .+\n$/,
    );
  });

  it('reads a participant code in any case', () => {
    const lower = JSON.parse(cli('history', 'uzb', '--org', 'csto', '--json').stdout) as {
      participant: string;
      spells: unknown[];
    };
    const upper = JSON.parse(cli('history', 'UZB', '--org', 'csto', '--json').stdout) as {
      participant: string;
      spells: unknown[];
    };
    expect(lower).toEqual(upper);
    expect(lower.participant).toBe('UZB');
  });
});
