import type { DomainEvent } from '@app/domain';
import { participantHistory } from './index';
import { event, given, record } from './testing/given';
import { charter, charterHistory, csto, peacekeeping } from './testing/scenarios';

/** Each case is a way the answers once contradicted the record's own facts (issue: truthful answers). */
describe('answers a historian can trust', () => {
  describe('the predecessor treaty is not the organisation', () => {
    it("calls the Treaty's parties before 2003 parties to the Treaty, with the Treaty as basis, while the organisation does not exist", () => {
      const state = given(charterHistory()).asOf('1995-01-01');

      expect(state.exists).toBe(false);
      expect(state.members.find((m) => m.participant === 'AZE')).toMatchObject({
        basis: 'cst-1992',
        since: '1994-04-20',
      });
    });

    it('gives no membership of the organisation to a state that left the Treaty before the organisation existed', () => {
      const history = participantHistory(record(charterHistory()), 'AZE', { organisation: 'csto' });

      expect(history.filter((spell) => spell.status === 'member')).toEqual([]);
      expect(history).toContainEqual(
        expect.objectContaining({
          instrument: 'cst-1992',
          status: 'party',
          from: '1994-04-20',
          to: '1999-04-21',
        }),
      );
    });

    it('dates membership of the organisation from its founding, on the basis of its Charter', () => {
      const state = given(charterHistory()).asOf('2012-12-20');

      expect(state.members.find((m) => m.participant === 'ARM')).toMatchObject({
        basis: 'csto-charter-2002',
        since: '2003-09-18',
      });
    });
  });

  describe('a state that left an instrument may become a party again', () => {
    const returned: DomainEvent[] = [
      ...charterHistory(),
      event('InstrumentDeposited', {
        effectiveDate: '2006-08-16',
        instrument: 'cst-1992',
        participant: 'UZB',
        kind: 'accession',
      }),
      charter.deposited('UZB', '2006-08-16'),
      csto.admitted('UZB', '2006-08-16', 'csto-charter-2002', 'restoration'),
    ];

    it('shows it a party again in the instrument table, in its new period', () => {
      const history = given(returned);

      expect(
        history.instrument('cst-1992', '2000-01-01').participants.find((p) => p.participant === 'UZB'),
      ).toMatchObject({ status: 'no-longer-party' });
      expect(
        history.instrument('cst-1992', '2007-01-01').participants.find((p) => p.participant === 'UZB'),
      ).toMatchObject({
        status: 'party',
        deposit: { date: '2006-08-16', kind: 'accession' },
        inForce: '2006-08-16',
        termination: null,
      });
      expect(history.asOf('2007-01-01').instruments.find((i) => i.id === 'cst-1992')?.parties).toContain(
        'UZB',
      );
    });

    it('tells each period as its own spell', () => {
      const spells = participantHistory(record(returned), 'UZB').filter(
        (spell) => spell.instrument === 'cst-1992' && spell.status === 'party',
      );

      expect(spells.map(({ from, to }) => ({ from, to }))).toEqual([
        { from: '1994-04-20', to: '1999-04-21' },
        { from: '2006-08-16', to: null },
      ]);
    });

    it("does not move the instrument's entry into force for the others", () => {
      expect(given(returned).instrument('cst-1992', '2007-01-01').entryIntoForce.governing).toBe(
        '1994-04-20',
      );
    });
  });

  describe('an instrument in force no later than a date whose day is unknown', () => {
    const bounded = [
      ...charterHistory(),
      peacekeeping.adopted,
      ...['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'].map((p) => peacekeeping.signed(p)),
      event('EntryIntoForceReported', {
        effectiveDate: '2008-10-24/2009-01-15',
        instrument: 'peacekeeping-agreement-2007',
      }),
    ];

    it('is undetermined between the earliest possible and the latest certain day, with the range', () => {
      const history = given(bounded);
      const row = (day: string) =>
        history.asOf(day).instruments.find((i) => i.id === 'peacekeeping-agreement-2007');

      expect(row('2008-10-23')).toMatchObject({ inForce: false, since: null });
      expect(row('2008-12-01')).toMatchObject({
        inForce: 'undetermined',
        since: null,
        undetermined: { from: '2008-10-24', to: '2009-01-15' },
      });
      expect(history.asOf('2008-12-01').uncertain).toContainEqual(
        expect.objectContaining({
          subject: 'peacekeeping-agreement-2007',
          status: 'in-force',
          from: '2008-10-24',
          to: '2009-01-15',
        }),
      );
      expect(row('2009-01-16')).toMatchObject({ inForce: true, since: '2008-10-24/2009-01-15' });
    });

    it('says so in the instrument status too', () => {
      expect(given(bounded).instrument('peacekeeping-agreement-2007', '2008-12-01')).toMatchObject({
        inForce: 'undetermined',
        undetermined: { from: '2008-10-24', to: '2009-01-15' },
      });
    });

    it('does not pass off its signatories as unbound: in force by report alone, whether they are parties is uncertain', () => {
      const history = given([...bounded, peacekeeping.deposited('KAZ', '2009-03-01')]);
      const doubt = {
        subject: 'peacekeeping-agreement-2007',
        status: 'party',
        from: '2008-10-24',
        to: '2010-01-01',
        because:
          'in force since 2008-10-24/2009-01-15 by report, but the record holds none of the consents that brought it into force: whether ARM, BLR, KGZ, RUS, TJK are bound it cannot tell',
      };
      expect(
        history.asOf('2010-01-01').instruments.find((i) => i.id === 'peacekeeping-agreement-2007')?.parties,
      ).toEqual(['KAZ']);
      expect(history.asOf('2010-01-01').uncertain).toContainEqual(doubt);
      expect(history.instrument('peacekeeping-agreement-2007', '2010-01-01').uncertain).toContainEqual(doubt);
      expect(history.asOf('2008-10-23').uncertain.filter((row) => row.status === 'party')).toEqual([]);
    });
  });

  describe('an amending protocol binds the parties bound by it', () => {
    const protocol = [
      ...charterHistory(),
      event('InstrumentAdopted', {
        effectiveDate: '2010-12-10',
        instrument: 'csto-charter-protocol-2010',
        title: 'Protocol amending the Charter',
        kind: 'protocol',
        organisation: 'csto',
        rules: { entryIntoForce: { kind: 'on-last-signatory-deposit' }, amends: 'csto-charter-2002' },
      }),
      event('InstrumentSigned', {
        effectiveDate: '2010-12-10',
        instrument: 'csto-charter-protocol-2010',
        participant: 'KAZ',
      }),
      event('RatificationLawEnacted', {
        effectiveDate: '2011-11-08',
        instrument: 'csto-charter-protocol-2010',
        participant: 'KAZ',
        act: { date: '2011-11-08', title: 'Law 499-IV' },
      }),
      event('EntryIntoForceReported', {
        effectiveDate: '2012-12-19',
        instrument: 'csto-charter-protocol-2010',
      }),
    ];

    it("counts the amended instrument's parties as its parties from the reported entry into force, as reported", () => {
      const history = given(protocol);
      const row = history.asOf('2013-01-01').instruments.find((i) => i.id === 'csto-charter-protocol-2010');

      expect(row).toMatchObject({
        inForce: true,
        since: '2012-12-19',
        parties: ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'],
      });
      expect(
        history
          .instrument('csto-charter-protocol-2010', '2013-01-01')
          .participants.find((p) => p.participant === 'RUS'),
      ).toMatchObject({
        status: 'party',
        entryIntoForce: { derived: null, reported: '2012-12-19', governing: '2012-12-19' },
      });
    });

    it('no longer calls a state that ratified a protocol in force a mere signatory', () => {
      const state = given(protocol).asOf('2013-01-01');

      expect(state.signatories.filter((s) => s.instrument === 'csto-charter-protocol-2010')).toEqual([]);
    });

    it("lists the Treaty's own protocols among the organisation's instruments, and tells their adoption", () => {
      const state = given(charterHistory()).asOf('1999-04-02');

      expect(state.instruments.map((i) => i.id)).toContain('cst-extension-protocol-1999');
    });
  });

  describe('one status per day', () => {
    const uzb = [
      ...charterHistory(),
      charter.deposited('UZB', '2006-08-16'),
      csto.admitted('UZB', '2006-08-16', 'csto-charter-2002', 'restoration'),
      csto.frozen('UZB', '2012-06-28'),
      csto.suspended('UZB', '2012-12-19'),
    ];

    it("ends a declared freeze where the council's suspension begins", () => {
      const spells = participantHistory(record(uzb), 'UZB', { organisation: 'csto' }).filter(
        (s) => s.status === 'frozen' || s.status === 'suspended',
      );

      expect(spells.map(({ status, from, to }) => ({ status, from, to }))).toEqual([
        { status: 'frozen', from: '2012-06-28', to: '2012-12-19' },
        { status: 'suspended', from: '2012-12-19', to: null },
      ]);
    });

    it('ends the suspension on restoration, and both with the membership', () => {
      const later = [
        ...uzb,
        csto.restored('UZB', '2013-05-01'),
        csto.frozen('UZB', '2014-01-01'),
        csto.ended('UZB', '2015-01-01'),
      ];
      const spells = participantHistory(record(later), 'UZB', { organisation: 'csto' }).filter(
        (s) => s.status !== 'member' && s.organisation === 'csto',
      );

      expect(spells.map(({ status, from, to }) => ({ status, from, to }))).toEqual([
        { status: 'frozen', from: '2012-06-28', to: '2012-12-19' },
        { status: 'suspended', from: '2012-12-19', to: '2013-05-01' },
        { status: 'frozen', from: '2014-01-01', to: '2015-01-01' },
      ]);
      expect(
        given(later)
          .asOf('2013-06-01')
          .members.find((m) => m.participant === 'UZB'),
      ).toMatchObject({ status: 'active', statusSince: '2013-05-01' });
    });

    it('lets no status outlive the membership: a state that left frozen and came back is frozen only by a new declaration', () => {
      const returned = [
        ...uzb,
        csto.restored('UZB', '2013-05-01'),
        csto.frozen('UZB', '2014-01-01'),
        csto.ended('UZB', '2015-01-01'),
        csto.admitted('UZB', '2016-01-01'),
        csto.frozen('UZB', '2017-01-01'),
      ];
      const spells = participantHistory(record(returned), 'UZB', { organisation: 'csto' }).filter(
        (s) => s.status === 'frozen' || s.status === 'suspended',
      );

      expect(spells.map(({ status, from, to }) => ({ status, from, to }))).toEqual([
        { status: 'frozen', from: '2012-06-28', to: '2012-12-19' },
        { status: 'suspended', from: '2012-12-19', to: '2013-05-01' },
        { status: 'frozen', from: '2014-01-01', to: '2015-01-01' },
        { status: 'frozen', from: '2017-01-01', to: null },
      ]);
      expect(
        given(returned)
          .asOf('2017-06-01')
          .members.find((m) => m.participant === 'UZB'),
      ).toMatchObject({ status: 'frozen', statusSince: '2017-01-01' });
    });
  });

  describe('deployments present, and deployments awaited', () => {
    const operation = [
      ...charterHistory(),
      event('DeploymentRequested', {
        effectiveDate: '2022-01-05',
        deployment: 'op',
        organisation: 'csto',
        host: 'KAZ',
        requestedBy: 'KAZ',
      }),
      event('DeploymentAuthorized', {
        effectiveDate: '2022-01-06',
        deployment: 'op',
        decidedBy: 'csto-collective-security-council',
        legalBasis: 'art. 4',
        mandate: 'limited',
      }),
      event('ContingentDeployed', { effectiveDate: '2022-01-07', deployment: 'op', contributor: 'RUS' }),
    ];

    it('lists a requested operation as pending, not as present', () => {
      const state = given(operation).asOf('2022-01-05');

      expect(state.deployments).toEqual([]);
      expect(state.pendingDeployments).toEqual([
        expect.objectContaining({ id: 'op', status: 'requested', contributors: [] }),
      ]);
    });

    it('lists it as present once a contingent has arrived', () => {
      const state = given(operation).asOf('2022-01-07');

      expect(state.pendingDeployments).toEqual([]);
      expect(state.deployments).toEqual([
        expect.objectContaining({
          id: 'op',
          status: 'active',
          contributors: ['RUS'],
          eventIds: expect.arrayContaining([expect.any(String)]),
        }),
      ]);
    });
  });

  describe('a disputed fact reaches the answer', () => {
    const disputed = [
      ...charterHistory().filter((e) => !(e.type === 'InstrumentSigned' && e.participant === 'GEO')),
      event('InstrumentSigned', {
        effectiveDate: '1993-12-09',
        instrument: 'cst-1992',
        participant: 'GEO',
        dispute: {
          followed: "the depositary's list gives 9 December",
          readings: [
            {
              claim: 'signed on 9 September 1993',
              effectiveDate: '1993-09-09',
              sources: [{ title: 'a secondary summary', url: 'https://example.org/cst' }],
            },
          ],
        },
      }),
    ];

    it('says in uncertain what the other reading would mean on a day between the readings', () => {
      const state = given(disputed).asOf('1993-10-01');

      expect(state.uncertain).toContainEqual(
        expect.objectContaining({
          subject: 'cst-1992',
          participant: 'GEO',
          status: 'disputed',
          from: '1993-09-09',
          to: '1993-12-09',
          because: 'under the other reading (signed on 9 September 1993), GEO has already signed cst-1992',
          disputed: expect.objectContaining({
            readings: [{ claim: 'signed on 9 September 1993', effectiveDate: '1993-09-09' }],
          }),
        }),
      );
    });

    it('says nothing of the dispute on days when every reading agrees', () => {
      const history = given(disputed);

      for (const day of ['1993-09-08', '1993-12-09', '1994-01-01']) {
        const state = history.asOf(day);
        expect({ day, disputed: state.uncertain.filter((row) => row.status === 'disputed') }).toEqual({
          day,
          disputed: [],
        });
        expect({ day, flagged: state.signatories.filter((s) => s.disputed !== undefined) }).toEqual({
          day,
          flagged: [],
        });
      }
    });

    it('flags a present row while the other reading would not yet have it', () => {
      const later = [
        ...charterHistory(),
        csto.observer('SRB', 'csto-parliamentary-assembly', '2013-04-11'),
      ].map((e) =>
        e.type === 'ObserverStatusGranted'
          ? {
              ...e,
              dispute: {
                followed: "the assembly's record",
                readings: [
                  {
                    claim: 'granted in May 2013',
                    effectiveDate: '2013-05-20',
                    sources: [{ title: 'news', url: 'https://example.org/n' }],
                  },
                ],
              },
            }
          : e,
      );
      const row = given(later)
        .asOf('2013-05-01')
        .observers.find((o) => o.participant === 'SRB');

      expect(row?.disputed).toMatchObject({
        effect:
          'under the other reading (granted in May 2013), SRB has not yet become an observer (csto-parliamentary-assembly)',
      });
      expect(row?.disputed?.eventId).toBe(row?.eventIds[0]);
    });
  });
});
