import { termEnd, withdrawalEffectiveDate, type InstrumentRules } from './instrument-rules';

const rules = (
  entryIntoForce: InstrumentRules['entryIntoForce'],
  more: Partial<InstrumentRules> = {},
): InstrumentRules => ({ entryIntoForce, ...more });

describe('instrument rules', () => {
  describe('withdrawalEffectiveDate', () => {
    const charter = rules({ kind: 'on-last-signatory-deposit' }, { withdrawalNoticeMonths: 6 });

    it('takes effect the day after six months from the notice have run out', () => {
      expect(withdrawalEffectiveDate(charter, '2012-06-28')).toEqual({
        from: '2012-12-29',
        to: '2012-12-29',
      });
    });
    it('runs out at the end of a shorter month when the month has no such day', () => {
      expect(withdrawalEffectiveDate(charter, '2013-08-31')).toEqual({
        from: '2014-03-01',
        to: '2014-03-01',
      });
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
});
