import fc from 'fast-check';
import type { DomainEvent, SubjectEvent } from '@app/domain';
import type { Fact } from '../record/fact';
import { event } from './given';

const PARTICIPANTS = ['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB', 'SRB'];
const INSTRUMENTS = [
  'cst-1992',
  'csto-charter-2002',
  'peacekeeping-agreement-2007',
  'cst-extension-protocol-1999',
  'cst-protocol-2010',
];
/** Protocols amending the 1992 Treaty; the 2010 one is known in force only from a general report. */
const PROTOCOLS = ['cst-extension-protocol-1999', 'cst-protocol-2010'];
const BODIES = ['csto', 'csto-parliamentary-assembly'];

/** A day between 1992 and 2026, written to the day, the month or the year. */
export const effectiveDate = fc
  .tuple(
    fc.integer({ min: 1992, max: 2026 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.constantFrom('day', 'day', 'day', 'month', 'year'),
  )
  .map(([y, m, d, precision]) => {
    const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return precision === 'day' ? day : precision === 'month' ? day.slice(0, 7) : day.slice(0, 4);
  });

export const day = fc
  .tuple(
    fc.integer({ min: 1991, max: 2027 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const participant = fc.constantFrom(...PARTICIPANTS);
const instrument = fc.constantFrom(...INSTRUMENTS);

const instrumentEvent: fc.Arbitrary<SubjectEvent> = fc.oneof(
  fc
    .tuple(instrument, participant, effectiveDate)
    .map(([i, p, d]) => event('InstrumentSigned', { effectiveDate: d, instrument: i, participant: p })),
  fc
    .tuple(instrument, participant, effectiveDate)
    .map(([i, p, d]) =>
      event('InstrumentDeposited', { effectiveDate: d, instrument: i, participant: p, kind: 'ratification' }),
    ),
  fc.tuple(instrument, participant, effectiveDate).map(([i, p, d]) =>
    event('RatificationLawEnacted', {
      effectiveDate: d,
      instrument: i,
      participant: p,
      act: { date: d, title: 'law', number: '1' },
    }),
  ),
  fc
    .tuple(instrument, fc.option(participant, { nil: undefined }), effectiveDate)
    .map(([i, p, d]) =>
      event(
        'EntryIntoForceReported',
        p === undefined
          ? { effectiveDate: d, instrument: i }
          : { effectiveDate: d, instrument: i, participant: p },
      ),
    ),
  fc
    .tuple(instrument, participant, effectiveDate)
    .map(([i, p, d]) =>
      event('InstrumentWithdrawalNotified', { effectiveDate: d, instrument: i, participant: p }),
    ),
  fc
    .tuple(
      instrument,
      participant,
      effectiveDate,
      fc.constantFrom('withdrawal' as const, 'non-renewal' as const),
    )
    .map(([i, p, d, reason]) =>
      event('InstrumentTerminatedForParticipant', {
        effectiveDate: d,
        instrument: i,
        participant: p,
        reason,
      }),
    ),
  fc.tuple(effectiveDate).map(([d]) =>
    event('InstrumentAmended', {
      effectiveDate: d,
      instrument: 'cst-1992',
      protocol: 'cst-extension-protocol-1999',
    }),
  ),
  fc
    .tuple(instrument, effectiveDate)
    .map(([i, d]) =>
      event('InstrumentRegistered', { effectiveDate: d, instrument: i, registeredWith: 'un-secretariat' }),
    ),
);

export const organisationEvent: fc.Arbitrary<SubjectEvent> = fc.oneof(
  fc.tuple(participant, effectiveDate, fc.constantFrom(...INSTRUMENTS)).map(([p, d, basis]) =>
    event('MemberAdmitted', {
      effectiveDate: d,
      organisation: 'csto',
      participant: p,
      mode: 'admission',
      basis,
    }),
  ),
  fc.tuple(participant, effectiveDate).map(([p, d]) =>
    event('MembershipSuspended', {
      effectiveDate: d,
      organisation: 'csto',
      participant: p,
      decidedBy: 'council',
    }),
  ),
  fc.tuple(participant, effectiveDate).map(([p, d]) =>
    event('MembershipRestored', {
      effectiveDate: d,
      organisation: 'csto',
      participant: p,
      decidedBy: 'council',
    }),
  ),
  fc
    .tuple(participant, effectiveDate)
    .map(([p, d]) =>
      event('ParticipationFrozen', { effectiveDate: d, organisation: 'csto', participant: p, declaredBy: p }),
    ),
  fc.tuple(participant, effectiveDate).map(([p, d]) =>
    event('ParticipationUnfrozen', {
      effectiveDate: d,
      organisation: 'csto',
      participant: p,
      declaredBy: p,
    }),
  ),
  fc.tuple(participant, effectiveDate).map(([p, d]) =>
    event('MembershipWithdrawalNotified', {
      effectiveDate: d,
      organisation: 'csto',
      participant: p,
      instrument: 'csto-charter-2002',
    }),
  ),
  fc.tuple(participant, effectiveDate).map(([p, d]) =>
    event('MembershipEnded', {
      effectiveDate: d,
      organisation: 'csto',
      participant: p,
      reason: 'withdrawal',
    }),
  ),
  fc
    .tuple(participant, fc.constantFrom(...BODIES), effectiveDate, fc.boolean())
    .map(([p, body, d, granted]) =>
      event(granted ? 'ObserverStatusGranted' : 'ObserverStatusEnded', {
        effectiveDate: d,
        organisation: 'csto',
        participant: p,
        body,
      }),
    ),
  fc
    .tuple(participant, fc.constantFrom(...BODIES), effectiveDate, fc.boolean())
    .map(([p, body, d, granted]) =>
      event(granted ? 'PartnerStatusGranted' : 'PartnerStatusEnded', {
        effectiveDate: d,
        organisation: 'csto',
        participant: p,
        body,
      }),
    ),
  fc.tuple(effectiveDate, fc.boolean()).map(([d, granted]) =>
    event(granted ? 'ExternalStatusGranted' : 'ExternalStatusEnded', {
      effectiveDate: d,
      organisation: 'csto',
      body: 'un-general-assembly',
      status: 'observer',
    }),
  ),
  // Facts that change no status: recorded, shown in timelines.
  fc.tuple(participant, effectiveDate, fc.option(instrument, { nil: undefined })).map(([p, d, i]) =>
    event('PositionStated', {
      effectiveDate: d,
      organisation: 'csto',
      participant: p,
      kind: 'statement',
      summary: 's',
      ...(i === undefined ? {} : { instrument: i }),
    }),
  ),
  effectiveDate.map((d) =>
    event('BodyEstablished', {
      effectiveDate: d,
      organisation: 'csto',
      body: 'csto-parliamentary-assembly',
      name: 'Assembly',
    }),
  ),
);

const deploymentEvent: fc.Arbitrary<SubjectEvent> = fc.oneof(
  fc.tuple(effectiveDate, participant).map(([d, host]) =>
    event('DeploymentRequested', {
      effectiveDate: d,
      deployment: 'op',
      organisation: 'csto',
      host,
      requestedBy: host,
    }),
  ),
  effectiveDate.map((d) =>
    event('DeploymentAuthorized', {
      effectiveDate: d,
      deployment: 'op',
      decidedBy: 'council',
      legalBasis: 'art. 4',
      mandate: 'm',
    }),
  ),
  fc
    .tuple(effectiveDate, participant)
    .map(([d, p]) => event('ContingentDeployed', { effectiveDate: d, deployment: 'op', contributor: p })),
  effectiveDate.map((d) => event('DeploymentWithdrawalStarted', { effectiveDate: d, deployment: 'op' })),
  effectiveDate.map((d) => event('DeploymentEnded', { effectiveDate: d, deployment: 'op' })),
);

const noise: fc.Arbitrary<SubjectEvent> = fc.oneof(instrumentEvent, organisationEvent, deploymentEvent);

/** What happens to a fact after it is recorded: nothing, a correction (new date or another subject), or a retraction. */
const afterwards = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(effectiveDate, participant, instrument)
      .map(([date, p, i]) => ({ kind: 'correct' as const, date, participant: p, instrument: i })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'retract' as const }) },
);

export interface GeneratedHistory {
  readonly facts: Fact[];
  /** The same facts in the order the index is fed (not necessarily by position). */
  readonly feedOrder: Fact[];
}

function dayText(dayNumber: number): string {
  return new Date(Date.UTC(1990, 0, 1) + dayNumber * 86_400_000).toISOString().slice(0, 10);
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
  /**
   * A date some days after `after` (a day number since 1990), written to the day, the month, the year, or as a
   * range of days (`FROM/TO`, "no later than TO"); `day` is the last day it may fall on.
   */
  date(after: number, spread = 900): { day: number; text: string } {
    const dayNumber = after + 1 + this.next(spread);
    const text = dayText(dayNumber);
    const precision = this.next(20);
    if (precision < 13) return { day: dayNumber, text };
    if (precision < 16) return { day: dayNumber, text: text.slice(0, 7) };
    if (precision < 18) return { day: dayNumber, text: text.slice(0, 4) };
    const last = dayNumber + 1 + this.next(120);
    return { day: last, text: `${text}/${dayText(last)}` };
  }
}

/** A state that left consents anew: it accedes, signs and ratifies, or a source reports the instrument in force for it. */
function reaccede(
  tape: Tape,
  events: SubjectEvent[],
  instrument: string,
  participant: string,
  after: number,
): number {
  const at = tape.date(after, 2000);
  const way = tape.next(3);
  if (way === 0)
    events.push(
      event('InstrumentDeposited', { effectiveDate: at.text, instrument, participant, kind: 'accession' }),
    );
  if (way === 1) {
    events.push(event('InstrumentSigned', { effectiveDate: at.text, instrument, participant }));
    const deposited = tape.date(at.day, 300);
    events.push(
      event('InstrumentDeposited', {
        effectiveDate: deposited.text,
        instrument,
        participant,
        kind: 'ratification',
      }),
    );
    return deposited.day;
  }
  if (way === 2)
    events.push(event('EntryIntoForceReported', { effectiveDate: at.text, instrument, participant }));
  return at.day;
}

/**
 * An amending protocol the record knows in force only from a general report (no deposits to derive it from): its
 * parties are the amended treaty's. Now and then a state has only signed it, or a report names one state.
 */
function generalReportOnly(
  tape: Tape,
  events: SubjectEvent[],
  protocol: string,
  adopted: number,
  states: readonly string[],
): void {
  events.push(
    event('EntryIntoForceReported', { effectiveDate: tape.date(adopted, 600).text, instrument: protocol }),
  );
  if (tape.chance(60))
    events.push(
      event('InstrumentAmended', {
        effectiveDate: tape.date(adopted, 900).text,
        instrument: 'cst-1992',
        protocol,
      }),
    );
  for (const state of states) {
    if (tape.chance(15))
      events.push(
        event('InstrumentSigned', {
          effectiveDate: tape.date(adopted, 300).text,
          instrument: protocol,
          participant: state,
        }),
      );
    if (tape.chance(5))
      events.push(
        event('EntryIntoForceReported', {
          effectiveDate: tape.date(adopted, 900).text,
          instrument: protocol,
          participant: state,
        }),
      );
  }
}

/** Now and then, sources that disagree on the fact: a dated reading either side of it, and one without a date. */
function disputed<E extends SubjectEvent>(tape: Tape, fact: E, day: number): E {
  if (!tape.chance(15)) return fact;
  const reading = (claim: string, effectiveDate?: string) => ({
    claim,
    sources: fact.sources,
    ...(effectiveDate === undefined ? {} : { effectiveDate }),
  });
  const readings = [reading('another source', tape.date(Math.max(0, day - 400), 800).text)];
  if (tape.chance(30)) readings.push(reading('a source without a date'));
  return { ...fact, dispute: { followed: 'the depositary', readings } };
}

/**
 * Storylines that make sense: instruments adopted, then signed, ratified and deposited by some states in that
 * order, some reported in force, some withdrawn from and acceded to again; an amending protocol known in force
 * only from a general report; disputed signatures, terminations and grants; states admitted, then suspended,
 * restored, frozen (a freeze overlapping a suspension), giving notice or leaving; observers and partners of the
 * organisation or its assembly; one deployment going through its stages. Dates increase along each storyline; some
 * are known only to the month, the year or a range of days.
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
    const renewal = tape.chance(30)
      ? { term: { years: 1 + tape.next(6), renewal: tape.pick(['by-protocol', 'automatic'] as const) } }
      : {};
    events.push(
      event('InstrumentAdopted', {
        effectiveDate: adopted.text,
        instrument: id,
        title: id,
        kind: PROTOCOLS.includes(id) ? 'protocol' : 'treaty',
        ...(id === 'cst-1992' ? {} : { organisation: 'csto' }),
        rules: {
          entryIntoForce: tape.pick(clauses),
          ...(tape.chance(70) ? { withdrawalNoticeMonths: tape.pick([3, 6, 12]) } : {}),
          ...renewal,
          ...(PROTOCOLS.includes(id) ? { amends: 'cst-1992' } : {}),
        },
      }),
    );
    if (id === 'cst-protocol-2010') {
      generalReportOnly(tape, events, id, adopted.day, states);
      continue;
    }
    if (tape.chance(40))
      events.push(
        event('EntryIntoForceReported', { effectiveDate: tape.date(adopted.day, 1200).text, instrument: id }),
      );
    if (id === 'cst-1992' && tape.chance(50))
      events.push(
        event('InstrumentAmended', {
          effectiveDate: tape.date(adopted.day, 3000).text,
          instrument: id,
          protocol: 'cst-extension-protocol-1999',
        }),
      );
    for (const state of states) {
      if (tape.chance(25)) continue;
      const signed = tape.date(adopted.day, 400);
      events.push(
        disputed(
          tape,
          event('InstrumentSigned', { effectiveDate: signed.text, instrument: id, participant: state }),
          signed.day,
        ),
      );
      let last = signed.day;
      if (tape.chance(50)) {
        const act = tape.date(last, 300);
        events.push(
          event('RatificationLawEnacted', {
            effectiveDate: act.text,
            instrument: id,
            participant: state,
            act: { date: act.text, title: 'law', number: String(act.day) },
          }),
        );
        last = act.day;
      }
      if (tape.chance(75)) {
        const deposited = tape.date(last, 300);
        events.push(
          event('InstrumentDeposited', {
            effectiveDate: deposited.text,
            instrument: id,
            participant: state,
            kind: 'ratification',
          }),
        );
        last = deposited.day;
      }
      if (tape.chance(35)) {
        const reported = tape.date(last - 60, 200);
        events.push(
          event('EntryIntoForceReported', {
            effectiveDate: reported.text,
            instrument: id,
            participant: state,
          }),
        );
        last = Math.max(last, reported.day);
      }
      // A party may leave and come back (re-accession), and leave again.
      for (let periods = 0; periods < 3; periods++) {
        if (tape.chance(20)) {
          const notice = tape.date(last, 3000);
          events.push(
            event('InstrumentWithdrawalNotified', {
              effectiveDate: notice.text,
              instrument: id,
              participant: state,
            }),
          );
          last = notice.day;
        }
        if (!tape.chance(periods === 0 ? 20 : 50)) break;
        const terminated = tape.date(last, 3000);
        events.push(
          disputed(
            tape,
            event('InstrumentTerminatedForParticipant', {
              effectiveDate: terminated.text,
              instrument: id,
              participant: state,
              reason: tape.pick(['withdrawal', 'non-renewal'] as const),
            }),
            terminated.day,
          ),
        );
        last = terminated.day;
        if (!tape.chance(50)) break;
        last = reaccede(tape, events, id, state, last);
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
    const move = (
      type:
        | 'MemberAdmitted'
        | 'MembershipSuspended'
        | 'MembershipRestored'
        | 'ParticipationFrozen'
        | 'ParticipationUnfrozen'
        | 'MembershipWithdrawalNotified'
        | 'MembershipEnded',
    ): void => {
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
      // Overlapping declarations: a freeze, then a council suspension, then whatever lifts or ends them.
      if (tape.chance(30)) {
        move('ParticipationFrozen');
        move('MembershipSuspended');
        for (let step = tape.next(3); step >= 0; step--)
          move(
            tape.pick([
              'MembershipRestored',
              'ParticipationUnfrozen',
              'MembershipEnded',
              'ParticipationFrozen',
            ] as const),
          );
        // Leaving while frozen or suspended, and coming back: no status outlives a membership.
        if (tape.chance(40))
          for (const type of [
            'MembershipEnded',
            'MemberAdmitted',
            tape.pick(['ParticipationFrozen', 'MembershipRestored', 'ParticipationUnfrozen'] as const),
          ] as const)
            move(type);
      }
      const steps = tape.next(5);
      for (let step = 0; step < steps; step++) {
        move(
          tape.pick([
            'MembershipSuspended',
            'MembershipRestored',
            'ParticipationFrozen',
            'ParticipationUnfrozen',
            'MembershipWithdrawalNotified',
            'MembershipEnded',
            'MemberAdmitted',
          ] as const),
        );
      }
    }
    for (const role of ['Observer', 'Partner'] as const) {
      if (!tape.chance(20)) continue;
      const body = tape.pick(BODIES);
      const granted = tape.date(4000, 3000);
      events.push(
        disputed(
          tape,
          event(`${role}StatusGranted`, {
            effectiveDate: granted.text,
            organisation: 'csto',
            participant: state,
            body,
          }),
          granted.day,
        ),
      );
      if (tape.chance(50))
        events.push(
          event(`${role}StatusEnded`, {
            effectiveDate: tape.date(granted.day, 2000).text,
            organisation: 'csto',
            participant: state,
            body,
          }),
        );
    }
  }
  if (tape.chance(40)) {
    const granted = tape.date(5000, 3000);
    events.push(
      event('ExternalStatusGranted', {
        effectiveDate: granted.text,
        organisation: 'csto',
        body: 'un-general-assembly',
        status: 'observer',
      }),
    );
    if (tape.chance(40))
      events.push(
        event('ExternalStatusEnded', {
          effectiveDate: tape.date(granted.day, 3000).text,
          organisation: 'csto',
          body: 'un-general-assembly',
          status: 'observer',
        }),
      );
  }
  if (tape.chance(50) && states.length > 0) {
    let at = tape.date(8000, 3000);
    const host = tape.pick(states);
    events.push(
      event('DeploymentRequested', {
        effectiveDate: at.text,
        deployment: 'op',
        organisation: 'csto',
        host,
        requestedBy: host,
      }),
    );
    const stages = tape.next(5);
    for (let stage = 0; stage < stages; stage++) {
      at = tape.date(at.day, 30);
      if (stage === 0)
        events.push(
          event('DeploymentAuthorized', {
            effectiveDate: at.text,
            deployment: 'op',
            decidedBy: 'council',
            legalBasis: 'art. 4',
            mandate: 'm',
          }),
        );
      if (stage === 1)
        for (const contributor of states.slice(0, 3))
          events.push(event('ContingentDeployed', { effectiveDate: at.text, deployment: 'op', contributor }));
      if (stage === 2)
        events.push(event('DeploymentWithdrawalStarted', { effectiveDate: at.text, deployment: 'op' }));
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
  .tuple(
    fc.array(fc.nat(), { minLength: 400, maxLength: 400 }),
    fc.array(afterwards, { minLength: 80, maxLength: 80 }),
    fc.array(fc.nat(), { minLength: 80, maxLength: 80 }),
    fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 50, maxLength: 50 }),
  )
  .chain(([tape, fates, targets, gaps]) =>
    fc.array(noise, { maxLength: 6 }).map((extra) => ({ tape, fates, targets, gaps, extra })),
  )
  .chain(({ tape, fates, targets, gaps, extra }) => {
    // A few facts out of any storyline, as a careless record would hold.
    const subjects = [...storylines(new Tape(tape)), ...extra];
    return fc
      .shuffledSubarray(subjects, { minLength: subjects.length, maxLength: subjects.length })
      .chain((recordedOrder) => {
        const facts: Fact[] = [];
        let clock = Date.UTC(2026, 0, 1);
        const push = (event: DomainEvent): Fact => {
          clock += (gaps[facts.length % gaps.length] ?? 1) * 60_000;
          const fact = {
            id: `f${facts.length + 1}`,
            position: facts.length + 1,
            recordedAt: new Date(clock).toISOString(),
            event,
          };
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
          const shared = {
            sources: original.sources,
            confidence: original.confidence,
            supersedes: target.id,
            reason: 'test',
          };
          if (fate.kind === 'retract') {
            push({ type: 'FactRetracted', effectiveDate: original.effectiveDate, ...shared });
            return;
          }
          const corrected = { ...original, effectiveDate: fate.date } as Record<string, unknown>;
          if ('participant' in corrected && corrected.participant !== undefined)
            corrected.participant = fate.participant;
          if (
            'instrument' in corrected &&
            original.type !== 'MembershipWithdrawalNotified' &&
            original.type !== 'InstrumentAdopted'
          )
            corrected.instrument = fate.instrument;
          push({
            type: 'FactCorrected',
            effectiveDate: original.effectiveDate,
            ...shared,
            corrected: corrected as unknown as SubjectEvent,
          });
        });
        return fc
          .shuffledSubarray(facts, { minLength: facts.length, maxLength: facts.length })
          .map((feedOrder) => ({ facts, feedOrder }));
      });
  });

export const participants = fc.constantFrom(...PARTICIPANTS);
export const instruments = fc.constantFrom(...INSTRUMENTS);
