import { charter, charterHistory, peacekeeping } from '../testing/scenarios';
import { given } from '../testing/given';

const peacekeepingHistory = [
  peacekeeping.adopted,
  ...['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB'].map((p) => peacekeeping.signed(p)),
  peacekeeping.deposited('RUS', '2008-03-01'),
  peacekeeping.deposited('ARM', '2008-05-01'),
  peacekeeping.deposited('BLR', '2008-09-01'),
  peacekeeping.deposited('KAZ', '2009-01-17'),
  peacekeeping.deposited('TJK', '2010-06-30'),
];

describe('instrument status as of a date', () => {
  it('does not bind a signatory: signing is not being bound', () => {
    const table = given(peacekeepingHistory).instrument('peacekeeping-agreement-2007', '2008-01-01');
    expect(table.inForce).toBe(false);
    expect(table.participants.find((p) => p.participant === 'ARM')).toMatchObject({
      status: 'signatory',
      signature: '2007-10-06',
      inForce: null,
    });
  });

  it('enters into force on the fourth deposit, and for a later depositor on its own deposit', () => {
    const history = given(peacekeepingHistory);
    expect(history.instrument('peacekeeping-agreement-2007', '2009-01-16').inForce).toBe(false);
    const table = history.instrument('peacekeeping-agreement-2007', '2009-01-17');
    expect(table.entryIntoForce).toEqual({
      derived: '2009-01-17',
      reported: null,
      governing: '2009-01-17',
      disagreement: false,
    });
    expect(
      table.participants.filter((p) => p.status === 'party').map((p) => [p.participant, p.inForce]),
    ).toEqual([
      ['ARM', '2009-01-17'],
      ['BLR', '2009-01-17'],
      ['KAZ', '2009-01-17'],
      ['RUS', '2009-01-17'],
    ]);
    expect(table.participants.find((p) => p.participant === 'TJK')?.status).toBe('signatory');
    expect(
      history
        .instrument('peacekeeping-agreement-2007', '2010-06-30')
        .participants.find((p) => p.participant === 'TJK'),
    ).toMatchObject({
      status: 'party',
      inForce: '2010-06-30',
      deposit: { date: '2010-06-30', kind: 'ratification' },
    });
  });

  it('waits for the last signatory: one missing deposit keeps the Charter out of force', () => {
    const withoutTajikistan = charterHistory().filter(
      (e) =>
        !(e.type === 'InstrumentDeposited' && e.participant === 'TJK') &&
        !(e.type === 'EntryIntoForceReported' && e.instrument === 'csto-charter-2002'),
    );
    const table = given(withoutTajikistan).instrument('csto-charter-2002', '2010-01-01');
    expect(table.inForce).toBe(false);
    expect(table.participants.map((p) => p.status)).toEqual([
      'consented',
      'consented',
      'consented',
      'consented',
      'consented',
      'signatory',
    ]);
    expect(given(withoutTajikistan).asOf('2010-01-01').exists).toBe(false);
  });

  it('ends a party six months after its withdrawal notice, the notice period counted as the clause says', () => {
    const history = given([...peacekeepingHistory, peacekeeping.withdrawalNotified('ARM', '2012-06-28')]);
    expect(
      history
        .instrument('peacekeeping-agreement-2007', '2012-12-28')
        .participants.find((p) => p.participant === 'ARM'),
    ).toMatchObject({
      status: 'party',
      withdrawal: { notified: '2012-06-28', effective: '2012-12-29' },
    });
    expect(
      history
        .instrument('peacekeeping-agreement-2007', '2012-12-29')
        .participants.find((p) => p.participant === 'ARM'),
    ).toMatchObject({
      status: 'no-longer-party',
      termination: {
        derived: '2012-12-29',
        reported: null,
        governing: '2012-12-29',
        disagreement: false,
        reason: 'withdrawal',
      },
    });
  });

  it('keeps the ratification law in the table: number, date and title', () => {
    const law = {
      type: 'RatificationLawEnacted',
      sources: charter.adopted.sources,
      confidence: 'high',
      effectiveDate: '2003-07-01',
      instrument: 'csto-charter-2002',
      participant: 'KAZ',
      act: { number: '458', date: '2003-07-01', title: 'On ratification of the Charter' },
    } as const;
    const row = given([...charterHistory(), law])
      .instrument('csto-charter-2002', '2004-01-01')
      .participants.find((p) => p.participant === 'KAZ');
    expect(row?.ratification).toEqual({
      number: '458',
      date: '2003-07-01',
      title: 'On ratification of the Charter',
    });
  });
});
