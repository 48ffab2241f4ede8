import fc from 'fast-check';
import { effectiveDay, streamId, type DomainEvent, type SubjectEvent } from '@app/domain';
import { referenceStateAsOf } from './reference';
import type { Fact } from './record/fact';
import { buildView, type OrganisationView } from './record/subject-views';
import { TemporalIndex } from './temporal-index';
import { day, effectiveDate, organisationEvent } from './testing/arbitraries';
import { event, record, recordedOn } from './testing/given';
import { charterFounding } from './testing/scenarios';
import { Spans } from './time/span';

const setting = charterFounding();
/** Grants and ends recorded in effective order, so that past views are cut from the latest one. */
const grants: DomainEvent[] = [
  event('ObserverStatusGranted', {
    effectiveDate: '2004-01-01',
    organisation: 'csto',
    participant: 'SRB',
    body: 'csto',
  }),
  event('PartnerStatusGranted', {
    effectiveDate: '2004-03',
    organisation: 'csto',
    participant: 'AFG',
    body: 'csto',
  }),
  event('ObserverStatusEnded', {
    effectiveDate: '2005-06-01',
    organisation: 'csto',
    participant: 'SRB',
    body: 'csto',
  }),
  event('ObserverStatusGranted', {
    effectiveDate: '2006-01-01',
    organisation: 'csto',
    participant: 'SRB',
    body: 'csto',
  }),
  event('PartnerStatusEnded', {
    effectiveDate: '2007',
    organisation: 'csto',
    participant: 'AFG',
    body: 'csto',
  }),
];
const DAYS = ['2004-01-01', '2004-03-15', '2005-06-01', '2006-06-01', '2007-06-01', '2010-01-01'];

/** Every instant of the record (and a few inside one gap between two recordings), each asked about every day. */
function expectAgreement(index: TemporalIndex, facts: Parameters<typeof referenceStateAsOf>[0]): void {
  const instants = facts.map((fact) => fact.recordedAt);
  const gap = Date.parse(recordedOn(setting.length + 2));
  for (let hour = 1; hour < 24; hour += 5) instants.push(new Date(gap + hour * 3_600_000).toISOString());
  for (const knownAt of [...instants, null]) {
    for (const asOf of DAYS) {
      const query = { organisation: 'csto', asOf, knownAt };
      expect(index.stateAsOf(query)).toEqual(referenceStateAsOf(facts, query));
    }
  }
}

describe('past organisation views cut from the latest one', () => {
  it('answer as the reference does at many instants within one gap, the latest record asked first', () => {
    const facts = record([...setting, ...grants]);
    const index = new TemporalIndex().applyAll(facts);
    index.stateAsOf({ organisation: 'csto', asOf: '2010-01-01' });
    expectAgreement(index, facts);
  });

  it('answer as the reference does once the latest view that past views share lists with is extended in place, then after a backdated grant and a correction', () => {
    const facts = record([...setting, ...grants]);
    const index = new TemporalIndex().applyAll(facts);
    index.stateAsOf({ organisation: 'csto', asOf: '2010-01-01' });
    expectAgreement(index, facts);
    // After every other change in effective order: the latest view takes it in place, in lists past views shared.
    const extending = record(
      [
        event('ObserverStatusEnded', {
          effectiveDate: '2008-01-01',
          organisation: 'csto',
          participant: 'SRB',
          body: 'csto',
        }),
      ],
      facts.length,
    );
    index.applyAll(extending);
    facts.push(...extending);
    index.stateAsOf({ organisation: 'csto', asOf: '2010-01-01' });
    expectAgreement(index, facts);
    const ended = facts[setting.length + 2] as { id: string; event: SubjectEvent };
    const later = record(
      [
        event('PartnerStatusGranted', {
          effectiveDate: '2003-06-01',
          organisation: 'csto',
          participant: 'KAZ',
          body: 'csto',
        }),
        {
          type: 'FactCorrected',
          effectiveDate: ended.event.effectiveDate,
          sources: ended.event.sources,
          confidence: 'high',
          supersedes: ended.id,
          reason: 'test',
          corrected: { ...ended.event, effectiveDate: '2005-02' },
        },
      ],
      facts.length,
    );
    index.applyAll(later);
    index.stateAsOf({ organisation: 'csto', asOf: '2010-01-01' });
    expectAgreement(index, [...facts, ...later]);
  });
});

