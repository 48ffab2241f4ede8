import fc from 'fast-check';
import type { DomainEvent, SubjectEvent } from '@app/domain';
import type { Fact } from './record/fact';
import { referenceInstrumentStatusAsOf, referenceStateAsOf, referenceTimeline } from './reference';
import { TemporalIndex } from './temporal-index';
import { effectiveDay } from '@app/domain';
import { day, effectiveDate, organisationEvent } from './testing/arbitraries';
import { event, record } from './testing/given';
import { charterFounding } from './testing/scenarios';

const INSTRUMENTS = ['cst-1992', 'csto-charter-2002'] as const;
const STATES = ['ARM', 'KAZ', 'RUS'] as const;

const subjectEvent: fc.Arbitrary<SubjectEvent> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...INSTRUMENTS), fc.constantFrom(...STATES), effectiveDate)
    .map(([instrument, participant, d]) =>
      event('InstrumentSigned', { effectiveDate: d, instrument, participant }),
    ),
  fc
    .tuple(fc.constantFrom(...INSTRUMENTS), fc.constantFrom(...STATES), effectiveDate)
    .map(([instrument, participant, d]) =>
      event('InstrumentDeposited', { effectiveDate: d, instrument, participant, kind: 'ratification' }),
    ),
  fc.tuple(fc.constantFrom(...STATES), effectiveDate).map(([participant, d]) =>
    event('MemberAdmitted', {
      effectiveDate: d,
      organisation: 'csto',
      participant,
      mode: 'admission',
      basis: 'csto-charter-2002',
    }),
  ),
  fc.tuple(fc.constantFrom(...STATES), effectiveDate).map(([participant, d]) =>
    event('MembershipSuspended', {
      effectiveDate: d,
      organisation: 'csto',
      participant,
      decidedBy: 'council',
    }),
  ),
);

/** A supersession of an earlier entry: a retraction, or a correction to another date, possibly of another instrument. */
const supersession = fc.record({
  target: fc.nat(),
  retract: fc.boolean(),
  date: effectiveDate,
  instrument: fc.constantFrom(...INSTRUMENTS),
  /** Now and then recorded at a position before the fact it names (no store writes that; the index must still be total). */
  early: fc.nat(5).map((n) => n === 0),
});

const step = fc.oneof(
  { weight: 3, arbitrary: subjectEvent.map((content) => ({ content })) },
  { weight: 2, arbitrary: supersession },
);

/**
 * Small records that stress the recorded-time axis: few facts, each corrected or retracted several times over
 * (corrections of corrections, corrections moving a fact to the other instrument, a retraction then a correction
 * that brings the fact back), a few supersessions recorded before the fact they name, most facts sharing a recorded
 * instant, and the index fed in a shuffled order (so a correction often arrives before its fact).
 */
const crowdedHistory = fc
  .tuple(
    fc.array(step, { minLength: 2, maxLength: 30 }),
    fc.array(fc.constantFrom(0, 0, 0, 1), { minLength: 30, maxLength: 30 }),
  )
  .map(([steps, gaps]) => {
    const setting: DomainEvent[] = [
      event('OrganisationEstablished', {
        effectiveDate: '2003-09-18',
        organisation: 'csto',
        name: 'CSTO',
        foundingInstrument: 'csto-charter-2002',
        predecessorInstrument: 'cst-1992',
      }),
      ...INSTRUMENTS.map((instrument) =>
        event('InstrumentAdopted', {
          effectiveDate: '1992-05-15',
          instrument,
          title: instrument,
          kind: 'treaty',
          rules: { entryIntoForce: { kind: 'on-nth-deposit', n: 2 }, withdrawalNoticeMonths: 6 },
        }),
      ),
    ];
    const events: { id: string; event: DomainEvent }[] = setting.map((content, at) => ({
      id: `s${at}`,
      event: content,
    }));
    const early = new Set<string>();
    for (const next of steps) {
      const id = `f${events.length}`;
      if ('content' in next) {
        events.push({ id, event: next.content });
        continue;
      }
      const target =
        events[setting.length + (next.target % Math.max(1, events.length - setting.length))] ?? events[0];
      if (target === undefined || target.event.type === 'FactRetracted') continue;
      const original = target.event.type === 'FactCorrected' ? target.event.corrected : target.event;
      const shared = {
        sources: original.sources,
        confidence: original.confidence,
        supersedes: target.id,
        reason: 'test',
      };
      if (next.retract) {
        events.push({
          id,
          event: { type: 'FactRetracted', effectiveDate: original.effectiveDate, ...shared },
        });
      } else {
        const corrected = {
          ...original,
          effectiveDate: next.date,
          ...('instrument' in original ? { instrument: next.instrument } : {}),
        } as SubjectEvent;
        events.push({
          id,
          event: { type: 'FactCorrected', effectiveDate: original.effectiveDate, ...shared, corrected },
        });
      }
      if (next.early) early.add(id);
    }
    // Recorded order: as written, except that an early supersession trades places with the entry it names.
    const order = events.map((entry) => entry.id);
    for (const id of early) {
      const entry = events.find((candidate) => candidate.id === id);
      const supersedes = entry && 'supersedes' in entry.event ? entry.event.supersedes : undefined;
      const [from, to] = [order.indexOf(id), supersedes === undefined ? -1 : order.indexOf(supersedes)];
      if (to >= 0) [order[from], order[to]] = [order[to] as string, order[from] as string];
    }
    let clock = Date.UTC(2026, 0, 1);
    return order.map((id, at): Fact => {
      clock += (gaps[at % gaps.length] ?? 0) * 60_000;
      return {
        id,
        position: at + 1,
        recordedAt: new Date(clock).toISOString(),
        event: (events.find((entry) => entry.id === id) as { event: DomainEvent }).event,
      };
    });
  })
  .chain((facts) =>
    fc.tuple(
      fc.constant(facts),
      fc.shuffledSubarray(facts, { minLength: facts.length, maxLength: facts.length }),
    ),
  );

