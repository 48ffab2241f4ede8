import { stateCode } from './synthetic-history';

const SOURCES = [{ seed: '004_b382b7bce98f5533.txt', quote: 'May 15, 1992: 6 post-Soviet CIS countries' }];
const EPOCH = Date.UTC(1950, 0, 1);
/** The life of a membership, repeated: each step holds only after the one before it. */
const CYCLE = [
  'MemberAdmitted',
  'MembershipSuspended',
  'MembershipRestored',
  'ParticipationFrozen',
  'ParticipationUnfrozen',
  'MembershipEnded',
] as const;

export const LONG_STREAM = 'organisation-bench-long';

/**
 * `count` raw facts of one organisation's stream, one a day: `participants` members each going through admission,
 * suspension, restoration, freeze, unfreeze and withdrawal, again and again, so that every fact depends on an
 * earlier one. Every 100th fact is a decision recorded 30 days late: a backdated fact that re-checks what follows.
 */
export function* oneLongStream(count: number, participants = 200): Generator<Record<string, unknown>> {
  for (let i = 0; i < count; i++) {
    const backdated = i % 100 === 99;
    const effectiveDate = new Date(EPOCH + (backdated ? i - 30 : i) * 86_400_000).toISOString().slice(0, 10);
    const shared = { effectiveDate, organisation: 'bench-long', sources: SOURCES, confidence: 'high' };
    if (backdated) {
      yield { ...shared, type: 'DecisionAdopted', body: 'bench-council', title: `Decision ${i}` };
      continue;
    }
    const participant = stateCode(i % participants);
    const step = CYCLE[Math.floor(i / participants) % CYCLE.length] as (typeof CYCLE)[number];
    yield { ...shared, type: step, participant, ...fieldsOf(step, participant, i) };
  }
}

function fieldsOf(step: (typeof CYCLE)[number], participant: string, i: number): Record<string, unknown> {
  switch (step) {
    case 'MemberAdmitted':
      return { mode: i < 200 ? 'original' : 'admission', basis: 'bench-charter' };
    case 'MembershipSuspended':
    case 'MembershipRestored':
      return { decidedBy: 'bench-council' };
    case 'ParticipationFrozen':
    case 'ParticipationUnfrozen':
      return { declaredBy: participant };
    case 'MembershipEnded':
      return { reason: 'withdrawal' };
  }
}