/** A member's suspensions, freezes and their ends over a few years, now and then an end of membership or a notice. */
const memberChange = fc
  .tuple(
    fc.constantFrom(
      'MembershipSuspended',
      'MembershipRestored',
      'ParticipationFrozen',
      'ParticipationUnfrozen',
      'MembershipSuspended',
      'ParticipationFrozen',
      'MembershipEnded',
      'MembershipWithdrawalNotified',
    ),
    fc.constantFrom('ARM', 'KAZ'),
    fc.integer({ min: 2003, max: 2006 }),
    fc.integer({ min: 1, max: 12 }),
    fc.constantFrom('01', '15', ''),
  )
  .map(([type, participant, year, month, dayOfMonth]): DomainEvent => {
    const effectiveDate = `${year}-${String(month).padStart(2, '0')}${dayOfMonth === '' ? '' : `-${dayOfMonth}`}`;
    return memberEvent(type, { effectiveDate, organisation: 'csto', participant });
  });

type MemberEventType =
  | 'MemberAdmitted'
  | 'MembershipEnded'
  | 'MembershipWithdrawalNotified'
  | 'MembershipSuspended'
  | 'MembershipRestored'
  | 'ParticipationFrozen'
  | 'ParticipationUnfrozen';

/** A change of a participant's membership of the CSTO, with the fields its kind requires besides its date. */
function memberEvent(
  type: MemberEventType,
  base: { effectiveDate: string; organisation: string; participant: string },
): DomainEvent {
  switch (type) {
    case 'MemberAdmitted':
      return event(type, { ...base, mode: 'admission', basis: 'csto-charter-2002' });
    case 'MembershipEnded':
      return event(type, { ...base, reason: 'withdrawal' });
    case 'MembershipWithdrawalNotified':
      return event(type, { ...base, instrument: 'csto-charter-2002' });
    case 'MembershipSuspended':
    case 'MembershipRestored':
      return event(type, { ...base, decidedBy: 'council' });
    case 'ParticipationFrozen':
    case 'ParticipationUnfrozen':
      return event(type, { ...base, declaredBy: base.participant });
  }
}

