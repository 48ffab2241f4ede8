import type { EntryIntoForceClause } from '@app/domain';
import { event, given } from '../testing/given';

/** One instrument whose entry-into-force clause is the one under test, adopted on 1992-05-15. */
function instrument(clause: EntryIntoForceClause) {
  const id = 'test-instrument';
  return {
    adopted: event('InstrumentAdopted', {
      effectiveDate: '1992-05-15',
      instrument: id,
      title: 'An instrument under test',
      kind: 'treaty',
      rules: { entryIntoForce: clause },
    }),
    signed: (participant: string, effectiveDate = '1992-05-15') =>
      event('InstrumentSigned', { effectiveDate, instrument: id, participant }),
    deposited: (participant: string, effectiveDate: string) =>
      event('InstrumentDeposited', { effectiveDate, instrument: id, participant, kind: 'ratification' }),
    statusOn: (events: Parameters<typeof given>[0], day: string) => {
      const status = given(events).instrument(id, day);
      return {
        inForce: status.entryIntoForce.governing,
        parties: Object.fromEntries(
          status.participants.filter((p) => p.inForce !== null).map((p) => [p.participant, p.inForce]),
        ),
      };
    },
  };
}

describe('entry into force, derived from the clause and the consents', () => {
  it('on the last signatory’s deposit: for every signatory from that day, and not before', () => {
    const t = instrument({ kind: 'on-last-signatory-deposit' });
    const events = [
      t.adopted,
      t.signed('ARM'),
      t.signed('KAZ'),
      t.signed('RUS'),
      t.deposited('RUS', '1993-01-12'),
      t.deposited('KAZ', '1993-07-01'),
      t.deposited('ARM', '1994-04-20'),
    ];
    expect(t.statusOn(events.slice(0, 6), '1995-01-01')).toEqual({ inForce: null, parties: {} });
    expect(t.statusOn(events, '1995-01-01')).toEqual({
      inForce: '1994-04-20',
      parties: { ARM: '1994-04-20', KAZ: '1994-04-20', RUS: '1994-04-20' },
    });
  });

  it('on the N-th deposit, and for a later depositor on its own deposit', () => {
    const t = instrument({ kind: 'on-nth-deposit', n: 4 });
    const deposits = ['ARM', 'BLR', 'KAZ', 'RUS', 'TJK'].map((p, i) => t.deposited(p, `2008-0${i + 1}-10`));
    const { inForce, parties } = t.statusOn([t.adopted, ...deposits], '2009-01-01');
    expect(inForce).toBe('2008-04-10');
    expect(parties).toMatchObject({ ARM: '2008-04-10', RUS: '2008-04-10', TJK: '2008-05-10' });
  });

  it('on a stated date, for those who deposited before it; a later depositor from its deposit', () => {
    const t = instrument({ kind: 'on-stated-date', date: '1994-04-20' });
    expect(
      t.statusOn(
        [t.adopted, t.deposited('ARM', '1993-03-01'), t.deposited('GEO', '1994-06-01')],
        '1995-01-01',
      ),
    ).toEqual({ inForce: '1994-04-20', parties: { ARM: '1994-04-20', GEO: '1994-06-01' } });
  });

  it('on signature, or on each deposit, when the clause says so', () => {
    const onSignature = instrument({ kind: 'on-signature' });
    expect(onSignature.statusOn([onSignature.adopted, onSignature.signed('RUS')], '1993-01-01')).toEqual({
      inForce: '1992-05-15',
      parties: { RUS: '1992-05-15' },
    });
    const onDeposit = instrument({ kind: 'on-deposit' });
    expect(
      onDeposit.statusOn(
        [onDeposit.adopted, onDeposit.signed('RUS'), onDeposit.deposited('RUS', '1993-01-12')],
        '1994-01-01',
      ),
    ).toEqual({ inForce: '1993-01-12', parties: { RUS: '1993-01-12' } });
  });
});
