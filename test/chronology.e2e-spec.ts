import { readFileSync, mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { SqliteEventStore, type EventStore, type RecordedEvent } from '@app/event-store';
import { ChronologyImporter, eventIdOf, isJournalEvent, toStoredFact } from '@app/history';
import { EVENTS_DIR, runCli } from './support/cli';
import { seedTexts } from './support/seeds';

/** Checks that read the seed texts run only where they are; elsewhere one line says they were skipped, and why. */
const withSeedTexts = seedTexts.present ? it : it.skip;
if (seedTexts.skipReason) process.stdout.write(`chronology: ${seedTexts.skipReason}\n`);

/** The facts in the store: every event but the import journal's. */
async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) if (!isJournalEvent(event)) events.push(event);
  return events;
}

describe('the chronology', () => {
  let store: SqliteEventStore;
  let importer: ChronologyImporter;
  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
    importer = new ChronologyImporter(store);
  });
  afterEach(() => store.close());

  it('imports cleanly into a fresh store, every fact through the deciders', async () => {
    const report = await importer.import(EVENTS_DIR, { recordedBy: 'test' });

    expect(report.problems).toEqual([]);
    expect(report.appended).toBe(report.facts);
    expect(report.facts).toBeGreaterThan(100);
    expect(await allEvents(store)).toHaveLength(report.facts);
  });

  it('appends nothing when imported a second time', async () => {
    await importer.import(EVENTS_DIR, { recordedBy: 'test' });
    const head = await store.headPosition();

    const again = await importer.import(EVENTS_DIR, { recordedBy: 'test' });

    expect(again).toMatchObject({ appended: 0, alreadyRecorded: again.facts, problems: [] });
    expect(await store.headPosition()).toBe(head);
  });

  it('records who imported each fact, from which file and line, under one correlation id', async () => {
    await importer.import(EVENTS_DIR, { recordedBy: 'curator' });
    const events = await allEvents(store);
    const signed = events.find((e) => e.id === eventIdOf('cst-1992/signed/ARM'));

    expect(signed?.metadata).toMatchObject({
      recordedBy: 'curator',
      schemaVersion: 1,
      importedFrom: { file: join('instruments', 'cst-1992.yaml'), factId: 'cst-1992/signed/ARM' },
    });
    expect(new Set(events.map((e) => (e.metadata as { correlationId: string }).correlationId)).size).toBe(1);
  });

  /** Each seed document's facts, named: each must be in the record with that document among its sources. */
  const SEED_FACTS: Record<string, string[]> = {
    // Law of the Republic of Kazakhstan of 24 October 2008 No. 73-IV ratifying the Peacekeeping Agreement.
    '000_0f640cfe2015fa60.txt': [
      'peacekeeping-agreement-2007/adopted',
      'peacekeeping-agreement-2007/signed/KAZ',
      'peacekeeping-agreement-2007/signed/RUS',
      'peacekeeping-agreement-2007/ratification-act/KAZ',
    ],
    // Law of the Republic of Kazakhstan of 1 July 2003 No. 447 ratifying the CSTO Charter, with the Charter's text.
    '001_cffcdf37ea5af889.txt': [
      'csto-charter-2002/adopted',
      'csto-charter-2002/signed/ARM',
      'csto-charter-2002/ratification-act/KAZ',
      'csto-charter-2002/in-force',
      'csto/admitted/KAZ',
    ],
    // News: the Mazhilis ratifies the 2021 protocol amending the Peacekeeping Agreement.
    '002_b7710231ee71b008.txt': [
      'peacekeeping-protocol-2021/adopted',
      'peacekeeping-protocol-2021/ratification-act/KAZ',
    ],
    // Commentary on the January 2022 decision to send forces to Kazakhstan, with the amended Charter.
    '003_1fa7519541c8ddc6.txt': [
      'csto-kazakhstan-2022/requested',
      'csto-kazakhstan-2022/authorized',
      'csto-charter-protocol-2010/adopted',
    ],
    // News: the first battalion sent to Kazakhstan, and a chronology of the CST and CSTO.
    '004_b382b7bce98f5533.txt': [
      'cst-1992/signed/ARM',
      'cst-1992/signed/AZE',
      'cst-1992/signed/GEO',
      'cst-1992/signed/BLR',
      'cst-1992/terminated/UZB',
      'cst-extension-protocol-1999/adopted',
      'csto/admitted/UZB',
      'csto/external-status/un-general-assembly/observer',
      'csto/observer/csto-parliamentary-assembly/SRB',
      'csto-kazakhstan-2022/requested',
      'csto-kazakhstan-2022/contingent/RUS',
    ],
  };

  it.each(Object.entries(SEED_FACTS))(
    'holds the facts of seed %s, each citing it with a quote',
    async (seed, factIds) => {
      await importer.import(EVENTS_DIR, { recordedBy: 'test' });
      const facts = new Map((await allEvents(store)).map((e) => [e.id, toStoredFact(e).event]));

      for (const factId of factIds) {
        const event = facts.get(eventIdOf(factId));
        expect({ factId, recorded: event !== undefined }).toEqual({ factId, recorded: true });
        expect({ factId, citesSeed: seedQuotes(event, seed).length > 0 }).toEqual({
          factId,
          citesSeed: true,
        });
      }
    },
  );

  withSeedTexts.each(Object.entries(SEED_FACTS))(
    'finds every quote from seed %s word for word in its text',
    async (seed) => {
      await importer.import(EVENTS_DIR, { recordedBy: 'test' });
      const text = seedTexts.read(seed);
      const quotes = (await allEvents(store)).flatMap((e) => seedQuotes(toStoredFact(e).event, seed));

      expect(quotes.length).toBeGreaterThan(0);
      for (const quote of quotes)
        expect({ seed, quote, found: text.includes(quote) }).toEqual({ seed, quote, found: true });
    },
  );

  it('lists seed errors with a correction and sources, whose corrections name recorded facts', async () => {
    await importer.import(EVENTS_DIR, { recordedBy: 'test' });
    const ids = new Set((await allEvents(store)).map((e) => e.id));
    const errors = seedErrors();

    expect(errors.length).toBeGreaterThan(10);
    for (const error of errors) {
      expect(error.correction.length).toBeGreaterThan(0);
      expect(error.sources.length).toBeGreaterThan(0);
      for (const factId of error.affects)
        expect({ factId, recorded: ids.has(eventIdOf(factId)) }).toEqual({ factId, recorded: true });
    }
  });

  withSeedTexts('finds the quote of every seed error word for word in its seed', () => {
    for (const error of seedErrors()) {
      expect({
        seed: error.seed,
        quote: error.quote,
        found: seedTexts.read(error.seed).includes(error.quote),
      }).toEqual({
        seed: error.seed,
        quote: error.quote,
        found: true,
      });
    }
  });
});