describe('past member timelines cut from the latest ones', () => {
  it('answer as the reference does at every instant, for statuses open at the cut, ended after it, and memberships ended or noticed after it', () => {
    const admitted = ['ARM', 'KAZ'].map((participant) =>
      event('MemberAdmitted', {
        effectiveDate: '2003-01-10',
        organisation: 'csto',
        participant,
        mode: 'original',
        basis: 'csto-charter-2002',
      }),
    );
    fc.assert(
      fc.property(
        fc.array(memberChange, { minLength: 1, maxLength: 20 }),
        fc.array(fc.constantFrom(...DAYS, '2003-06-15', '2004-07-01', '2005-12-31', '2006-12-31'), {
          minLength: 2,
          maxLength: 4,
        }),
        (changes, days) => {
          // Recorded in effective order, as an organisation's stream mostly is: past views are cut from the latest one.
          const ordered = [...changes].sort((a, b) =>
            effectiveDay(a.effectiveDate) < effectiveDay(b.effectiveDate)
              ? -1
              : effectiveDay(a.effectiveDate) > effectiveDay(b.effectiveDate)
                ? 1
                : 0,
          );
          const facts = record([...setting, ...admitted, ...ordered]);
          const index = new TemporalIndex().applyAll(facts);
          index.stateAsOf({ organisation: 'csto', asOf: '2010-01-01' });
          for (const knownAt of facts.map((fact) => fact.recordedAt)) {
            for (const asOf of days) {
              const query = { organisation: 'csto', asOf, knownAt };
              expect(index.stateAsOf(query)).toEqual(referenceStateAsOf(facts, query));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** An external status of two bodies, so that the order in which a view meets them shows in the answers' uncertainties. */
const externalChange = fc
  .tuple(
    fc.constantFrom('un-general-assembly', 'osce'),
    fc.constantFrom('observer', 'partner'),
    effectiveDate,
    fc.boolean(),
  )
  .map(([body, status, date, granted]) =>
    event(granted ? 'ExternalStatusGranted' : 'ExternalStatusEnded', {
      effectiveDate: date,
      organisation: 'csto',
      body,
      status,
    }),
  );

/** An establishment recorded later, dated before or after the first: the view keeps the first in effective order. */
const establishment = effectiveDate.map((date) =>
  event('OrganisationEstablished', {
    effectiveDate: date,
    organisation: 'csto',
    name: 'CSTO',
    foundingInstrument: 'csto-charter-2002',
  }),
);

/** A supersession of the n-th organisation fact: a correction to another date, a correction moving it to this organisation, or a retraction. */
const supersession = fc.record({
  target: fc.nat(),
  kind: fc.constantFrom('redate' as const, 'move' as const, 'retract' as const),
  date: effectiveDate,
});

/**
 * Organisation facts recorded in any order, dated to the day, the month or the year (a coarse date recorded late sorts
 * before facts recorded earlier, so the facts held at a cutoff are no prefix of the effective order), some of them
 * about another organisation, a later establishment now and then, and a correction or a retraction recorded among them.
 */
const shuffledHistory = fc
  .tuple(
    fc.array(
      fc.oneof(
        { arbitrary: organisationEvent, weight: 8 },
        { arbitrary: externalChange, weight: 2 },
        { arbitrary: establishment, weight: 1 },
      ),
      { minLength: 1, maxLength: 30 },
    ),
    fc.array(fc.boolean(), { maxLength: 30 }),
    fc.array(supersession, { maxLength: 3 }),
  )
  .map(([events, elsewhere, supersessions]): Fact[] => {
    const moved = events.map(
      (item, at) =>
        (elsewhere[at] === true && at % 3 === 0 ? { ...item, organisation: 'cis' } : item) as DomainEvent,
    );
    const facts = record([...setting, ...moved]);
    for (const { target, kind, date } of supersessions) {
      const root = facts[setting.length + (target % moved.length)] as Fact & { event: SubjectEvent };
      const superseding: DomainEvent =
        kind === 'retract'
          ? {
              type: 'FactRetracted',
              supersedes: root.id,
              reason: 'test',
              effectiveDate: root.event.effectiveDate,
              sources: root.event.sources,
              confidence: 'high',
            }
          : {
              type: 'FactCorrected',
              supersedes: root.id,
              reason: 'test',
              effectiveDate: root.event.effectiveDate,
              sources: root.event.sources,
              confidence: 'high',
              corrected:
                kind === 'move'
                  ? ({ ...root.event, organisation: 'csto' } as SubjectEvent)
                  : { ...root.event, effectiveDate: date },
            };
      facts.push(...record([superseding], facts.length));
    }
    return facts;
  });

/** A view's contents in the order a fold meets them: what a query reads of it. */
function contents(view: OrganisationView | undefined): unknown {
  return (
    view && {
      established: view.established,
      members: [...view.members],
      grants: [...view.grants],
      external: [...view.external],
    }
  );
}

describe('past organisation views cut from the latest one at any recorded position', () => {
  it('are the fold of the facts held then, and answer as the reference does, whatever the order of recording, coarse dates, moves and supersessions', () => {
    fc.assert(
      fc.property(shuffledHistory, fc.array(day, { minLength: 1, maxLength: 3 }), (facts, days) => {
        const index = new TemporalIndex().applyAll(facts);
        const subject = streamId('organisation', 'csto');
        for (const knownAt of facts.map((fact) => fact.recordedAt)) {
          const source = index.source(knownAt);
          expect(contents(source.organisation('csto'))).toEqual(
            contents(
              buildView(subject, source.facts(subject), new Spans().of) as OrganisationView | undefined,
            ),
          );
          for (const asOf of days) {
            const query = { organisation: 'csto', asOf, knownAt };
            expect(index.stateAsOf(query)).toEqual(referenceStateAsOf(facts, query));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

const TIMELINE_KINDS = [
  'MemberAdmitted',
  'MembershipEnded',
  'MembershipWithdrawalNotified',
  'MembershipSuspended',
  'MembershipRestored',
  'ParticipationFrozen',
  'ParticipationUnfrozen',
  'ObserverStatusGranted',
  'ObserverStatusEnded',
  'PartnerStatusGranted',
  'PartnerStatusEnded',
] as const;

/** Days after 2003-01-01, as a day of the calendar. */
function dayAfterStart(days: number): string {
  return new Date(Date.UTC(2003, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One change of a participant's membership, status or grant: its kind, whom it concerns, how many days after the one
 * before it falls, the precision its date is written to, and whether it is recorded late (after all the others).
 */
const timelineChange = fc.record({
  type: fc.constantFrom(...TIMELINE_KINDS),
  participant: fc.constantFrom('ARM', 'KAZ', 'SRB'),
  body: fc.constantFrom('csto', 'csto-parliamentary-assembly'),
  gap: fc.integer({ min: 0, max: 150 }),
  precision: fc.constantFrom('day', 'day', 'day', 'day', 'month', 'year'),
  late: fc.integer({ min: 0, max: 9 }).map((draw) => draw === 0),
});

/**
 * Members admitted (and re-admitted after an end), given notice, suspended and restored, frozen and unfrozen, and
 * observers and partners granted, ended and granted again, dated one after another to the day, the month or the year,
 * and recorded in that order except for a few recorded late: so that a participant's or a grant's changes recorded by
 * a cutoff are mostly the first ones of its list, sometimes not (a coarse date sorts before changes recorded earlier,
 * a change recorded late comes after later ones), and sometimes none.
 */
const timelineHistory = fc.array(timelineChange, { minLength: 1, maxLength: 24 }).map((changes): Fact[] => {
  let days = 0;
  const dated = changes.map(({ type, participant, body, gap, precision, late }) => {
    days += gap;
    const day = dayAfterStart(days);
    const effectiveDate =
      precision === 'day' ? day : precision === 'month' ? day.slice(0, 7) : day.slice(0, 4);
    const base = { effectiveDate, organisation: 'csto', participant };
    const made = ((): DomainEvent => {
      switch (type) {
        case 'ObserverStatusGranted':
        case 'ObserverStatusEnded':
        case 'PartnerStatusGranted':
        case 'PartnerStatusEnded':
          return event(type, { ...base, body });
        default:
          return memberEvent(type, base);
      }
    })();
    return { made, late };
  });
  return record([
    ...setting,
    ...dated.filter(({ late }) => !late).map(({ made }) => made),
    ...dated.filter(({ late }) => late).map(({ made }) => made),
  ]);
});

describe('past member and grant timelines cut from the latest ones at any recorded position', () => {
  it('answer as a record holding only the facts known then and as the reference do, for memberships, notices, statuses and grants recorded mostly in order', () => {
    fc.assert(
      fc.property(
        timelineHistory,
        fc.array(fc.integer({ min: -30, max: 3_700 }), { minLength: 2, maxLength: 4 }),
        (facts, offsets) => {
          const index = new TemporalIndex().applyAll(facts);
          // The latest record asked first, as a live record is: its timelines are what past records cut.
          index.stateAsOf({ organisation: 'csto', asOf: '2010-01-01' });
          const days = offsets.map(dayAfterStart);
          for (const [at, fact] of facts.entries()) {
            const knownAt = fact.recordedAt;
            const then = new TemporalIndex().applyAll(facts.slice(0, at + 1));
            for (const asOf of days) {
              const query = { organisation: 'csto', asOf, knownAt };
              const answer = index.stateAsOf(query);
              expect(answer).toEqual({ ...then.stateAsOf({ organisation: 'csto', asOf }), knownAt });
              expect(answer).toEqual(referenceStateAsOf(facts, query));
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
