import { deriveEntryIntoForce, termEnd, withdrawalEffectiveDate, type InstrumentRules } from './instrument-rules';

const rules = (entryIntoForce: InstrumentRules['entryIntoForce'], more: Partial<InstrumentRules> = {}): InstrumentRules => ({ entryIntoForce, ...more });
const consent = (participant: string, date: string) => ({ participant, date });

describe('instrument rules', () => {
  describe('withdrawalEffectiveDate', () => {
    const charter = rules({ kind: 'on-last-signatory-deposit' }, { withdrawalNoticeMonths: 6 });

    it('takes effect the day after six months from the notice have run out', () => {
      expect(withdrawalEffectiveDate(charter, '2012-06-28')).toEqual({ from: '2012-12-29', to: '2012-12-29' });
    });
    it('runs out at the end of a shorter month when the month has no such day', () => {
      expect(withdrawalEffectiveDate(charter, '2013-08-31')).toEqual({ from: '2014-03-01', to: '2014-03-01' });
    });
    it('gives the span of possible dates for a notice known to the month', () => {
      expect(withdrawalEffectiveDate(charter, '2012-06')).toEqual({ from: '2012-12-02', to: '2012-12-31' });
    });
    it('gives nothing for an instrument without a notice clause', () => {
      expect(withdrawalEffectiveDate(rules({ kind: 'on-deposit' }), '2012-06-28')).toBeUndefined();
    });
  });

  describe('termEnd', () => {
    const cst = rules({ kind: 'on-last-signatory-deposit' }, { term: { years: 5, renewal: 'by-protocol' } });

    it('ends a five-year term from 20 April 1994 effective 21 April 1999', () => {
      expect(termEnd(cst, '1994-04-20')).toEqual({ from: '1999-04-21', to: '1999-04-21' });
    });
    it('gives nothing for an instrument without a term', () => {
      expect(termEnd(rules({ kind: 'on-deposit' }), '1994-04-20')).toBeUndefined();
    });
  });

  describe('deriveEntryIntoForce', () => {
    const signatures = [consent('ARM', '1992-05-15'), consent('KAZ', '1992-05-15'), consent('RUS', '1992-05-15')];

    it('enters into force on the last signatory’s deposit, for every signatory', () => {
      const deposits = [consent('RUS', '1993-01-12'), consent('ARM', '1994-04-20'), consent('KAZ', '1993-07')];
      const result = deriveEntryIntoForce(rules({ kind: 'on-last-signatory-deposit' }), signatures, deposits);
      expect(result.general).toBe('1994-04-20');
      expect([...result.byParticipant.values()]).toEqual(['1994-04-20', '1994-04-20', '1994-04-20']);
    });
    it('is not in force while a signatory has not deposited', () => {
      const result = deriveEntryIntoForce(rules({ kind: 'on-last-signatory-deposit' }), signatures, [consent('RUS', '1993-01-12')]);
      expect(result).toEqual({ general: undefined, byParticipant: new Map() });
    });
    it('enters into force on the N-th deposit, and for later depositors on their own', () => {
      const deposits = ['ARM', 'BLR', 'KAZ', 'RUS', 'TJK'].map((p, i) => consent(p, `2008-0${i + 1}-10`));
      const result = deriveEntryIntoForce(rules({ kind: 'on-nth-deposit', n: 4 }), [], deposits);
      expect(result.general).toBe('2008-04-10');
      expect(result.byParticipant.get('ARM')).toBe('2008-04-10');
      expect(result.byParticipant.get('TJK')).toBe('2008-05-10');
    });
    it('enters into force on a stated date for those who deposited before it', () => {
      const result = deriveEntryIntoForce(rules({ kind: 'on-stated-date', date: '1994-04-20' }), [], [consent('ARM', '1993'), consent('GEO', '1994-06-01')]);
      expect(Object.fromEntries(result.byParticipant)).toEqual({ ARM: '1994-04-20', GEO: '1994-06-01' });
    });
    it('binds on signature or on each deposit when the clause says so', () => {
      expect(deriveEntryIntoForce(rules({ kind: 'on-signature' }), signatures, []).general).toBe('1992-05-15');
      expect(deriveEntryIntoForce(rules({ kind: 'on-deposit' }), signatures, [consent('RUS', '1993-01-12')]).byParticipant.get('RUS')).toBe('1993-01-12');
    });
  });
});
