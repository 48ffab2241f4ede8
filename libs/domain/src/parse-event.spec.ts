import { WIRE_NAMES, SCHEMA_VERSIONS } from './events/catalogue';
import { parseEvent } from './parse-event';
import { REFERENCE, SEED, sample, SAMPLE_EVENTS } from './testing/sample-events';
import { problemsOf } from './testing/problems';

const signed = (changes: Record<string, unknown>) => sample('InstrumentSigned', changes);
const adopted = (rules: unknown, changes: Record<string, unknown> = {}) =>
  sample('InstrumentAdopted', { rules, ...changes });
const withSource = (source: unknown) => signed({ sources: [source] });
const eif = (clause: Record<string, unknown>) => adopted({ entryIntoForce: clause });
const NOT_A_DATE = (text: string) =>
  `"${text}" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY (zero-padded, no time of day)`;
const NOT_A_PARTICIPANT = (text: string) =>
  `"${text}" is not a participant: an ISO 3166-1 alpha-3 code (ARM) or an organisation slug (cis)`;
const NOT_A_SLUG = (text: string) =>
  `"${text}" is not a slug: lower-case letters and digits joined by single hyphens, e.g. csto-charter-2002`;
const BAD_URL = 'must be a web address starting with http:// or https://';

describe('parseEvent', () => {
  describe('accepts', () => {
    it.each(WIRE_NAMES.map((name) => [name]))('a valid %s, deeply frozen', (name) => {
      const raw = sample(name);
      const event = parseEvent(raw);
      expect(event).toEqual(raw);
      expect(Object.isFrozen(event)).toBe(true);
      expect(Object.isFrozen(event.sources)).toBe(true);
      expect(Object.isFrozen(event.sources[0])).toBe(true);
      expect(() => ((event as { note?: string }).note = 'changed')).toThrow(TypeError);
    });

    it('freezes the corrected event inside a correction', () => {
      const event = parseEvent(sample('FactCorrected'));
      expect(event.type === 'FactCorrected' && Object.isFrozen(event.corrected.sources)).toBe(true);
    });

    it('does not keep a reference to the raw input', () => {
      const raw = signed({});
      const event = parseEvent(raw);
      (raw.sources as unknown[]).push(SEED);
      expect(event.sources).toHaveLength(1);
    });

    it.each(['2000-02-29', '2024-02-29', '1992-05', '1992', '1900-01-01', '2100-12-31'])(
      'the date %s',
      (effectiveDate) => {
        expect(parseEvent(signed({ effectiveDate })).effectiveDate).toBe(effectiveDate);
      },
    );

    it('a public reference, a dispute with its readings, and rules of every clause', () => {
      const dispute = {
        followed: 'the depositary’s list',
        readings: [{ claim: '15 May 1993', effectiveDate: '1993-05-15', sources: [REFERENCE] }],
      };
      expect(parseEvent(signed({ sources: [SEED, REFERENCE], dispute })).dispute).toEqual(dispute);
      for (const clause of [
        { kind: 'on-nth-deposit', n: 4 },
        { kind: 'on-stated-date', date: '1994-04-20' },
        { kind: 'on-signature' },
        { kind: 'on-deposit' },
      ]) {
        expect(() => parseEvent(eif(clause))).not.toThrow();
      }
      expect(() =>
        parseEvent(
          adopted({ entryIntoForce: { kind: 'on-deposit' }, amends: 'cst-1992' }, { kind: 'protocol' }),
        ),
      ).not.toThrow();
    });

    it('a participant that is an organisation', () => {
      expect(parseEvent(signed({ participant: 'cis' })).type).toBe('InstrumentSigned');
    });
  });

  describe('has a schema version for every wire name', () => {
    it('at version 1', () => {
      expect(Object.keys(SCHEMA_VERSIONS).sort()).toEqual([...WIRE_NAMES].sort());
      expect(new Set(Object.values(SCHEMA_VERSIONS))).toEqual(new Set([1]));
      expect(Object.keys(SAMPLE_EVENTS)).toHaveLength(WIRE_NAMES.length);
    });
  });

  // [what is wrong, raw input, path, reason]
  const corpus: [string, unknown, string, string][] = [
    [
      'a string instead of an object',
      'InstrumentSigned',
      '(event)',
      'must be a JSON object with a type and fields',
    ],
    [
      'an array instead of an object',
      [signed({})],
      '(event)',
      'must be a JSON object with a type and fields',
    ],
    ['null', null, '(event)', 'must be a JSON object with a type and fields'],
    [
      'no type',
      { ...signed({}), type: undefined },
      'type',
      'is required: the wire name of the event, e.g. InstrumentSigned',
    ],
    ['a type that is not text', signed({ type: 42 }), 'type', 'must be the wire name of an event, as text'],
    [
      'a misspelt wire name',
      signed({ type: 'InstrumentSinged' }),
      'type',
      '"InstrumentSinged" is not an event type of the catalogue: did you mean InstrumentSigned?',
    ],
    [
      'an unknown wire name',
      signed({ type: 'TreatyBurned' }),
      'type',
      '"TreatyBurned" is not an event type of the catalogue: see docs/event-catalogue.md',
    ],
    [
      '30 February',
      signed({ effectiveDate: '2023-02-30' }),
      'effectiveDate',
      '"2023-02-30" is not a calendar date: February 2023 has 28 days',
    ],
    [
      '29 February of a year that is not leap',
      signed({ effectiveDate: '1900-02-29' }),
      'effectiveDate',
      '"1900-02-29" is not a calendar date: February 1900 has 28 days',
    ],
    [
      '31 April',
      signed({ effectiveDate: '1994-04-31' }),
      'effectiveDate',
      '"1994-04-31" is not a calendar date: April 1994 has 30 days',
    ],
    ['a month not zero-padded', signed({ effectiveDate: '1992-5' }), 'effectiveDate', NOT_A_DATE('1992-5')],
    [
      'a time of day',
      signed({ effectiveDate: '1992-05-15T10:00' }),
      'effectiveDate',
      NOT_A_DATE('1992-05-15T10:00'),
    ],
    [
      'a date in another notation',
      signed({ effectiveDate: '15.05.1992' }),
      'effectiveDate',
      NOT_A_DATE('15.05.1992'),
    ],
    [
      'month 13',
      signed({ effectiveDate: '1992-13' }),
      'effectiveDate',
      '"1992-13" has no month 13: months run 01 to 12',
    ],
    [
      'a year out of range',
      signed({ effectiveDate: '2992-05-15' }),
      'effectiveDate',
      'year 2992 is outside 1900–2100',
    ],
    [
      'a date as a number',
      signed({ effectiveDate: 1992 }),
      'effectiveDate',
      'must be a date written as text: YYYY-MM-DD, YYYY-MM or YYYY, or a range FROM/TO of those',
    ],
    ['no effective date', signed({ effectiveDate: undefined }), 'effectiveDate', 'is required'],
    ['no sources', signed({ sources: undefined }), 'sources', 'is required'],
    ['an empty list of sources', signed({ sources: [] }), 'sources', 'must hold at least one source'],
    ['sources that are not a list', signed({ sources: SEED }), 'sources', 'must be a list of sources'],
    [
      'a source that is not an object',
      withSource('004_b382b7bce98f5533.txt'),
      'sources[0]',
      'must be a source: { seed, quote } or { title, url }',
    ],
    [
      'an empty list in the list of sources',
      signed({ sources: [[]] }),
      'sources[0]',
      'must be a source: { seed, quote } or { title, url }',
    ],
    [
      'a source wrapped in a list',
      signed({ sources: [[SEED]] }),
      'sources[0]',
      'must be a source: { seed, quote } or { title, url }',
    ],
    [
      'a reading wrapped in a list',
      signed({ dispute: { followed: 'x', readings: [[]] } }),
      'dispute.readings',
      'holds a list at [0]: each item must be one reading, not a list',
    ],
    [
      'a seed source mixed with a reference',
      withSource({ ...SEED, url: REFERENCE.url }),
      'sources[0].url',
      'is not a field here; the fields are: quote, seed',
    ],
    ['a seed source without quote', withSource({ seed: SEED.seed }), 'sources[0].quote', 'is required'],
    [
      'a seed in a folder',
      withSource({ ...SEED, seed: '../seeds/004.txt' }),
      'sources[0].seed',
      '"../seeds/004.txt" is not a seed file name (no folders), e.g. 004_b382b7bce98f5533.txt',
    ],
    ['a blank quote', withSource({ ...SEED, quote: '   ' }), 'sources[0].quote', 'must not be empty'],
    [
      'an oversize quote',
      withSource({ ...SEED, quote: 'q'.repeat(2001) }),
      'sources[0].quote',
      'is too long: 2001 characters, at most 2000',
    ],
    [
      'an oversize title',
      withSource({ ...REFERENCE, title: 't'.repeat(201) }),
      'sources[0].title',
      'is too long: 201 characters, at most 200',
    ],
    ['a reference without url', withSource({ title: REFERENCE.title }), 'sources[0].url', 'is required'],
    ['an ftp url', withSource({ ...REFERENCE, url: 'ftp://un.org/treaty' }), 'sources[0].url', BAD_URL],
    [
      'a url that is not an address',
      withSource({ ...REFERENCE, url: 'un.org treaties' }),
      'sources[0].url',
      BAD_URL,
    ],
    [
      'a publication date that is not a date',
      withSource({ ...REFERENCE, published: 'June 1995' }),
      'sources[0].published',
      NOT_A_DATE('June 1995'),
    ],
    [
      'an unknown field at the top level',
      signed({ signedBy: 'ARM' }),
      'signedBy',
      'is not a field here; the fields are: confidence, dispute, effectiveDate, instrument, note, participant, place, reservation, sources, type',
    ],
    [
      'an unknown field in a dispute reading',
      signed({ dispute: { followed: 'x', readings: [{ claim: 'c', sources: [SEED], date: '1993' }] } }),
      'dispute.readings[0].date',
      'is not a field here; the fields are: claim, effectiveDate, sources',
    ],
    [
      'a dispute without readings',
      signed({ dispute: { followed: 'x', readings: [] } }),
      'dispute.readings',
      'must hold at least one reading',
    ],
    [
      'a reading without sources',
      signed({ dispute: { followed: 'x', readings: [{ claim: 'c' }] } }),
      'dispute.readings[0].sources',
      'is required',
    ],
    [
      'an oversize note',
      signed({ note: 'n'.repeat(2001) }),
      'note',
      'is too long: 2001 characters, at most 2000',
    ],
    ['a null note', signed({ note: null }), 'note', 'must be left out rather than set to null'],
    [
      'an unknown confidence',
      signed({ confidence: 'very high' }),
      'confidence',
      'must be one of: certain, high, medium, low',
    ],
    [
      'a lower-case-and-capital participant',
      signed({ participant: 'Arm' }),
      'participant',
      NOT_A_PARTICIPANT('Arm'),
    ],
    ['a four-letter country code', signed({ participant: 'ARMN' }), 'participant', NOT_A_PARTICIPANT('ARMN')],
    ['a slug in capitals', signed({ instrument: 'CST-1992' }), 'instrument', NOT_A_SLUG('CST-1992')],
    [
      'a slug with a double hyphen',
      signed({ instrument: 'cst--1992' }),
      'instrument',
      NOT_A_SLUG('cst--1992'),
    ],
    [
      'a country code where a body slug belongs',
      sample('MembershipSuspended', { decidedBy: 'RUS' }),
      'decidedBy',
      NOT_A_SLUG('RUS'),
    ],
    [
      'an unknown admission mode',
      sample('MemberAdmitted', { mode: 'invited' }),
      'mode',
      'must be one of: original, accession, admission, restoration',
    ],
    [
      'a negative contingent size',
      sample('ContingentDeployed', { size: -5 }),
      'size',
      'must be a whole number from 1 to 1000000',
    ],
    [
      'an impossible ratification act date',
      sample('RatificationLawEnacted', { act: { date: '1993-02-29', title: 'Law' } }),
      'act.date',
      '"1993-02-29" is not a calendar date: February 1993 has 28 days',
    ],
    ['rules without an entry-into-force clause', adopted({}), 'rules.entryIntoForce', 'is required'],
    ['rules that are not an object', adopted('on signature'), 'rules', 'must be an object with fields'],
    [
      'an unknown entry-into-force kind',
      eif({ kind: 'on-ratification' }),
      'rules.entryIntoForce.kind',
      'must be one of: on-last-signatory-deposit, on-nth-deposit, on-stated-date, on-signature, on-deposit',
    ],
    [
      'an N-th deposit clause without n',
      eif({ kind: 'on-nth-deposit' }),
      'rules.entryIntoForce.n',
      'is required with kind on-nth-deposit',
    ],
    [
      'a fractional n',
      eif({ kind: 'on-nth-deposit', n: 2.5 }),
      'rules.entryIntoForce.n',
      'must be a whole number from 1 to 100',
    ],
    [
      'n on another kind of clause',
      eif({ kind: 'on-deposit', n: 4 }),
      'rules.entryIntoForce.n',
      'belongs only with kind on-nth-deposit',
    ],
    [
      'a stated-date clause without its date',
      eif({ kind: 'on-stated-date' }),
      'rules.entryIntoForce.date',
      'is required with kind on-stated-date',
    ],
    [
      'a notice period as text',
      adopted({ entryIntoForce: { kind: 'on-deposit' }, withdrawalNoticeMonths: '6' }),
      'rules.withdrawalNoticeMonths',
      'must be a whole number from 1 to 120',
    ],
    [
      'an unknown renewal',
      adopted({ entryIntoForce: { kind: 'on-deposit' }, term: { years: 5, renewal: 'tacit' } }),
      'rules.term.renewal',
      'must be one of: by-protocol, automatic',
    ],
    [
      'a treaty that amends',
      adopted({ entryIntoForce: { kind: 'on-deposit' }, amends: 'cst-1992' }),
      'rules',
      'amends is set, but only a protocol amends another instrument (kind is treaty)',
    ],
    [
      'a correction of a correction',
      sample('FactCorrected', { corrected: sample('FactRetracted') }),
      'corrected.type',
      'a correction holds the corrected fact itself, not a FactRetracted: supersede the original fact instead',
    ],
    [
      'a corrected event that is invalid',
      sample('FactCorrected', { corrected: signed({ participant: 'Arm' }) }),
      'corrected.participant',
      NOT_A_PARTICIPANT('Arm'),
    ],
    [
      'a corrected event of unknown type',
      sample('FactCorrected', { corrected: signed({ type: 'Nope' }) }),
      'corrected.type',
      '"Nope" is not an event type of the catalogue: see docs/event-catalogue.md',
    ],
    [
      'a correction without the corrected event',
      sample('FactCorrected', { corrected: undefined }),
      'corrected',
      'is required',
    ],
    [
      'a retraction naming no event id',
      sample('FactRetracted', { supersedes: 'the ARM signature' }),
      'supersedes',
      '"the ARM signature" is not an event id: letters, digits and . _ : / -',
    ],
    [
      'a field named __proto__',
      JSON.parse('{"type":"InstrumentSigned","__proto__":{"polluted":true}}'),
      '__proto__',
      'is not allowed as a field name',
    ],
  ];

  describe('rejects', () => {
    it.each(corpus)('%s', (_what, raw, path, reason) => {
      expect(problemsOf(raw)).toContainEqual({ path, reason });
    });

    it('reports every problem at once', () => {
      const problems = problemsOf(
        signed({ effectiveDate: '1992-5', confidence: 'sure', sources: [], extra: 1 }),
      );
      expect(problems.map((p) => p.path).sort()).toEqual(['confidence', 'effectiveDate', 'extra', 'sources']);
    });

    it('says the problems in the error message too', () => {
      expect(() => parseEvent(signed({ confidence: 'sure' }))).toThrow(
        'confidence: must be one of: certain, high, medium, low',
      );
    });

    it('names at most a few wire names when the type is unknown', () => {
      const [problem] = problemsOf(signed({ type: 'x'.repeat(500) }));
      expect(problem?.reason.length).toBeLessThan(150);
    });
  });
});
