import type { Fact } from './fact';
import { charter, charterHistory, peacekeeping, treatyHistory } from './testing/scenarios';
import { event, given, record, recordedOn } from './testing/given';

const PEACEKEEPING = 'peacekeeping-agreement-2007';
const acceded = (instrument: string, participant: string, effectiveDate: string) => event('InstrumentDeposited', { effectiveDate, instrument, participant, kind: 'accession' });

/** The Peacekeeping Agreement in force on the fourth deposit (2009-01-17); Armenia withdraws in 2012 and accedes anew in 2015. */
const rejoined = [
  peacekeeping.adopted,
  ...['ARM', 'BLR', 'KAZ', 'RUS'].map((p) => peacekeeping.signed(p)),
  peacekeeping.deposited('RUS', '2008-03-01'),
  peacekeeping.deposited('ARM', '2008-05-01'),
  peacekeeping.deposited('BLR', '2008-09-01'),
  peacekeeping.deposited('KAZ', '2009-01-17'),
  peacekeeping.withdrawalNotified('ARM', '2012-06-28'),
  acceded(PEACEKEEPING, 'ARM', '2015-03-10'),
];

const row = (table: { participants: readonly { participant: string }[] }, participant: string) => table.participants.find((p) => p.participant === participant);

describe('acceding anew: several periods as a party to one instrument', () => {
  it('gives a participant that withdrew and acceded anew two party spells, with the gap between them', () => {
    expect(given(rejoined).history('ARM').filter((spell) => spell.instrument === PEACEKEEPING)).toEqual([
      expect.objectContaining({ status: 'signatory', from: '2007-10-06', to: '2009-01-17' }),
      expect.objectContaining({ status: 'party', from: '2009-01-17', to: '2012-12-29', basis: PEACEKEEPING }),
      expect.objectContaining({ status: 'party', from: '2015-03-10', to: null, basis: PEACEKEEPING }),
    ]);
  });

  it('reads no-longer-party in the gap, and party from the new deposit after acceding anew', () => {
    const history = given(rejoined);
    expect(row(history.instrument(PEACEKEEPING, '2014-01-01'), 'ARM')).toMatchObject({
      status: 'no-longer-party',
      deposit: { date: '2008-05-01', kind: 'ratification' },
      inForce: '2009-01-17',
      withdrawal: { notified: '2012-06-28', effective: '2012-12-29' },
      termination: { governing: '2012-12-29', reason: 'withdrawal' },
    });
    expect(row(history.instrument(PEACEKEEPING, '2015-03-10'), 'ARM')).toEqual({
      participant: 'ARM',
      status: 'party',
      signature: null,
      ratification: null,
      deposit: { date: '2015-03-10', kind: 'accession' },
      inForce: '2015-03-10',
      entryIntoForce: { derived: '2015-03-10', reported: null, governing: '2015-03-10', disagreement: false },
      withdrawal: { notified: null, effective: null },
      termination: null,
    });
  });

  it('does not move the instrument’s entry into force: the first consents count', () => {
    const table = given(rejoined).instrument(PEACEKEEPING, '2016-01-01');
    expect(table.entryIntoForce.governing).toBe('2009-01-17');
    expect(table.participants.filter((p) => p.status === 'party').map((p) => p.participant)).toEqual(['ARM', 'BLR', 'KAZ', 'RUS']);
  });

  it('ends the new period by a new notice, counted from that notice', () => {
    const table = given([...rejoined, peacekeeping.withdrawalNotified('ARM', '2020-02-10')]).instrument(PEACEKEEPING, '2020-08-11');
    expect(row(table, 'ARM')).toMatchObject({ status: 'no-longer-party', deposit: { date: '2015-03-10', kind: 'accession' }, withdrawal: { notified: '2020-02-10', effective: '2020-08-11' } });
  });

  it('binds a state that did not renew a fixed-term treaty and acceded after the term ran out, with no second lapse', () => {
    const history = given([...treatyHistory(), acceded('cst-1992', 'UZB', '2006-08-16')]);
    expect(history.history('UZB').filter((spell) => spell.status === 'party')).toEqual([
      expect.objectContaining({ instrument: 'cst-1992', from: '1994-04-20', to: '1999-04-21' }),
      expect.objectContaining({ instrument: 'cst-1992', from: '2006-08-16', to: null }),
    ]);
    expect(row(history.instrument('cst-1992', '2001-01-01'), 'UZB')).toMatchObject({ status: 'no-longer-party', termination: { reason: 'non-renewal' } });
    expect(row(history.instrument('cst-1992', '2010-01-01'), 'UZB')).toMatchObject({ status: 'party', inForce: '2006-08-16', termination: null });
  });

  describe('membership resting on the founding instrument', () => {
    const charterWithdrawal = event('InstrumentWithdrawalNotified', { effectiveDate: '2012-06-28', instrument: 'csto-charter-2002', participant: 'TJK' });
    const facts = [...charterHistory(), charterWithdrawal, acceded('csto-charter-2002', 'TJK', '2015-03-10')];
    const tajikistan = (state: { members: readonly { participant: string }[] }) => state.members.find((m) => m.participant === 'TJK');

    it('follows the periods as a party: a member, then not, then a member again from the new deposit', () => {
      const history = given(facts);
      expect(tajikistan(history.asOf('2012-12-28'))).toMatchObject({ basis: 'csto-charter-2002', since: '1994-04-20' });
      expect(tajikistan(history.asOf('2014-01-01'))).toBeUndefined();
      expect(history.asOf('2014-01-01').instruments.find((i) => i.id === 'csto-charter-2002')?.parties).not.toContain('TJK');
      expect(tajikistan(history.asOf('2015-03-10'))).toEqual({ participant: 'TJK', status: 'active', basis: 'csto-charter-2002', since: '2015-03-10', statusSince: '2015-03-10' });
      expect(history.history('TJK', 'csto').filter((spell) => spell.status === 'member').map(({ from, to }) => [from, to])).toEqual([
        ['1994-04-20', '2003-09-18'],
        ['2003-09-18', '2012-12-29'],
        ['2015-03-10', null],
      ]);
    });

    it('changes today’s answer with a correction of the re-accession date recorded later, but not the answer as known before it', () => {
      const log = record(facts);
      const accession = log.at(-1) as Fact;
      const correction: Fact = {
        id: 'fix',
        position: log.length + 1,
        recordedAt: recordedOn(log.length + 1),
        event: { type: 'FactCorrected', supersedes: accession.id, reason: 'the instrument of accession was deposited in 2014', effectiveDate: '2015-03-10', sources: charter.adopted.sources, confidence: 'high', corrected: acceded('csto-charter-2002', 'TJK', '2014-11-20') },
      };
      const history = given([...log, correction]);
      expect(tajikistan(history.asOf('2015-01-01'))).toMatchObject({ since: '2014-11-20' });
      expect(row(history.instrument('csto-charter-2002', '2015-01-01'), 'TJK')).toMatchObject({ status: 'party', deposit: { date: '2014-11-20', kind: 'accession' } });
      const before = history.knownAt(accession.recordedAt);
      expect(tajikistan(before.asOf('2015-01-01'))).toBeUndefined();
      expect(row(before.instrument('csto-charter-2002', '2015-01-01'), 'TJK')).toMatchObject({ status: 'no-longer-party', deposit: { date: '2003-09-18' } });
    });
  });
});