/**
 * The list in events/README.md ("The legal base, instrument by instrument") as data: for each instrument, who
 * signed it, whose ratification laws are recorded, the reported general entry into force and the UN
 * registration. A fact added or lost changes the list and this table together, or this test fails.
 */
const SIX = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];
interface ListedInstrument {
  readonly signed: readonly string[];
  readonly laws: readonly string[];
  readonly inForce: string | null;
  readonly registered?: string;
}
const LEGAL_BASE: Record<string, ListedInstrument> = {
  'cst-1992': {
    signed: [...SIX, 'UZB', 'AZE', 'GEO'],
    laws: ['KAZ'],
    inForce: '1994-04-20',
    registered: '32307',
  },
  'cst-extension-protocol-1999': { signed: SIX, laws: ['KAZ'], inForce: '2000-03-22' },
  'csto-charter-2002': { signed: SIX, laws: ['KAZ'], inForce: '2003-09-18' },
  'csto-legal-status-agreement-2002': { signed: SIX, laws: ['KAZ'], inForce: null },
  'peacekeeping-agreement-2007': { signed: [...SIX, 'UZB'], laws: ['KAZ'], inForce: '2007-10-06/2011-01-26' },
  'crrf-agreement-2009': { signed: SIX, laws: ['KAZ', 'RUS'], inForce: '2010-09-10' },
  'cst-amendment-protocol-2010': { signed: ['KAZ', 'RUS'], laws: ['KAZ', 'RUS'], inForce: '2012-12-19' },
  'csto-charter-protocol-2010': { signed: ['KAZ', 'RUS'], laws: ['KAZ', 'RUS'], inForce: '2012-12-19' },
  'csto-charter-second-protocol-2018': { signed: SIX, laws: ['KAZ'], inForce: '2021-01-19' },
  'csto-charter-third-protocol-2018': { signed: SIX, laws: ['KAZ'], inForce: '2021-01-19' },
  'csto-legal-status-second-protocol-2018': { signed: SIX, laws: ['KAZ'], inForce: '2021-01-19' },
  'peacekeeping-protocol-2021': { signed: SIX, laws: ['KAZ', 'RUS'], inForce: null },
  'csto-charter-fourth-protocol-2022': {
    signed: ['BLR', 'KAZ', 'RUS'],
    laws: ['BLR', 'KAZ', 'RUS'],
    inForce: null,
  },
};

