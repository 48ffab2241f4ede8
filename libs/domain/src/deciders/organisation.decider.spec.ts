import { fact, given } from '../testing/given-when-then';
import { organisationDecider } from './organisation.decider';

const on = (type: Parameters<typeof fact>[0], effectiveDate: string, changes: Record<string, unknown> = {}) =>
  fact(type, { effectiveDate, participant: 'ARM', ...changes });
const admitted = (date: string) => on('MemberAdmitted', date);
const established = (date: string) => fact('OrganisationEstablished', { effectiveDate: date });

describe('organisation decider', () => {
  describe('ALREADY_ESTABLISHED', () => {
    it('establishes an organisation once', () => {
      given([])
        .when(established('2002-10-07'))
        .then([established('2002-10-07')]);
    });
    it('refuses a second establishment', () => {
      given([established('2002-10-07')])
        .when(established('2003'))
        .thenRejects('ALREADY_ESTABLISHED');
    });
    it('admits members before the organisation is established, on the basis of the earlier treaty', () => {
      given([established('2002-10-07')])
        .when(admitted('1994-04-20'))
        .then([admitted('1994-04-20')]);
    });
  });

  describe('ALREADY_A_MEMBER', () => {
    it('admits a participant that is not a member', () => {
      given([])
        .when(admitted('1994-04-20'))
        .then([admitted('1994-04-20')]);
    });
    it('refuses to admit a current member again', () => {
      given([admitted('1994-04-20')])
        .when(admitted('2000'))
        .thenRejects('ALREADY_A_MEMBER');
    });
    it('readmits a participant whose membership ended', () => {
      const ended = on('MembershipEnded', '1999-04-21');
      const restored = on('MemberAdmitted', '2006-08-16', { mode: 'restoration' });
      given([admitted('1994-04-20'), ended])
        .when(restored)
        .then([restored]);
    });
  });

  describe('facts that change no status', () => {
    it('records a position stated by a state that is not a member (a non-renewal announced before the Organization existed)', () => {
      const announced = fact('PositionStated', {
        effectiveDate: '1999-03-19',
        participant: 'GEO',
        kind: 'non-renewal-announced',
      });
      given([]).when(announced).then([announced]);
    });
    it('keeps a frozen member frozen and a member after it refuses to sign or to pay', () => {
      const frozen = on('ParticipationFrozen', '2024-02-22');
      const unpaid = on('PositionStated', '2024-05-08', { kind: 'non-payment' });
      given([admitted('2003-09-18'), frozen])
        .when(unpaid)
        .then([unpaid]);
      given([admitted('2003-09-18'), frozen, unpaid])
        .when(on('ParticipationFrozen', '2024-06-12'))
        .thenRejects('ALREADY_FROZEN');
    });
    it('records a body established before the organisation itself', () => {
      const council = fact('BodyEstablished', {
        effectiveDate: '1992-05-15',
        body: 'csto-collective-security-council',
        basis: 'cst-1992',
      });
      given([]).when(council).then([council]);
    });
  });

  describe('NOT_A_MEMBER', () => {
    it.each([
      'MembershipSuspended',
      'ParticipationFrozen',
      'MembershipWithdrawalNotified',
      'MembershipEnded',
    ] as const)('accepts %s of a member', (type) => {
      given([admitted('1994-04-20')])
        .when(on(type, '2012-06-28'))
        .then([on(type, '2012-06-28')]);
    });
    it.each([
      'MembershipSuspended',
      'MembershipRestored',
      'ParticipationFrozen',
      'ParticipationUnfrozen',
      'MembershipWithdrawalNotified',
      'MembershipEnded',
    ] as const)('refuses %s of a non-member', (type) => {
      given([]).when(on(type, '2012-06-28')).thenRejects('NOT_A_MEMBER');
    });
    it('refuses a suspension dated before the admission, even when recorded after it', () => {
      given([admitted('1994-04-20')])
        .when(on('MembershipSuspended', '1993'))
        .thenRejects('NOT_A_MEMBER');
    });
    it('refuses a backdated end of membership that leaves a later suspension without a member', () => {
      given([admitted('1994-04-20'), on('MembershipSuspended', '2012-12-19')])
        .when(on('MembershipEnded', '2000-01-01'))
        .thenRejects('NOT_A_MEMBER');
    });
  });

  describe('ALREADY_SUSPENDED and NOT_SUSPENDED', () => {
    const suspended = on('MembershipSuspended', '2012-12-19');
    it('restores a suspended member', () => {
      const restored = on('MembershipRestored', '2013');
      given([admitted('1994-04-20'), suspended])
        .when(restored)
        .then([restored]);
    });
    it('refuses to restore a member that is not suspended', () => {
      given([admitted('1994-04-20')])
        .when(on('MembershipRestored', '2013'))
        .thenRejects('NOT_SUSPENDED');
    });
    it('refuses to suspend a suspended member', () => {
      given([admitted('1994-04-20'), suspended])
        .when(on('MembershipSuspended', '2013'))
        .thenRejects('ALREADY_SUSPENDED');
    });
  });

  describe('ALREADY_FROZEN and NOT_FROZEN', () => {
    const frozen = on('ParticipationFrozen', '2024-02');
    it('unfreezes a frozen participation', () => {
      const unfrozen = on('ParticipationUnfrozen', '2025');
      given([admitted('1994-04-20'), frozen])
        .when(unfrozen)
        .then([unfrozen]);
    });
    it('refuses to unfreeze a participation that is not frozen', () => {
      given([admitted('1994-04-20')])
        .when(on('ParticipationUnfrozen', '2025'))
        .thenRejects('NOT_FROZEN');
    });
    it('refuses to freeze a frozen participation', () => {
      given([admitted('1994-04-20'), frozen])
        .when(on('ParticipationFrozen', '2024-06'))
        .thenRejects('ALREADY_FROZEN');
    });
    it('keeps a frozen member a member, who can still be suspended', () => {
      const suspended = on('MembershipSuspended', '2024-06');
      given([admitted('1994-04-20'), frozen])
        .when(suspended)
        .then([suspended]);
    });
  });

  describe('ALREADY_GRANTED and NOT_GRANTED', () => {
    const assembly = { participant: 'SRB', body: 'csto-parliamentary-assembly' };
    const granted = on('ObserverStatusGranted', '2013-04', assembly);
    it('ends an observer status granted by that body', () => {
      const ended = on('ObserverStatusEnded', '2020', assembly);
      given([granted]).when(ended).then([ended]);
    });
    it('refuses to end an observer status that another body granted', () => {
      given([granted])
        .when(on('ObserverStatusEnded', '2020', { ...assembly, body: 'csto' }))
        .thenRejects('NOT_GRANTED');
    });
    it('refuses to end a partner status on the strength of an observer status', () => {
      given([granted])
        .when(on('PartnerStatusEnded', '2020', assembly))
        .thenRejects('NOT_GRANTED');
    });
    it('refuses to grant the same body’s observer status twice', () => {
      given([granted])
        .when(on('ObserverStatusGranted', '2014', assembly))
        .thenRejects('ALREADY_GRANTED');
    });
    it('ends an external status held and refuses one not held', () => {
      const held = fact('ExternalStatusGranted');
      const ended = fact('ExternalStatusEnded');
      given([held]).when(ended).then([ended]);
      given([]).when(ended).thenRejects('NOT_GRANTED');
    });
  });

  it('folds a history into current members and statuses', () => {
    const state = organisationDecider.fold([
      { id: 'a', event: admitted('1994-04-20') },
      { id: 'b', event: on('ParticipationFrozen', '2024-02') },
      { id: 'c', event: on('MemberAdmitted', '1994-04-20', { participant: 'AZE' }) },
      { id: 'd', event: on('MembershipEnded', '1999-04-21', { participant: 'AZE' }) },
    ]);
    expect([...state.members]).toEqual([
      ['ARM', { suspended: false, frozen: true, withdrawalNotified: false }],
    ]);
  });
});
