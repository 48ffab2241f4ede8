import fc from 'fast-check';
import { day, history, instruments, participants } from './testing/arbitraries';
import {
  referenceInstrumentStatusAsOf,
  referenceOrganisationHistory,
  referenceParticipantHistory,
  referenceStateAsOf,
  referenceTimeline,
} from './reference';
import { TemporalIndex } from './temporal-index';
import type { Fact } from './record/fact';
import { event, given } from './testing/given';
import { treatyHistory } from './testing/scenarios';

/** A recorded instant to ask about: before anything, at a fact's recording, between two, or the latest record. */
function knownAtFor(facts: readonly Fact[], pick: number): string | null {
  if (pick % 5 === 0) return null;
  if (pick % 7 === 0) return '2025-12-31T00:00:00.000Z';
  const fact = facts[pick % facts.length];
  return fact ? fact.recordedAt : null;
}

const question = fc.record({ asOf: day, pick: fc.nat(), participant: participants, instrument: instruments });

describe('the temporal index answers as the reference fold does', () => {
  it('gives the same organisation state for any day and recorded time, fed in any order', () => {
    fc.assert(
      fc.property(
        history,
        fc.array(question, { minLength: 1, maxLength: 6 }),
        ({ facts, feedOrder }, questions) => {
          const index = new TemporalIndex().applyAll(feedOrder);
          for (const { asOf, pick } of questions) {
            const query = { organisation: 'csto', asOf, knownAt: knownAtFor(facts, pick) };
            expect(index.stateAsOf(query)).toEqual(referenceStateAsOf(facts, query));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the same organisation state for past records asked about by turns, more of them than it keeps, again and again', () => {
    // Seven instants asked about in any order: the index keeps four past records, so that some are asked about again
    // after being dropped, and some while kept but not the last asked about.
    const turn = fc.record({ asOf: day, pick: fc.nat({ max: 6 }) });
    fc.assert(
      fc.property(history, fc.array(turn, { minLength: 8, maxLength: 24 }), ({ facts, feedOrder }, turns) => {
        const index = new TemporalIndex().applyAll(feedOrder);
        for (const { asOf, pick } of turns) {
          const query = {
            organisation: 'csto',
            asOf,
            knownAt: (facts[Math.floor((pick * facts.length) / 7)] as Fact).recordedAt,
          };
          expect(index.stateAsOf(query)).toEqual(referenceStateAsOf(facts, query));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps no answer of a past or of the latest record once a fact arrives, however often that record was asked about', () => {
    fc.assert(
      fc.property(
        history,
        fc.array(question, { minLength: 1, maxLength: 3 }),
        ({ facts, feedOrder }, questions) => {
          const index = new TemporalIndex();
          const seen: Fact[] = [];
          for (const fact of feedOrder) {
            index.apply(fact);
            seen.push(fact);
            for (const { asOf, pick } of questions) {
              for (const knownAt of [knownAtFor(facts, pick), fact.recordedAt]) {
                const query = { organisation: 'csto', asOf, knownAt };
                expect(index.stateAsOf(query)).toEqual(referenceStateAsOf(seen, query));
              }
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('gives the same instrument table, participant history, timeline and organisation history', () => {
    fc.assert(
      fc.property(
        history,
        fc.array(question, { minLength: 1, maxLength: 4 }),
        ({ facts, feedOrder }, questions) => {
          const index = new TemporalIndex().applyAll(feedOrder);
          for (const { asOf, pick, participant, instrument } of questions) {
            const knownAt = knownAtFor(facts, pick);
            expect(index.instrumentStatusAsOf({ instrument, asOf, knownAt })).toEqual(
              referenceInstrumentStatusAsOf(facts, { instrument, asOf, knownAt }),
            );
            const organisation = pick % 2 === 0 ? { organisation: 'csto' } : {};
            expect(index.participantHistory(participant, { knownAt, ...organisation })).toEqual(
              referenceParticipantHistory(facts, participant, { knownAt, ...organisation }),
            );
            const filters =
              [{}, { participant }, { instrument }, { from: asOf }, { to: asOf, type: 'InstrumentSigned' }][
                pick % 5
              ] ?? {};
            expect(index.timeline({ ...filters, knownAt })).toEqual(
              referenceTimeline(facts, { ...filters, knownAt }),
            );
          }
          const knownAt = knownAtFor(facts, questions[0]?.pick ?? 0);
          expect(index.organisationHistory({ organisation: 'csto', knownAt })).toEqual(
            referenceOrganisationHistory(facts, { organisation: 'csto', knownAt }),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('stays equal to the reference while facts keep arriving (cached projections are refreshed)', () => {
    fc.assert(
      fc.property(
        history,
        fc.array(question, { minLength: 1, maxLength: 3 }),
        ({ facts, feedOrder }, questions) => {
          const index = new TemporalIndex();
          const fed: Fact[] = [];
          const step = Math.max(1, Math.ceil(feedOrder.length / 4));
          for (let start = 0; start < feedOrder.length; start += step) {
            for (const fact of feedOrder.slice(start, start + step)) {
              index.apply(fact);
              fed.push(fact);
            }
            for (const { asOf, pick } of questions) {
              const query = { organisation: 'csto', asOf, knownAt: knownAtFor(facts, pick) };
              expect(index.stateAsOf(query)).toEqual(referenceStateAsOf(fed, query));
            }
          }
          // Applying a fact again changes nothing: the first one applied stays the one held for its id.
          index.applyAll(facts.map((fact) => ({ ...fact })));
          expect(index.size).toBe(facts.length);
          for (const fact of facts)
            expect(index.fact(fact.id)).toBe(fed.find((other) => other.id === fact.id));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds every fact by its id, whether it was applied before or after the first lookup by id', () => {
    fc.assert(
      fc.property(history, fc.nat(), ({ facts, feedOrder }, cut) => {
        const index = new TemporalIndex();
        const at = cut % (feedOrder.length + 1);
        index.applyAll(feedOrder.slice(0, at));
        // A lookup of an id nobody recorded, before the rest arrives: the facts applied so far are indexed by it.
        expect(index.fact('never-recorded')).toBeUndefined();
        index.applyAll(feedOrder.slice(at));
        for (const fact of facts) expect(index.fact(fact.id)).toBe(fact);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the temporal index keeps subjects of different kinds apart', () => {
  it('gives an organisation and an instrument sharing one id their own facts, however their facts alternate', () => {
    // Each fact names the id the fact before it named, in another category.
    const facts = [
      ...treatyHistory().slice(0, 2),
      event('OrganisationEstablished', {
        effectiveDate: '1993-01-01',
        organisation: 'cst-1992',
        name: 'Namesake',
        foundingInstrument: 'cst-1992',
      }),
      ...treatyHistory().slice(2, 3),
      event('MemberAdmitted', {
        effectiveDate: '1993-02-01',
        organisation: 'cst-1992',
        participant: 'ARM',
        mode: 'original',
        basis: 'cst-1992',
      }),
      ...treatyHistory().slice(3),
    ];
    // `given` checks each answer against the reference fold's.
    const { asOf, instrument, index, log } = given(facts);
    asOf('1994-01-01', 'cst-1992');
    instrument('cst-1992', '1994-01-01');
    const held = (subject: string) =>
      index
        .source()
        .facts(subject)
        .map((fact) => fact.id)
        .sort();
    const naming = (field: string) =>
      log
        .filter((fact) => (fact.event as unknown as Record<string, unknown>)[field] === 'cst-1992')
        .map((fact) => fact.id)
        .sort();

    expect(held('organisation-cst-1992')).toEqual(naming('organisation'));
    expect(held('instrument-cst-1992')).toEqual(naming('instrument'));
  });
});
