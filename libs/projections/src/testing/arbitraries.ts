import fc from 'fast-check';
import type { DomainEvent, SubjectEvent } from '@app/domain';
import type { Fact } from '../fact';
import { event } from './given';

const PARTICIPANTS = ['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB', 'SRB'];
const INSTRUMENTS = ['cst-1992', 'csto-charter-2002', 'peacekeeping-agreement-2007', 'cst-extension-protocol-1999'];
const BODIES = ['csto', 'csto-parliamentary-assembly'];

/** A day between 1992 and 2026, written to the day, the month or the year. */
export const effectiveDate = fc
  .tuple(fc.integer({ min: 1992, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom('day', 'day', 'day', 'month', 'year'))
  .map(([y, m, d, precision]) => {
    const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return precision === 'day' ? day : precision === 'month' ? day.slice(0, 7) : day.slice(0, 4);
  });

export const day = fc
  .tuple(fc.integer({ min: 1991, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const participant = fc.constantFrom(...PARTICIPANTS);
const instrument = fc.constantFrom(...INSTRUMENTS);

const instrumentEvent: fc.Arbitrary<SubjectEvent> = fc.oneof(
  fc.tuple(instrument, participant, effectiveDate).map(([i, p, d]) => event('InstrumentSigned', { effectiveDate: d, instrument: i, participant: p })),
  fc.tuple(instrument, participant, effectiveDate).map(([i, p, d]) => event('InstrumentDeposited', { effectiveDate: d, instrument: i, participant: p, kind: 'ratification' })),
  fc.tuple(instrument, participant, effectiveDate).map(([i, p, d]) => event('RatificationLawEnacted', { effectiveDate: d, instrument: i, participant: p, act: { date: d, title: 'law', number: '1' } })),
  fc.tuple(instrument, fc.option(participant, { nil: undefined }), effectiveDate).map(([i, p, d]) =>
    event('EntryIntoForceReported', p === undefined ? { effectiveDate: d, instrument: i } : { effectiveDate: d, instrument: i, participant: p }),
  ),
  fc.tuple(instrument, participant, effectiveDate).map(([i, p, d]) => event('InstrumentWithdrawalNotified', { effectiveDate: d, instrument: i, participant: p })),
  fc.tuple(instrument, participant, effectiveDate, fc.constantFrom('withdrawal' as const, 'non-renewal' as const)).map(([i, p, d, reason]) =>
    event('InstrumentTerminatedForParticipant', { effectiveDate: d, instrument: i, participant: p, reason }),
  ),
  fc.tuple(effectiveDate).map(([d]) => event('InstrumentAmended', { effectiveDate: d, instrument: 'cst-1992', protocol: 'cst-extension-protocol-1999' })),
);

const organisationEvent: fc.Arbitrary<SubjectEvent> = fc.oneof(
  fc.tuple(participant, effectiveDate, fc.constantFrom(...INSTRUMENTS)).map(([p, d, basis]) => event('MemberAdmitted', { effectiveDate: d, organisation: 'csto', participant: p, mode: 'admission', basis })),
  fc.tuple(participant, effectiveDate).map(([p, d]) => event('MembershipSuspended', { effectiveDate: d, organisation: 'csto', participant: p, decidedBy: 'council' })),
  fc.tuple(participant, effectiveDate).map(([p, d]) => event('MembershipRestored', { effectiveDate: d, organisation: 'csto', participant: p, decidedBy: 'council' })),
  fc.tuple(participant, effectiveDate).map(([p, d]) => event('ParticipationFrozen', { effectiveDate: d, organisation: 'csto', participant: p, declaredBy: p })),
  fc.tuple(participant, effectiveDate).map(([p, d]) => event('ParticipationUnfrozen', { effectiveDate: d, organisation: 'csto', participant: p, declaredBy: p })),
  fc.tuple(participant, effectiveDate).map(([p, d]) => event('MembershipWithdrawalNotified', { effectiveDate: d, organisation: 'csto', participant: p, instrument: 'csto-charter-2002' })),
  fc.tuple(participant, effectiveDate).map(([p, d]) => event('MembershipEnded', { effectiveDate: d, organisation: 'csto', participant: p, reason: 'withdrawal' })),
  fc.tuple(participant, fc.constantFrom(...BODIES), effectiveDate, fc.boolean()).map(([p, body, d, granted]) =>
    event(granted ? 'ObserverStatusGranted' : 'ObserverStatusEnded', { effectiveDate: d, organisation: 'csto', participant: p, body }),
  ),
  fc.tuple(participant, fc.constantFrom(...BODIES), effectiveDate, fc.boolean()).map(([p, body, d, granted]) =>
    event(granted ? 'PartnerStatusGranted' : 'PartnerStatusEnded', { effectiveDate: d, organisation: 'csto', participant: p, body }),
  ),
  fc.tuple(effectiveDate, fc.boolean()).map(([d, granted]) =>
    event(granted ? 'ExternalStatusGranted' : 'ExternalStatusEnded', { effectiveDate: d, organisation: 'csto', body: 'un-general-assembly', status: 'observer' }),
  ),
);

const deploymentEvent: fc.Arbitrary<SubjectEvent> = fc.oneof(
  fc.tuple(effectiveDate, participant).map(([d, host]) => event('DeploymentRequested', { effectiveDate: d, deployment: 'op', organisation: 'csto', host, requestedBy: host })),
  effectiveDate.map((d) => event('DeploymentAuthorized', { effectiveDate: d, deployment: 'op', decidedBy: 'council', legalBasis: 'art. 4', mandate: 'm' })),
  fc.tuple(effectiveDate, participant).map(([d, p]) => event('ContingentDeployed', { effectiveDate: d, deployment: 'op', contributor: p })),
  effectiveDate.map((d) => event('DeploymentWithdrawalStarted', { effectiveDate: d, deployment: 'op' })),
  effectiveDate.map((d) => event('DeploymentEnded', { effectiveDate: d, deployment: 'op' })),
);

const noise: fc.Arbitrary<SubjectEvent> = fc.oneof(instrumentEvent, organisationEvent, deploymentEvent);

/** What happens to a fact after it is recorded: nothing, a correction (new date or another subject), or a retraction. */
const afterwards = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 2, arbitrary: fc.tuple(effectiveDate, participant, instrument).map(([date, p, i]) => ({ kind: 'correct' as const, date, participant: p, instrument: i })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'retract' as const }) },
);

export interface GeneratedHistory {
  readonly facts: Fact[];
  /** The same facts in the order the index is fed (not necessarily by position). */
  readonly feedOrder: Fact[];
}

/** Draws from a tape of random numbers, so that a whole storyline can be written as ordinary code. */
class Tape {
  private at = 0;
  constructor(private readonly values: readonly number[]) {}
  next(bound: number): number {
    const value = this.values[this.at % this.values.length] ?? 0;
    this.at += 1;
    return value % bound;
  }
  chance(percent: number): boolean {
    return this.next(100) < percent;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.next(items.length)] as T;
  }
  /** A date some days after `after` (a day number since 1990), written to the day, month or year. */
  date(after: number, spread = 900): { day: number; text: string } {
    const dayNumber = after + 1 + this.next(spread);
    const text = new Date(Date.UTC(1990, 0, 1) + dayNumber * 86_400_000).toISOString().slice(0, 10);
    const precision = this.next(10);
    return { day: dayNumber, text: precision < 7 ? text : precision < 9 ? text.slice(0, 7) : text.slice(0, 4) };
  }
}

/**
 * Storylines that make sense: instruments adopted, then signed, ratified and deposited by some states in that
 * order, some reported in force, some withdrawn from; states admitted, then suspended, restored, frozen, giving
 * notice or leaving; observers and partners of the organisation or its assembly; one deployment going through its
 * stages. Dates increase along each storyline; a tenth are known only to the month and a tenth to the year.
 */
function storylines(tape: Tape): SubjectEvent[] {
  const events: SubjectEvent[] = [];
  const states = PARTICIPANTS.filter(() => tape.chance(55));
  for (const id of INSTRUMENTS) {
    if (id !== 'cst-1992' && id !== 'csto-charter-2002' && tape.chance(40)) continue;
    const adopted = tape.date(700, 4000);
    const clauses = [
      { kind: 'on-last-signatory-deposit' as const },
      { kind: 'on-nth-deposit' as const, n: 1 + tape.next(4) },
      { kind: 'on-stated-date' as const, date: tape.date(adopted.day, 900).text },
      { kind: 'on-signature' as const },
      { kind: 'on-deposit' as const },
    ];
    const renewal = tape.chance(30) ? { term: { years: 1 + tape.next(6), renewal: tape.pick(['by-protocol', 'automatic'] as const) } } : {};
    events.push(
      event('InstrumentAdopted', {
        effectiveDate: adopted.text,
        instrument: id,
        title: id,
        kind: id === 'cst-extension-protocol-1999' ? 'protocol' : 'treaty',
        ...(id === 'cst-1992' ? {} : { organisation: 'csto' }),
        rules: {
          entryIntoForce: tape.pick(clauses),
          ...(tape.chance(70) ? { withdrawalNoticeMonths: tape.pick([3, 6, 12]) } : {}),
          ...renewal,
          ...(id === 'cst-extension-protocol-1999' ? { amends: 'cst-1992' } : {}),
        },
      }),
    );
    if (tape.chance(40)) events.push(event('EntryIntoForceReported', { effectiveDate: tape.date(adopted.day, 1200).text, instrument: id }));
    if (id === 'cst-1992' && tape.chance(50)) events.push(event('InstrumentAmended', { effectiveDate: tape.date(adopted.day, 3000).text, instrument: id, protocol: 'cst-extension-protocol-1999' }));
    for (const state of states) {
      if (tape.chance(25)) continue;
      const signed = tape.date(adopted.day, 400);
      events.push(event('InstrumentSigned', { effectiveDate: signed.text, instrument: id, participant: state }));
      let last = signed.day;
      if (tape.chance(50)) {
        const act = tape.date(last, 300);
        events.push(event('RatificationLawEnacted', { effectiveDate: act.text, instrument: id, participant: state, act: { date: act.text, title: 'law', number: String(act.day) } }));
        last = act.day;
      }
      if (tape.chance(75)) {
        const deposited = tape.date(last, 300);
        events.push(event('InstrumentDeposited', { effectiveDate: deposited.text, instrument: id, participant: state, kind: 'ratification' }));
        last = deposited.day;
      }
      if (tape.chance(35)) {
        const reported = tape.date(last - 60, 200);
        events.push(event('EntryIntoForceReported', { effectiveDate: reported.text, instrument: id, participant: state }));
        last = Math.max(last, reported.day);
      }
      if (tape.chance(20)) {
        const notice = tape.date(last, 3000);
        events.push(event('InstrumentWithdrawalNotified', { effectiveDate: notice.text, instrument: id, participant: state }));
        last = notice.day;
      }
      if (tape.chance(20)) {
        events.push(event('InstrumentTerminatedForParticipant', { effectiveDate: tape.date(last, 3000).text, instrument: id, participant: state, reason: tape.pick(['withdrawal', 'non-renewal'] as const) }));
      }
    }
  }
  events.push(
    event('OrganisationEstablished', {
      effectiveDate: tape.date(3000, 2000).text,
      organisation: 'csto',
      name: 'CSTO',
      foundingInstrument: 'csto-charter-2002',
      ...(tape.chance(85) ? { predecessorInstrument: 'cst-1992' } : {}),
    }),
  );
  for (const state of states) {
    let last = 1500 + tape.next(6000);
    const move = (type: 'MemberAdmitted' | 'MembershipSuspended' | 'MembershipRestored' | 'ParticipationFrozen' | 'ParticipationUnfrozen' | 'MembershipWithdrawalNotified' | 'MembershipEnded'): void => {
      const at = tape.date(last, 1500);
      last = at.day;
      const base = { effectiveDate: at.text, organisation: 'csto', participant: state };
      switch (type) {
        case 'MemberAdmitted':
          events.push(event(type, { ...base, mode: 'admission', basis: tape.pick(INSTRUMENTS) }));
          return;
        case 'MembershipSuspended':
        case 'MembershipRestored':
          events.push(event(type, { ...base, decidedBy: 'council' }));
          return;
        case 'ParticipationFrozen':
        case 'ParticipationUnfrozen':
          events.push(event(type, { ...base, declaredBy: state }));
          return;
        case 'MembershipWithdrawalNotified':
          events.push(event(type, { ...base, instrument: 'csto-charter-2002' }));
          return;
        case 'MembershipEnded':
          events.push(event(type, { ...base, reason: 'withdrawal' }));
          return;
      }
    };
    if (tape.chance(50)) {
      move('MemberAdmitted');
      const steps = tape.next(5);
      for (let step = 0; step < steps; step++) {
        move(tape.pick(['MembershipSuspended', 'MembershipRestored', 'ParticipationFrozen', 'ParticipationUnfrozen', 'MembershipWithdrawalNotified', 'MembershipEnded', 'MemberAdmitted'] as const));
      }
    }
    for (const role of ['Observer', 'Partner'] as const) {
      if (!tape.chance(20)) continue;
      const body = tape.pick(BODIES);
      const granted = tape.date(4000, 3000);
      events.push(event(`${role}StatusGranted`, { effectiveDate: granted.text, organisation: 'csto', participant: state, body }));
      if (tape.chance(50)) events.push(event(`${role}StatusEnded`, { effectiveDate: tape.date(granted.day, 2000).text, organisation: 'csto', participant: state, body }));
    }
  }
  if (tape.chance(40)) {
    const granted = tape.date(5000, 3000);
    events.push(event('ExternalStatusGranted', { effectiveDate: granted.text, organisation: 'csto', body: 'un-general-assembly', status: 'observer' }));
    if (tape.chance(40)) events.push(event('ExternalStatusEnded', { effectiveDate: tape.date(granted.day, 3000).text, organisation: 'csto', body: 'un-general-assembly', status: 'observer' }));
  }
  if (tape.chance(50) && states.length > 0) {
    let at = tape.date(8000, 3000);
    const host = tape.pick(states);
    events.push(event('DeploymentRequested', { effectiveDate: at.text, deployment: 'op', organisation: 'csto', host, requestedBy: host }));
    const stages = tape.next(5);
    for (let stage = 0; stage < stages; stage++) {
      at = tape.date(at.day, 30);
      if (stage === 0) events.push(event('DeploymentAuthorized', { effectiveDate: at.text, deployment: 'op', decidedBy: 'council', legalBasis: 'art. 4', mandate: 'm' }));
      if (stage === 1) for (const contributor of states.slice(0, 3)) events.push(event('ContingentDeployed', { effectiveDate: at.text, deployment: 'op', contributor }));
      if (stage === 2) events.push(event('DeploymentWithdrawalStarted', { effectiveDate: at.text, deployment: 'op' }));
      if (stage === 3) events.push(event('DeploymentEnded', { effectiveDate: at.text, deployment: 'op' }));
    }
  }
  return events;
}

/**
 * A history built by construction from storylines, recorded in a shuffled order (so that many facts are
 * backdated), some later corrected (to another date, participant or instrument) or retracted, corrections
 * themselves corrected now and then. Recorded time never decreases with position, and several facts share an
 * instant. The index is fed in yet another order.
 */
export const history: fc.Arbitrary<GeneratedHistory> = fc
  .tuple(fc.array(fc.nat(), { minLength: 400, maxLength: 400 }), fc.array(afterwards, { minLength: 80, maxLength: 80 }), fc.array(fc.nat(), { minLength: 80, maxLength: 80 }), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 50, maxLength: 50 }))
  .chain(([tape, fates, targets, gaps]) => fc.array(noise, { maxLength: 6 }).map((extra) => ({ tape, fates, targets, gaps, extra })))
  .chain(({ tape, fates, targets, gaps, extra }) => {
    // A few facts out of any storyline, as a careless record would hold.
    const subjects = [...storylines(new Tape(tape)), ...extra];
    return fc.shuffledSubarray(subjects, { minLength: subjects.length, maxLength: subjects.length }).chain((recordedOrder) => {
      const facts: Fact[] = [];
      let clock = Date.UTC(2026, 0, 1);
      const push = (event: DomainEvent): Fact => {
        clock += (gaps[facts.length % gaps.length] ?? 1) * 60_000;
        const fact = { id: `f${facts.length + 1}`, position: facts.length + 1, recordedAt: new Date(clock).toISOString(), event };
        facts.push(fact);
        return fact;
      };
      recordedOrder.forEach((subjectEvent, index) => {
        push(subjectEvent);
        // Now and then, supersede an earlier fact (possibly a correction itself).
        const fate = fates[index];
        if (fate === undefined || fate.kind === 'none' || facts.length === 0) return;
        const target = facts[(targets[index] ?? 0) % facts.length] as Fact;
        const original = target.event.type === 'FactCorrected' ? target.event.corrected : target.event;
        if (target.event.type === 'FactRetracted') return;
        const shared = { sources: original.sources, confidence: original.confidence, supersedes: target.id, reason: 'test' };
        if (fate.kind === 'retract') {
          push({ type: 'FactRetracted', effectiveDate: original.effectiveDate, ...shared });
          return;
        }
        const corrected = { ...original, effectiveDate: fate.date } as Record<string, unknown>;
        if ('participant' in corrected && corrected.participant !== undefined) corrected.participant = fate.participant;
        if ('instrument' in corrected && original.type !== 'MembershipWithdrawalNotified' && original.type !== 'InstrumentAdopted') corrected.instrument = fate.instrument;
        push({ type: 'FactCorrected', effectiveDate: original.effectiveDate, ...shared, corrected: corrected as unknown as SubjectEvent });
      });
      return fc.shuffledSubarray(facts, { minLength: facts.length, maxLength: facts.length }).map((feedOrder) => ({ facts, feedOrder }));
    });
  });

export const participants = fc.constantFrom(...PARTICIPANTS);
export const instruments = fc.constantFrom(...INSTRUMENTS);
