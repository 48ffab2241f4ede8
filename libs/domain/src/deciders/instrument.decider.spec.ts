import { fact, given } from '../testing/given-when-then';

const adopted = (
  rules: Record<string, unknown> = { entryIntoForce: { kind: 'on-last-signatory-deposit' } },
) => fact('InstrumentAdopted', { effectiveDate: '1992-05-15', rules });
const by = (type: Parameters<typeof fact>[0], effectiveDate: string, changes: Record<string, unknown> = {}) =>
  fact(type, { effectiveDate, instrument: 'cst-1992', participant: 'ARM', ...changes });
const signed = by('InstrumentSigned', '1992-05-15');
const ratified = by('InstrumentDeposited', '1994-04-20', { kind: 'ratification' });

describe('instrument decider', () => {
  describe('InstrumentRegistered', () => {
    const registered = fact('InstrumentRegistered', { effectiveDate: '1995-11-01', instrument: 'cst-1992' });
    it('registers an adopted instrument, which binds no one', () => {
      given([adopted()]).when(registered).then([registered]);
      given([adopted(), registered])
        .when(by('InstrumentWithdrawalNotified', '1996-01-01'))
        .thenRejects('NOT_A_PARTY');
    });
    it('refuses a registration before the adoption', () => {
      given([]).when(registered).thenRejects('NOT_ADOPTED');
    });
  });

  describe('NOT_ADOPTED and ALREADY_ADOPTED', () => {
    it('accepts a signature on the day of adoption when the adoption was recorded first', () => {
      given([adopted()]).when(signed).then([signed]);
    });
    it('refuses a signature before the instrument is adopted', () => {
      given([]).when(signed).thenRejects('NOT_ADOPTED');
    });
    it('refuses a signature dated before the adoption, recorded after it', () => {
      given([adopted()]).when(by('InstrumentSigned', '1992-05-14')).thenRejects('NOT_ADOPTED');
    });
    it.each(['RatificationLawEnacted', 'EntryIntoForceReported', 'InstrumentAmended'] as const)(
      'refuses %s before adoption',
      (type) => {
        given([])
          .when(fact(type, { instrument: 'cst-1992' }))
          .thenRejects('NOT_ADOPTED');
      },
    );
    it('refuses a second adoption', () => {
      given([adopted()]).when(adopted()).thenRejects('ALREADY_ADOPTED');
    });
  });

  describe('ALREADY_SIGNED', () => {
    it('refuses a second signature by the same participant', () => {
      given([adopted(), signed]).when(by('InstrumentSigned', '1993')).thenRejects('ALREADY_SIGNED');
    });
    it('accepts a signature by another participant', () => {
      const other = by('InstrumentSigned', '1993-09-24', { participant: 'AZE' });
      given([adopted(), signed]).when(other).then([other]);
    });
  });

  describe('NOT_SIGNED', () => {
    it('accepts a ratification after signature', () => {
      given([adopted(), signed]).when(ratified).then([ratified]);
    });
    it('refuses a ratification without signature', () => {
      given([adopted()]).when(ratified).thenRejects('NOT_SIGNED');
    });
    it('refuses a ratification dated before the signature', () => {
      given([adopted(), by('InstrumentSigned', '1993-01-01')])
        .when(by('InstrumentDeposited', '1992-12', { kind: 'ratification' }))
        .thenRejects('NOT_SIGNED');
    });
    it('accepts an accession without signature', () => {
      const accession = by('InstrumentDeposited', '2006-08-16', { kind: 'accession' });
      given([adopted()]).when(accession).then([accession]);
    });
  });

  describe('ALREADY_DEPOSITED', () => {
    it('refuses a second deposit by a party', () => {
      given([adopted(), signed, ratified])
        .when(by('InstrumentDeposited', '1995', { kind: 'accession' }))
        .thenRejects('ALREADY_DEPOSITED');
    });
    it('accepts a new accession by a participant no longer bound', () => {
      const terminated = by('InstrumentTerminatedForParticipant', '1999-04-21', { reason: 'non-renewal' });
      const accession = by('InstrumentDeposited', '2006-08-16', { kind: 'accession' });
      given([adopted(), signed, ratified, terminated]).when(accession).then([accession]);
    });
  });

  describe('NOT_A_PARTY and WITHDRAWAL_ALREADY_NOTIFIED', () => {
    const notice = by('InstrumentWithdrawalNotified', '2012-06-28');
    it('accepts a withdrawal notice from a party', () => {
      given([adopted(), signed, ratified]).when(notice).then([notice]);
    });
    it('refuses a withdrawal notice from a signatory that has not deposited', () => {
      given([adopted(), signed]).when(notice).thenRejects('NOT_A_PARTY');
    });
    it('accepts a withdrawal notice from a signatory of an instrument binding on signature', () => {
      given([adopted({ entryIntoForce: { kind: 'on-signature' } }), signed])
        .when(notice)
        .then([notice]);
    });
    it('takes a participant reported in force as a party when no deposit is recorded', () => {
      const reported = by('EntryIntoForceReported', '1994-04-20');
      const lapsed = by('InstrumentTerminatedForParticipant', '1999-04-21', { reason: 'non-renewal' });
      given([adopted(), signed, reported]).when(lapsed).then([lapsed]);
    });
    it('refuses a termination for a participant that is not a party', () => {
      given([adopted(), signed])
        .when(by('InstrumentTerminatedForParticipant', '1999-04-21', { reason: 'non-renewal' }))
        .thenRejects('NOT_A_PARTY');
    });
    it('refuses a second withdrawal notice', () => {
      given([adopted(), signed, ratified, notice])
        .when(by('InstrumentWithdrawalNotified', '2012-07'))
        .thenRejects('WITHDRAWAL_ALREADY_NOTIFIED');
    });
  });
});