type SubjectFact = { readonly type: string; readonly effectiveDate: string } & Record<string, unknown>;

/** What the record holds for one instrument, in the shape of the list. */
function heldFor(
  events: readonly SubjectFact[],
  instrument: string,
): ListedInstrument & { adopted: boolean } {
  const of = events.filter((e) => 'instrument' in e && e.instrument === instrument);
  const who = (type: string): string[] =>
    of
      .flatMap((e) =>
        e.type === type && 'participant' in e && typeof e.participant === 'string' ? [e.participant] : [],
      )
      .sort();
  const general = of.find(
    (e) => e.type === 'EntryIntoForceReported' && !('participant' in e && e.participant),
  );
  const registration = of.find((e) => e.type === 'InstrumentRegistered');
  return {
    adopted: of.some((e) => e.type === 'InstrumentAdopted'),
    signed: who('InstrumentSigned'),
    laws: who('RatificationLawEnacted'),
    inForce: general?.effectiveDate ?? null,
    ...(registration && 'registrationNumber' in registration
      ? { registered: String(registration.registrationNumber) }
      : {}),
  };
}

describe('the legal base, instrument by instrument (the list in events/README.md)', () => {
  let events: SubjectFact[];
  beforeAll(async () => {
    const store = new SqliteEventStore({ path: ':memory:' });
    await new ChronologyImporter(store).import(EVENTS_DIR, { recordedBy: 'test' });
    events = (await allEvents(store)).map((e) => toStoredFact(e).event as unknown as SubjectFact);
    await store.close();
  });

  it('holds at least 170 facts', () => {
    expect(events.length).toBeGreaterThanOrEqual(170);
  });

  it.each(Object.entries(LEGAL_BASE))(
    'holds for %s the signatures, laws, entry into force and registration the list gives',
    (instrument, listed) => {
      expect(heldFor(events, instrument)).toEqual({
        adopted: true,
        signed: [...listed.signed].sort(),
        laws: [...listed.laws].sort(),
        inForce: listed.inForce,
        ...(listed.registered ? { registered: listed.registered } : {}),
      });
    },
  );

  it('lists every instrument the record holds', () => {
    const adopted = events.flatMap((e) => (e.type === 'InstrumentAdopted' ? [String(e['instrument'])] : []));

    expect(adopted.sort()).toEqual(Object.keys(LEGAL_BASE).sort());
  });

  it("holds the bodies created, and each state's stated positions that change no status", () => {
    const bodies = events.flatMap((e) =>
      e.type === 'BodyEstablished' ? [`${e.effectiveDate} ${String(e['body'])}`] : [],
    );
    const positions = events.flatMap((e) =>
      e.type === 'PositionStated'
        ? [`${String(e['participant'])} ${e.effectiveDate} ${String(e['kind'])}`]
        : [],
    );

    expect(bodies.sort()).toEqual([
      '1992-05-15 csto-collective-security-council',
      '2006-11-16 csto-parliamentary-assembly',
      '2009-02-04 csto-collective-rapid-reaction-forces',
    ]);
    expect(positions.sort()).toEqual([
      'ARM 2022-11-23 refusal',
      'ARM 2023-01-10 refusal',
      'ARM 2023-11-23 non-attendance',
      'ARM 2024-05-08 non-payment',
      'ARM 2024-06-12 statement',
      'ARM 2024-11-28 non-attendance',
      'AZE 1999-04 non-renewal-announced',
      'AZE 1999-04-20 non-attendance',
      'BLR 2009-06-14 non-attendance',
      'GEO 1999-03-19 non-renewal-announced',
      'GEO 1999-04-20 non-attendance',
      'UZB 1999-04 non-renewal-announced',
      'UZB 1999-04-20 non-attendance',
      'UZB 2006-06-23 statement',
      'UZB 2006-12-13 statement',
      'UZB 2008-03-28 statement',
      'UZB 2009-04-16 non-attendance',
      'UZB 2009-06-14 refusal',
      'UZB 2012-05 non-attendance',
    ]);
  });
});

