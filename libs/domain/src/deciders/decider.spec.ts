import { fact, given } from '../testing/given-when-then';
import { organisationDecider } from './organisation.decider';

const admitted = (date: string, participant = 'ARM') =>
  fact('MemberAdmitted', { effectiveDate: date, participant });
const suspended = (date: string) => fact('MembershipSuspended', { effectiveDate: date, participant: 'ARM' });
const retract = (supersedes: string, effectiveDate: string) =>
  fact('FactRetracted', { supersedes, effectiveDate });
/** A correction carries the effective date of the fact it supersedes, whatever the corrected date. */
const correct = (
  supersedes: string,
  corrected: ReturnType<typeof fact>,
  effectiveDate = corrected.effectiveDate,
) => fact('FactCorrected', { supersedes, effectiveDate, corrected });

describe('deciding in effective-date order', () => {
  it('accepts a backdated fact that keeps the stream consistent', () => {
    given([admitted('1994-04-20'), suspended('2012-12-19')])
      .when(admitted('1994-04-20', 'KAZ'))
      .then([admitted('1994-04-20', 'KAZ')]);
  });
  it('orders facts of the same date by recorded order, the new fact last', () => {
    const ended = fact('MembershipEnded', { effectiveDate: '1999-04-21', participant: 'ARM' });
    given([admitted('1999-04-21')])
      .when(ended)
      .then([ended]);
    given([ended]).when(admitted('1999-04-21')).thenRejects('NOT_A_MEMBER');
  });
  it('places a coarse date at the start of its period', () => {
    given([admitted('1994-04-20')])
      .when(suspended('1994'))
      .thenRejects('NOT_A_MEMBER');
    given([admitted('1994')])
      .when(suspended('1994-04'))
      .then([suspended('1994-04')]);
  });
  it('refuses a fact about another subject (WRONG_STREAM)', () => {
    given([admitted('1994-04-20')])
      .when(fact('MemberAdmitted', { participant: 'KAZ', organisation: 'cis' }))
      .thenRejects('WRONG_STREAM');
    given([admitted('1994-04-20')])
      .when(fact('InstrumentAdopted'))
      .thenRejects('WRONG_STREAM');
  });
  it('refuses a history from another stream when called on a decider directly (WRONG_STREAM)', () => {
    expect(() => organisationDecider.decide({ event: fact('InstrumentAdopted') }, [])).toThrow(
      expect.objectContaining({ code: 'WRONG_STREAM' }),
    );
  });
});

describe('corrections and retractions', () => {
  const history = [admitted('1994-04-20'), suspended('2012-12-19')];

  it('retracts a fact of the stream (UNKNOWN_FACT accepted case)', () => {
    given(history)
      .when(retract('e2', '2012-12-19'))
      .then([retract('e2', '2012-12-19')]);
  });
  it('refuses to supersede a fact that is not in the stream (UNKNOWN_FACT)', () => {
    given(history).when(retract('e9', '2012-12-19')).thenRejects('UNKNOWN_FACT');
    given([]).when(retract('e1', '2012-12-19')).thenRejects('UNKNOWN_FACT');
  });
  it('refuses to correct or retract a retracted fact (ALREADY_RETRACTED)', () => {
    given([...history, retract('e2', '2012-12-19')])
      .when(retract('e2', '2012-12-19'))
      .thenRejects('ALREADY_RETRACTED');
  });
  it('refuses to supersede a correction instead of the original fact (SUPERSEDES_RECORD_KEEPING)', () => {
    const first = correct('e2', suspended('2012-12-20'));
    given([...history, first])
      .when(retract('e3', '2012-12-19'))
      .thenRejects('SUPERSEDES_RECORD_KEEPING');
    given([...history, first])
      .when(retract('e2', '2012-12-20'))
      .then([retract('e2', '2012-12-20')]);
  });
  it('refuses a correction into another type (CORRECTION_CHANGES_TYPE)', () => {
    const restored = fact('MembershipRestored', { effectiveDate: '2012-12-19', participant: 'ARM' });
    given(history).when(correct('e2', restored)).thenRejects('CORRECTION_CHANGES_TYPE');
  });
  it('refuses a correction about another subject (CORRECTION_CHANGES_STREAM)', () => {
    const elsewhere = fact('MembershipSuspended', {
      effectiveDate: '2012-12-19',
      participant: 'ARM',
      organisation: 'cis',
    });
    given(history).when(correct('e2', elsewhere)).thenRejects('CORRECTION_CHANGES_STREAM');
  });
  it('refuses a record-keeping fact not dated as the fact it supersedes (SUPERSEDED_DATE_MISMATCH)', () => {
    given(history).when(retract('e2', '2012')).thenRejects('SUPERSEDED_DATE_MISMATCH');
  });
  it('accepts a correction that moves a fact to another date when the stream stays consistent', () => {
    const moved = correct('e2', suspended('2013-01-10'), '2012-12-19');
    given(history).when(moved).then([moved]);
  });
  it('refuses a correction that moves a fact before what it depends on', () => {
    given(history)
      .when(correct('e2', suspended('1990'), '2012-12-19'))
      .thenRejects('NOT_A_MEMBER');
  });
  it('refuses a retraction that leaves a later fact without its basis', () => {
    given(history).when(retract('e1', '1994-04-20')).thenRejects('NOT_A_MEMBER');
  });
  it('folds the corrected fact in place of the superseded one', () => {
    const corrected = fact('MemberAdmitted', { effectiveDate: '1994-04-20', participant: 'KAZ' });
    const state = organisationDecider.fold([
      { id: 'e1', event: admitted('1994-04-20') },
      { id: 'e2', event: correct('e1', corrected) },
    ]);
    expect([...state.members.keys()]).toEqual(['KAZ']);
  });
  it('accepts new facts after a corrected history, checking against the corrected fact', () => {
    const corrected = correct('e1', admitted('1995-01-01'), '1994-04-20');
    given([admitted('1994-04-20'), corrected])
      .when(suspended('1994-06-01'))
      .thenRejects('NOT_A_MEMBER');
  });
});
