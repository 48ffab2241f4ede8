import fc from 'fast-check';
import { day, history, instruments } from './testing/arbitraries';
import { event, record } from './testing/given';
import { referenceInstrumentStatusAsOf, referenceStateAsOf } from './reference';
import { TemporalIndex } from './temporal-index';
import type { Fact } from './record/fact';
import type { ViewSource } from './record/view-source';

/** An instant near a recorded one: just before it, at it, or just after it (within the gap to the next). */
function near(fact: Fact | undefined, shift: number): string | null {
  return fact === undefined ? null : new Date(Date.parse(fact.recordedAt) + shift).toISOString();
}

const question = fc.record({
  asOf: day,
  pick: fc.nat(),
  shift: fc.constantFrom(-1, 0, 1, 30_000),
  latest: fc.nat(3),
  instrument: instruments,
});

describe('values derived from views, shared between records', () => {
  const facts = record([
    event('InstrumentAdopted', {
      effectiveDate: '1992-05-15',
      instrument: 'cst-1992',
      title: 'CST',
      kind: 'treaty',
      rules: { entryIntoForce: { kind: 'on-deposit' } },
    }),
    event('InstrumentDeposited', {
      effectiveDate: '1992-06-01',
      instrument: 'cst-1992',
      participant: 'ARM',
      kind: 'ratification',
    }),
    event('InstrumentAdopted', {
      effectiveDate: '2002-10-07',
      instrument: 'csto-charter-2002',
      title: 'Charter',
      kind: 'charter',
      rules: { entryIntoForce: { kind: 'on-deposit' } },
    }),
    event('InstrumentDeposited', {
      effectiveDate: '2003-01-01',
      instrument: 'csto-charter-2002',
      participant: 'ARM',
      kind: 'ratification',
    }),
  ]);
  const [, cstDeposited, , charterDeposited] = facts as [Fact, Fact, Fact, Fact];
  /** A value about an instrument that reads its view through the source, as the queries' values do. */
  const partiesOf = (source: ViewSource, instrument: string, compute: () => string[]): string[] =>
    source.memo(
      null,
      'test',
      () => {
        source.instrument(instrument);
        return compute();
      },
      instrument,
    );

  it('lets a past record reuse a value of the latest record when it holds every subject the value read as the latest record does', () => {
    const index = new TemporalIndex().applyAll(facts);
    const latest = partiesOf(index.source(null), 'cst-1992', () => ['ARM']);
    // Between the last cst-1992 fact and the last charter fact: cst-1992 is as it is now, the charter is not.
    expect(partiesOf(index.source(cstDeposited.recordedAt), 'cst-1992', () => ['computed again'])).toBe(
      latest,
    );
    expect(partiesOf(index.source(near(cstDeposited, -1)), 'cst-1992', () => ['computed again'])).toEqual([
      'computed again',
    ]);
  });

  it('gives the latest record a value a past record derived from subjects it holds as the latest record does, and keeps the others to that past record', () => {
    const index = new TemporalIndex().applyAll(facts);
    const atCharter = partiesOf(index.source(near(charterDeposited, -1)), 'csto-charter-2002', () => [
      'before the deposit',
    ]);
    const pastCst = partiesOf(index.source(near(charterDeposited, -1)), 'cst-1992', () => ['ARM']);
    expect(partiesOf(index.source(null), 'csto-charter-2002', () => ['latest'])).toEqual(['latest']);
    expect(partiesOf(index.source(null), 'cst-1992', () => ['computed again'])).toBe(pastCst);
    expect(
      partiesOf(index.source(near(charterDeposited, -1)), 'csto-charter-2002', () => ['computed again']),
    ).toBe(atCharter);
  });

  it('notes what a value reads through the values it rests on', () => {
    const index = new TemporalIndex().applyAll(facts);
    const outer = (knownAt: string | null, compute: () => string): string => {
      const source = index.source(knownAt);
      return source.memo(
        null,
        'outer',
        () => partiesOf(source, 'csto-charter-2002', () => ['ARM']).join() + compute(),
      );
    };
    expect(outer(null, () => ' latest')).toBe('ARM latest');
    // The outer value read the charter only through the inner one: a record that saw the charter otherwise computes it anew.
    expect(outer(near(charterDeposited, -1), () => ' past')).toBe('ARM past');
    expect(outer(charterDeposited.recordedAt, () => ' past')).toBe('ARM latest');
  });

  it('keeps a value whose subjects a fact leaves alone, and forgets one whose subject it changes', () => {
    const index = new TemporalIndex().applyAll(facts.slice(0, 3));
    const cst = partiesOf(index.source(null), 'cst-1992', () => ['ARM']);
    expect(partiesOf(index.source(null), 'csto-charter-2002', () => [])).toEqual([]);
    index.apply(charterDeposited);
    expect(partiesOf(index.source(null), 'cst-1992', () => ['computed again'])).toBe(cst);
    expect(partiesOf(index.source(cstDeposited.recordedAt), 'cst-1992', () => ['computed again'])).toBe(cst);
    expect(partiesOf(index.source(null), 'csto-charter-2002', () => ['computed again'])).toEqual([
      'computed again',
    ]);
  });

  it('forgets a value that read an index lookup once a fact adds to that lookup, though nothing else it read changed', () => {
    // The lookup of csto's instruments and the protocol's stream exist before the protocol's adoption names csto.
    const [agreement, signed, adopted] = record(
      [
        event('InstrumentAdopted', {
          effectiveDate: '2004-06-18',
          instrument: 'agreement-2004',
          title: 'Agreement',
          kind: 'agreement',
          organisation: 'csto',
          rules: { entryIntoForce: { kind: 'on-deposit' } },
        }),
        event('InstrumentSigned', {
          effectiveDate: '2010-12-10',
          instrument: 'protocol-2010',
          participant: 'ARM',
        }),
        event('InstrumentAdopted', {
          effectiveDate: '2010-12-10',
          instrument: 'protocol-2010',
          title: 'Protocol',
          kind: 'protocol',
          organisation: 'csto',
          rules: { entryIntoForce: { kind: 'on-deposit' } },
        }),
      ],
      facts.length,
    ) as [Fact, Fact, Fact];
    const index = new TemporalIndex().applyAll([...facts, agreement, signed]);
    const adoptedWithin = (source: ViewSource): string[] =>
      source.memo(null, 'adopted-within', () => [...source.instrumentsOf('csto')], 'csto');
    expect(adoptedWithin(index.source(null))).toEqual(['agreement-2004']);
    index.apply(adopted);
    expect(adoptedWithin(index.source(null))).toEqual(['agreement-2004', 'protocol-2010']);
  });

  it('forgets a value that met no subject under a name once that subject is created', () => {
    const index = new TemporalIndex().applyAll(facts.slice(0, 2));
    const charter = (source: ViewSource): string =>
      source.memo(
        null,
        'charter-title',
        () => source.instrument('csto-charter-2002')?.adopted?.title ?? 'none',
      );
    expect(charter(index.source(null))).toBe('none');
    index.apply(facts[2] as Fact);
    expect(charter(index.source(null))).toBe('Charter');
  });

  it('answers as the reference does when questions about the latest record and about instants in one gap or across gaps come in any order', () => {
    fc.assert(
      fc.property(
        history,
        fc.array(question, { minLength: 2, maxLength: 5 }),
        ({ facts: generated, feedOrder }, questions) => {
          const index = new TemporalIndex().applyAll(feedOrder);
          for (const { asOf, pick, shift, latest, instrument } of questions) {
            const knownAt = latest === 0 ? null : near(generated[pick % generated.length], shift);
            expect(index.stateAsOf({ organisation: 'csto', asOf, knownAt })).toEqual(
              referenceStateAsOf(generated, { organisation: 'csto', asOf, knownAt }),
            );
            if (pick % 3 === 0)
              expect(index.instrumentStatusAsOf({ instrument, asOf, knownAt })).toEqual(
                referenceInstrumentStatusAsOf(generated, { instrument, asOf, knownAt }),
              );
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('answers as the reference does when backdated facts, corrections and retractions arrive one by one after values were shared', () => {
    fc.assert(
      fc.property(
        history,
        fc.nat(),
        fc.array(question, { minLength: 1, maxLength: 3 }),
        ({ facts: generated, feedOrder }, split, questions) => {
          const start = Math.max(0, feedOrder.length - 1 - (split % 8));
          const index = new TemporalIndex().applyAll(feedOrder.slice(0, start));
          const fed = feedOrder.slice(0, start);
          const ask = (): void => {
            for (const { asOf, pick, shift, latest } of questions) {
              const knownAt = latest === 0 ? null : near(generated[pick % generated.length], shift);
              expect(index.stateAsOf({ organisation: 'csto', asOf, knownAt })).toEqual(
                referenceStateAsOf(fed, { organisation: 'csto', asOf, knownAt }),
              );
            }
          };
          ask();
          for (const fact of feedOrder.slice(start)) {
            index.apply(fact);
            fed.push(fact);
            ask();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