/** The quotes an event takes from one seed. */
function seedQuotes(event: { sources: readonly object[] } | undefined, seed: string): string[] {
  return (event?.sources ?? []).flatMap((s) =>
    'seed' in s && s.seed === seed && 'quote' in s ? [String(s.quote)] : [],
  );
}

interface SeedError {
  seed: string;
  quote: string;
  correction: string;
  sources: unknown[];
  affects: string[];
}

function seedErrors(): SeedError[] {
  return (
    parseDocument(readFileSync(join(EVENTS_DIR, 'seed-errors.yaml'), 'utf8')).toJS() as {
      errors: SeedError[];
    }
  ).errors;
}

describe('annals import (the CLI process)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'annals-import-'));
    env = { ANNALS_DB: join(dir, 'annals.db') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('imports, then says a second run has nothing to import', () => {
    const first = runCli(['import', EVENTS_DIR], env);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^imported \d+ new facts from 19 files \(0 already recorded\)/);

    const second = runCli(['import', EVENTS_DIR], env);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^nothing to import: all \d+ facts from 19 files are already recorded/);
  });

  it('reports every problem of a corrupted copy with file, line and field, exits 1 and writes nothing', async () => {
    const copy = join(dir, 'events');
    cpSync(EVENTS_DIR, copy, { recursive: true });
    const file = join(copy, 'instruments', 'cst-1992.yaml');
    const corrupted = readFileSync(file, 'utf8')
      .replace("effectiveDate: '1993-09-24'", "effectiveDate: '1993-02-30'")
      .replace('    participant: BLR\n', '    participant: Belarus\n')
      .replace(/confidence: certain/, 'confidence: sure');
    writeFileSync(file, corrupted);

    const run = runCli(['import', copy], env);

    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'instruments/cst-1992.yaml:39: cst-1992/signed/ARM confidence: must be one of: certain, high, medium, low',
      'instruments/cst-1992.yaml:143: cst-1992/signed/AZE effectiveDate: "1993-02-30" is not a calendar date: February 1993 has 28 days',
      'instruments/cst-1992.yaml:202: cst-1992/signed/BLR participant: "Belarus" is not a participant: an ISO 3166-1 alpha-3 code (ARM) or an organisation slug (cis)',
      `annals import: 3 problem(s) in ${copy}; nothing was imported`,
    ]);
    const store = new SqliteEventStore({ path: env['ANNALS_DB']! });
    expect(await store.headPosition()).toBeNull();
    await store.close();
  });

  it('refuses a path that does not exist with a usage error', () => {
    const run = runCli(['import', join(dir, 'nowhere')], env);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/path: no file or directory/);
  });
});