/** Every recorded instant of the history, one before any, and the latest record. */
function cutoffs(facts: readonly Fact[]): (string | null)[] {
  return [null, '2025-12-31T00:00:00.000Z', ...new Set(facts.map((fact) => fact.recordedAt))];
}

describe('the recorded-time axis of the subject logs', () => {
  it('answers at every recorded instant as the reference fold does, through chains of corrections and retractions', () => {
    fc.assert(
      fc.property(crowdedHistory, day, ([facts, feedOrder], asOf) => {
        const index = new TemporalIndex().applyAll(feedOrder);
        for (const knownAt of cutoffs(facts)) {
          expect(index.timeline({ knownAt })).toEqual(referenceTimeline(facts, { knownAt }));
          for (const instrument of INSTRUMENTS) {
            expect(index.instrumentStatusAsOf({ instrument, asOf, knownAt })).toEqual(
              referenceInstrumentStatusAsOf(facts, { instrument, asOf, knownAt }),
            );
          }
          expect(index.stateAsOf({ organisation: 'csto', asOf, knownAt })).toEqual(
            referenceStateAsOf(facts, { organisation: 'csto', asOf, knownAt }),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers as the reference fold after each fact of a record asked about as it grows, its lists trimmed at any point', () => {
    fc.assert(
      fc.property(
        crowdedHistory,
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        day,
        ([facts], inEffectiveOrder, trims, asOf) => {
          // Recorded in effective order, a log keeps one list for both orders until a correction or a backdated fact.
          const subjectFacts = facts.filter((fact) => !('supersedes' in fact.event));
          const fed = inEffectiveOrder
            ? record(
                subjectFacts
                  .map((fact) => fact.event)
                  .sort((a, b) =>
                    effectiveDay(a.effectiveDate) < effectiveDay(b.effectiveDate)
                      ? -1
                      : effectiveDay(a.effectiveDate) > effectiveDay(b.effectiveDate)
                        ? 1
                        : 0,
                  ),
              )
            : facts;
          const index = new TemporalIndex();
          fed.forEach((fact, at) => {
            index.apply(fact);
            if (trims[at] === true) index.trim();
            const known = fed.slice(0, at + 1);
            expect(index.stateAsOf({ organisation: 'csto', asOf })).toEqual(
              referenceStateAsOf(known, { organisation: 'csto', asOf }),
            );
            for (const instrument of INSTRUMENTS)
              expect(index.instrumentStatusAsOf({ instrument, asOf })).toEqual(
                referenceInstrumentStatusAsOf(known, { instrument, asOf }),
              );
            expect(index.timeline()).toEqual(referenceTimeline(known, {}));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('moves a corrected fact to the other instrument from the instant the correction is recorded, and drops it once retracted', () => {
    const signed = event('InstrumentSigned', {
      effectiveDate: '1992-05-15',
      instrument: 'cst-1992',
      participant: 'ARM',
    });
    const shared = { sources: signed.sources, confidence: signed.confidence, reason: 'test' };
    const facts: Fact[] = [
      { id: 'signed', position: 1, recordedAt: '2026-01-01T00:00:00.000Z', event: signed },
      {
        id: 'moved',
        position: 2,
        recordedAt: '2026-01-02T00:00:00.000Z',
        event: {
          type: 'FactCorrected',
          effectiveDate: '1992-05-15',
          supersedes: 'signed',
          ...shared,
          corrected: { ...signed, instrument: 'csto-charter-2002', effectiveDate: '2002-10-07' },
        },
      },
      {
        id: 'retracted',
        position: 3,
        recordedAt: '2026-01-03T00:00:00.000Z',
        event: { type: 'FactRetracted', effectiveDate: '2002-10-07', supersedes: 'moved', ...shared },
      },
    ];
    // Fed backwards: the retraction and the correction wait for the fact they name.
    const index = new TemporalIndex().applyAll([...facts].reverse());
    const where = (knownAt: string): [string | undefined, string, string[]][] =>
      index
        .timeline({ knownAt })
        .map((entry) => [
          'instrument' in entry.event ? entry.event.instrument : undefined,
          entry.effectiveDate,
          [...entry.correctedBy],
        ]);
    expect(where('2026-01-01T12:00:00.000Z')).toEqual([['cst-1992', '1992-05-15', []]]);
    expect(where('2026-01-02T12:00:00.000Z')).toEqual([['csto-charter-2002', '2002-10-07', ['moved']]]);
    expect(where('2026-01-03T12:00:00.000Z')).toEqual([]);
  });

  it('gives a past organisation view as the fold of its facts would, where it is cut from the latest view: facts on one day, coarse dates, backdated facts, a correction', () => {
    // Few days, so that facts often share one (a coarse date shares its first day with the days in it).
    const tightDate = fc
      .tuple(
        fc.integer({ min: 2003, max: 2005 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('day', 'day', 'month', 'year'),
      )
      .map(([y, m, d, precision]) =>
        precision === 'day' ? `${y}-0${m}-0${d}` : precision === 'month' ? `${y}-0${m}` : `${y}`,
      );
    const setting = charterFounding();
    const stream = fc
      .array(fc.tuple(organisationEvent, tightDate), { minLength: 1, maxLength: 25 })
      .map((pairs) => pairs.map(([content, date]) => ({ ...content, effectiveDate: date })));
    fc.assert(
      fc.property(
        stream,
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.option(fc.nat(), { nil: undefined }),
        day,
        (events, backdated, corrected, asOf) => {
          // Recorded in effective order, as an organisation's stream mostly is, but for a few facts recorded last.
          const ordered = [...events].sort((a, b) =>
            effectiveDay(a.effectiveDate) < effectiveDay(b.effectiveDate)
              ? -1
              : effectiveDay(a.effectiveDate) > effectiveDay(b.effectiveDate)
                ? 1
                : 0,
          );
          const late = new Set(backdated.map((n) => n % ordered.length));
          const facts = record([
            ...setting,
            ...ordered.filter((_, at) => !late.has(at)),
            ...ordered.filter((_, at) => late.has(at)),
          ]);
          const target =
            corrected === undefined ? undefined : facts[setting.length + (corrected % ordered.length)];
          if (target !== undefined) {
            const content = target.event as SubjectEvent;
            const shared = {
              sources: content.sources,
              confidence: content.confidence,
              supersedes: target.id,
              reason: 'test',
            };
            facts.push(
              ...record(
                [
                  {
                    type: 'FactCorrected',
                    effectiveDate: content.effectiveDate,
                    ...shared,
                    corrected: { ...content, effectiveDate: '2004-01-01' },
                  },
                ],
                facts.length,
              ),
            );
          }
          const index = new TemporalIndex().applyAll(facts);
          const latest = { organisation: 'csto', asOf };
          expect(index.stateAsOf(latest)).toEqual(referenceStateAsOf(facts, latest));
          for (const fact of facts) {
            for (const knownAt of [
              fact.recordedAt,
              new Date(Date.parse(fact.recordedAt) - 1).toISOString(),
            ]) {
              const query = { organisation: 'csto', asOf, knownAt };
              expect(index.stateAsOf(query)).toEqual(referenceStateAsOf(facts, query));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
