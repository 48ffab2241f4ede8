import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENTS_DIR, runCli, type CliRun } from './support/cli';

/**
 * The kinds of fact issue 13 added to the chronology, asked through the real CLI as a historian would ask: the
 * state, the instrument table and the day-by-day replay on the dates around each fact, and the timeline that
 * shows it. Facts that change no status must leave state and replay untouched and still be in the timeline.
 */
describe('the chronology through the CLI, around the facts added for issue 13', () => {
  let dir: string;
  let env: Record<string, string>;
  const cli = (...args: string[]): CliRun => runCli(args, env);
  const json = <T>(...args: string[]): T => {
    const run = cli(...args, '--json');
    expect({ args, status: run.status, stderr: run.stderr }).toEqual({ args, status: 0, stderr: '' });
    return JSON.parse(run.stdout) as T;
  };
  const members = (asOf: string): Record<string, string> =>
    Object.fromEntries(
      json<{ members: { participant: string; status: string }[] }>(
        'state',
        'csto',
        '--as-of',
        asOf,
      ).members.map((m) => [m.participant, m.status]),
    );
  const timeline = (...filters: string[]): TimelineEntry[] =>
    json<{ entries: TimelineEntry[] }>('timeline', 'csto', ...filters).entries;
  /** The whole timeline, asked once: most checks filter it here rather than start the CLI again. */
  let everything: TimelineEntry[];
  const facts = (type: string, about: Record<string, string> = {}): TimelineEntry[] =>
    everything.filter(
      (e) =>
        e.event['type'] === type && Object.entries(about).every(([field, value]) => e.event[field] === value),
    );
  const table = (instrument: string, asOf: string): InstrumentTable =>
    json<InstrumentTable>('instrument', instrument, '--as-of', asOf);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'annals-chronology-'));
    env = { ANNALS_DB: join(dir, 'annals.db') };
    expect(cli('import', EVENTS_DIR).status).toBe(0);
    everything = timeline('--limit', '1000');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('PositionStated: a state speaks or acts, and no status changes', () => {
    it('keeps Armenia a member with its participation frozen on the day before and the day it refused to pay for 2024', () => {
      expect(members('2024-05-07')['ARM']).toBe('frozen');
      expect(members('2024-05-08')).toEqual(members('2024-05-07'));
      expect(cli('replay', 'csto', '--from', '2024-05-01', '--to', '2024-06-30').stdout).toBe(
        'nothing changed in csto from 2024-05-01 to 2024-06-30\n',
      );
    });

    it("lists Armenia's six steps of 2022–2024 in the timeline, with what was said", () => {
      const steps = timeline('--participant', 'ARM', '--type', 'PositionStated').map((e) => [
        e.effectiveDate,
        e.event['kind'],
      ]);

      expect(steps).toEqual([
        ['2022-11-23', 'refusal'],
        ['2023-01-10', 'refusal'],
        ['2023-11-23', 'non-attendance'],
        ['2024-05-08', 'non-payment'],
        ['2024-06-12', 'statement'],
        ['2024-11-28', 'non-attendance'],
      ]);
      expect(String(facts('PositionStated', { participant: 'ARM' })[4]?.event['summary'])).toContain(
        'We will leave',
      );
    });

    it('shows the 1999 announcements in the timeline and not as changes: Georgia a party on 20 April, not on 21 April 1999', () => {
      const announced = facts('PositionStated', { participant: 'GEO' }).map((e) => [
        e.effectiveDate,
        e.event['kind'],
      ]);
      const geo = (asOf: string) =>
        table('cst-1992', asOf).participants.find((p) => p.participant === 'GEO')?.status;

      expect(announced).toEqual([
        ['1999-03-19', 'non-renewal-announced'],
        ['1999-04-20', 'non-attendance'],
      ]);
      expect(geo('1999-04-20')).toBe('party');
      expect(geo('1999-04-21')).not.toBe('party');
      const replayed = cli('replay', 'csto', '--from', '1999-03-18', '--to', '1999-04-22')
        .stdout.trim()
        .split('\n');
      // The days of the announcement (19 March) and of the absence (20 April) change nothing; the Protocol's
      // signature (2 April) and the lapse (21 April) do.
      expect(replayed.map((line) => line.slice(0, 10))).toEqual(['1999-04-02', '1999-04-21']);
      expect(replayed[1]).toBe('1999-04-21: AZE, GEO, UZB ceased to be parties to cst-1992');
    });

    it("records Uzbekistan's return step by step while its membership runs from the Sochi Protocol of 16 August 2006", () => {
      const steps = facts('PositionStated', { participant: 'UZB' }).map((e) => e.effectiveDate);

      expect(steps).toEqual([
        '1999-04',
        '1999-04-20',
        '2006-06-23',
        '2006-12-13',
        '2008-03-28',
        '2009-04-16',
        '2009-06-14',
        '2012-05',
      ]);
      expect(members('2006-08-15')['UZB']).toBeUndefined();
      expect(members('2006-08-16')['UZB']).toBe('active');
      expect(members('2008-03-28')).toEqual(members('2008-03-27'));
    });
  });

  describe('BodyEstablished: a body of the organisation is created, and no status changes', () => {
    it('shows the Council (1992), the Parliamentary Assembly (2006) and the CRRF (2009) in the timeline', () => {
      expect(facts('BodyEstablished').map((e) => [e.effectiveDate, e.event['body']])).toEqual([
        ['1992-05-15', 'csto-collective-security-council'],
        ['2006-11-16', 'csto-parliamentary-assembly'],
        ['2009-02-04', 'csto-collective-rapid-reaction-forces'],
      ]);
    });

    it('changes nothing in the state the day the Parliamentary Assembly is created, years before its first observers', () => {
      expect(cli('replay', 'csto', '--from', '2006-11-15', '--to', '2006-11-17').stdout).toBe(
        'nothing changed in csto from 2006-11-15 to 2006-11-17\n',
      );
      // The observers are known to the year (2013) only: from 2014 on they certainly hold the status.
      const observers = json<{ observers: { participant: string; body: string }[] }>(
        'state',
        'csto',
        '--as-of',
        '2014-01-01',
      ).observers;
      expect(observers.every((o) => o.body === 'csto-parliamentary-assembly')).toBe(true);
      expect(observers.map((o) => o.participant).sort()).toEqual([
        'AFG',
        'SRB',
        'union-state-parliamentary-assembly',
      ]);
    });
  });

  describe('InstrumentRegistered: registration with the UN Secretariat binds no one', () => {
    it('leaves the Treaty table of 1 November 1995 as it was the day before, and shows the registration in the timeline', () => {
      expect(table('cst-1992', '1995-11-01').participants).toEqual(
        table('cst-1992', '1995-10-31').participants,
      );
      expect(
        facts('InstrumentRegistered', { instrument: 'cst-1992' }).map((e) => [
          e.effectiveDate,
          e.event['registrationNumber'],
        ]),
      ).toEqual([['1995-11-01', '32307']]);
    });
  });

  describe('a new instrument: the CRRF Agreement, signed by five, then Belarus, in force from 10 September 2010', () => {
    const signatories = (asOf: string) =>
      table('crrf-agreement-2009', asOf)
        .participants.map((p) => p.participant)
        .sort();

    it('has no table before its adoption, five signatories on 14 June 2009 and six from 15 October 2009', () => {
      expect(cli('instrument', 'crrf-agreement-2009', '--as-of', '2009-06-13', '--json').stdout).toContain(
        '"exists":false',
      );
      expect(signatories('2009-06-14')).toEqual(['ARM', 'KAZ', 'KGZ', 'RUS', 'TJK']);
      expect(signatories('2009-10-14')).toEqual(['ARM', 'KAZ', 'KGZ', 'RUS', 'TJK']);
      expect(signatories('2009-10-15')).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']);
    });

    it('is not in force on 9 September 2010 and in force from 10 September 2010, with the laws of Kazakhstan and then Russia', () => {
      expect(table('crrf-agreement-2009', '2010-09-09').inForce).toBe(false);
      const after = table('crrf-agreement-2009', '2010-12-31');
      expect(after.inForce).toBe(true);
      expect(after.entryIntoForce.reported).toBe('2010-09-10');
      expect(after.participants.filter((p) => p.ratification !== null).map((p) => p.participant)).toEqual([
        'KAZ',
        'RUS',
      ]);
    });

    it("replays Uzbekistan's refusal as no change, and the signatures as the day's change", () => {
      expect(cli('replay', 'csto', '--from', '2009-06-14', '--to', '2009-06-14').stdout).toMatch(
        /^2009-06-14: .*ARM, KAZ, KGZ, RUS, TJK signed the Agreement on the Collective Rapid Reaction Forces/,
      );
      expect(members('2009-06-14')['UZB']).toBe('active');
    });
  });

  describe('a bounded date: the Peacekeeping Agreement in force on an unknown day no later than 26 January 2011', () => {
    it('says its entry into force is undetermined in between, names the period, and shows it in force after', () => {
      const between = json<{ inForce: boolean | 'undetermined'; uncertain: unknown[] }>(
        'instrument',
        'peacekeeping-agreement-2007',
        '--as-of',
        '2009-06-01',
      );
      const after = json<{ instruments: { id: string; inForce: boolean }[]; uncertain: unknown[] }>(
        'state',
        'csto',
        '--as-of',
        '2011-02-01',
      );

      expect(between.inForce).toBe('undetermined');
      expect(between.uncertain).toEqual([
        expect.objectContaining({
          subject: 'peacekeeping-agreement-2007',
          status: 'in-force',
          from: '2007-10-06',
          to: '2011-01-26',
        }),
        // In force by report alone: no deposit is recorded, so whether its signatories are bound cannot be told.
        expect.objectContaining({
          subject: 'peacekeeping-agreement-2007',
          status: 'party',
          from: '2007-10-06',
          to: '2009-06-01',
        }),
      ]);
      expect(after.instruments.find((i) => i.id === 'peacekeeping-agreement-2007')?.inForce).toBe(true);
      const afterDoubts = after.uncertain as { subject: string; status: string }[];
      expect(afterDoubts.filter((row) => row.status === 'in-force')).toEqual([]);
      expect(afterDoubts).toContainEqual(
        expect.objectContaining({
          subject: 'peacekeeping-agreement-2007',
          status: 'party',
          from: '2007-10-06',
          to: '2011-02-01',
        }),
      );
    });
  });

  describe("bounded dates for laws: signed between the upper chamber's approval and the report of the signature", () => {
    const russia = (instrument: string, asOf: string) =>
      table(instrument, asOf).participants.find((p) => p.participant === 'RUS')?.ratification;

    it('has no Russian law on the 2010 Treaty protocol before 12 October 2011, and one known to 12–20 October after', () => {
      expect(russia('cst-amendment-protocol-2010', '2011-10-11')).toBeNull();
      expect(russia('cst-amendment-protocol-2010', '2011-10-21')).toMatchObject({
        date: '2011-10-12/2011-10-20',
      });
    });

    it("shows Russia's law on the 2021 protocol at the range the correction gave, not at the month first recorded", () => {
      expect(russia('peacekeeping-protocol-2021', '2022-05-01')).toMatchObject({
        date: '2022-04-13/2022-04-16',
      });
    });
  });

  describe('a protocol not yet in force: the Fourth Protocol amending the Charter', () => {
    it("holds three laws at the end of 2024, Kazakhstan's to the day with its number, and is not in force", () => {
      const protocol = table('csto-charter-fourth-protocol-2022', '2024-12-31');

      expect(protocol.inForce).toBe(false);
      expect(Object.fromEntries(protocol.participants.map((p) => [p.participant, p.ratification]))).toEqual({
        BLR: expect.objectContaining({ date: '2023-02' }) as unknown,
        KAZ: expect.objectContaining({ date: '2024-01-05', number: '53-VIII' }) as unknown,
        RUS: expect.objectContaining({ date: '2023-04' }) as unknown,
      });
    });

    it("has no law yet the day before Kazakhstan's and one from that day", () => {
      const kaz = (asOf: string) =>
        table('csto-charter-fourth-protocol-2022', asOf).participants.find((p) => p.participant === 'KAZ')
          ?.ratification;

      expect(kaz('2024-01-04')).toBeNull();
      expect(kaz('2024-01-05')).toMatchObject({ date: '2024-01-05' });
    });
  });

  describe("a correction with a dispute: Uzbekistan's note of 2012 dated to its sending, 20 June", () => {
    it('shows Uzbekistan frozen from 20 June 2012 in its history, then suspended by the Council from 19 December', () => {
      const spells = json<{
        spells: { status: string; organisation?: string; from: string; to: string | null }[];
      }>('history', 'UZB', '--org', 'csto').spells;

      expect(
        spells
          .filter((spell) => spell.organisation === 'csto')
          .map((spell) => [spell.status, spell.from, spell.to]),
      ).toEqual([
        ['member', '2006-08-16', null],
        ['frozen', '2012-06-20', '2012-12-19'],
        ['suspended', '2012-12-19', null],
      ]);
    });

    it("answers frozen on 25 June 2012 and says the other reading, the Secretariat's receipt of 28 June, would differ", () => {
      const state = json<{
        members: {
          participant: string;
          status: string;
          disputed?: { readings: { effectiveDate: string }[] };
        }[];
      }>('state', 'csto', '--as-of', '2012-06-25');
      const uzb = state.members.find((m) => m.participant === 'UZB');

      expect(uzb?.status).toBe('frozen');
      expect(uzb?.disputed?.readings.map((r) => r.effectiveDate)).toEqual(['2012-06-28']);
      expect(members('2012-06-19')['UZB']).toBe('active');
    });
  });

  describe('day precision by correction: Khachaturov took office on 2 May 2017', () => {
    it('shows the office holders in order, the corrected appointment at its day and naming its correction', () => {
      const holders = facts('SecretaryGeneralAppointed');

      expect(holders.map((e) => [e.effectiveDate, e.event['person']])).toEqual([
        ['2003-04-28', 'Nikolai Bordyuzha'],
        ['2017-01-01', 'Valery Semerikov (acting Secretary-General)'],
        ['2017-05-02', 'Yuri Khachaturov'],
        ['2018-11-02', 'Valery Semerikov (acting Secretary-General)'],
        ['2020-01-01', 'Stanislav Zas'],
        ['2023-01-01', 'Imangali Tasmagambetov'],
      ]);
      expect(holders[2]?.correctedBy).toHaveLength(1);
    });
  });
});

interface TimelineEntry {
  readonly effectiveDate: string;
  readonly event: Record<string, unknown>;
  readonly correctedBy: readonly string[];
}

interface InstrumentTable {
  readonly inForce: boolean | 'undetermined';
  readonly entryIntoForce: { readonly reported: string | null };
  readonly participants: readonly {
    participant: string;
    status: string;
    ratification: { date: string; number?: string } | null;
  }[];
}
