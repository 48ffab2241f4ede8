import { charter, charterHistory, csto, peacekeeping, treatyHistory } from '../testing/scenarios';
import { event, given } from '../testing/given';

const codes = (rows: readonly { participant: string }[]): string[] => rows.map((row) => row.participant);

describe('organisation state as of a date', () => {
  it('has no members before the predecessor treaty enters into force: signing does not bind', () => {
    const state = given(treatyHistory()).asOf('1993-06-01');
    expect(state.exists).toBe(false);
    expect(state.members).toEqual([]);
  });

  it('counts the parties to the 1992 Treaty as members before the Charter is in force, with the Treaty as basis', () => {
    const state = given(charterHistory()).asOf('1995-01-01');
    expect(state.exists).toBe(false);
    expect(codes(state.members)).toEqual(['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']);
    expect(state.members[0]).toEqual({
      participant: 'ARM',
      status: 'active',
      basis: 'cst-1992',
      since: '1994-04-20',
      statusSince: '1994-04-20',
      eventIds: expect.arrayContaining([expect.any(String)]),
    });
  });

  it('keeps a non-renewing party bound until its term ends, and not a day longer', () => {
    const history = given(charterHistory());
    expect(codes(history.asOf('1999-04-20').members)).toContain('GEO');
    expect(codes(history.asOf('1999-04-21').members)).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']);
  });

  it('brings the organisation into existence on the last signatory deposit: its members are members from that day, not before', () => {
    const history = given(charterHistory());
    expect(history.asOf('2003-09-17').exists).toBe(false);
    expect(history.asOf('2003-09-17').members.find((m) => m.participant === 'RUS')).toMatchObject({
      basis: 'cst-1992',
      since: '1994-04-20',
    });
    const state = history.asOf('2003-09-18');
    expect(state.exists).toBe(true);
    expect(state.members.find((m) => m.participant === 'RUS')).toEqual({
      participant: 'RUS',
      status: 'active',
      basis: 'csto-charter-2002',
      since: '2003-09-18',
      statusSince: '2003-09-18',
      eventIds: expect.arrayContaining([expect.any(String)]),
    });
    expect(state.instruments.find((i) => i.id === 'csto-charter-2002')).toEqual({
      id: 'csto-charter-2002',
      inForce: true,
      since: '2003-09-18',
      parties: ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'],
      eventIds: expect.arrayContaining([expect.any(String)]),
    });
  });

  it('flags a reported entry into force that disagrees with the derivation, following the derivation', () => {
    const state = given(
      [...charterHistory(), charter.inForce('2003-09-19')].filter(
        (e) =>
          !(
            e.type === 'EntryIntoForceReported' &&
            e.instrument === 'csto-charter-2002' &&
            e.effectiveDate === '2003-09-18'
          ),
      ),
    ).asOf('2004-01-01');
    expect(state.instruments.find((i) => i.id === 'csto-charter-2002')).toMatchObject({
      since: '2003-09-18',
      disagreement: { derived: '2003-09-18', reported: '2003-09-19' },
    });
  });

  it('lists a party whose later period, bound by a report, begins before its earlier periods, bound by the general entry into force', () => {
    // ARM's periods come in the order of its consents: two deposits, each ended, then a report for ARM alone. The first
    // two would begin only at the general entry into force (RUS's deposit, 2003-09-18); the third began on 2003-01-15.
    const terminated = (effectiveDate: string) =>
      event('InstrumentTerminatedForParticipant', {
        effectiveDate,
        instrument: 'csto-charter-2002',
        participant: 'ARM',
        reason: 'withdrawal',
      });
    const history = given([
      charter.adopted,
      charter.signed('ARM'),
      charter.signed('RUS'),
      charter.deposited('ARM', '2002-11-01'),
      terminated('2002-12-01'),
      charter.deposited('ARM', '2002-12-15'),
      terminated('2002-12-20'),
      charter.inForce('2003-01-15', 'ARM'),
      charter.deposited('RUS', '2003-09-18'),
    ]);
    expect(history.asOf('2003-06-01').instruments.find((i) => i.id === 'csto-charter-2002')).toMatchObject({
      inForce: false,
      parties: ['ARM'],
    });
  });

  it('tells suspension from freeze: both remain members', () => {
    const state = given([
      ...charterHistory(),
      csto.suspended('KGZ', '2010-01-01'),
      csto.frozen('ARM', '2024-02-22'),
    ]).asOf('2024-06-01');
    expect(state.members.find((m) => m.participant === 'KGZ')).toMatchObject({
      status: 'suspended',
      statusSince: '2010-01-01',
    });
    expect(state.members.find((m) => m.participant === 'ARM')).toMatchObject({
      status: 'frozen',
      statusSince: '2024-02-22',
      since: '2003-09-18',
    });
  });

  it('ends membership six months after a withdrawal notice when the stream records no end', () => {
    const history = given([
      ...charterHistory(),
      csto.admitted('UZB', '2006-08-16', 'csto-charter-2002', 'restoration'),
      csto.withdrawalNotified('UZB', '2012-06-28'),
    ]);
    expect(history.asOf('2012-12-28').members.find((m) => m.participant === 'UZB')).toMatchObject({
      status: 'active',
      since: '2006-08-16',
      basis: 'csto-charter-2002',
    });
    expect(codes(history.asOf('2012-12-29').members)).not.toContain('UZB');
  });

  it('does not take an observer of the parliamentary assembly for an observer of the organisation', () => {
    const state = given([
      ...charterHistory(),
      csto.observer('SRB', 'csto-parliamentary-assembly', '2013-04-11'),
    ]).asOf('2014-01-01');
    expect(state.observers).toEqual([
      {
        participant: 'SRB',
        body: 'csto-parliamentary-assembly',
        since: '2013-04-11',
        eventIds: [expect.any(String)],
      },
    ]);
    expect(state.observers.filter((o) => o.body === 'csto')).toEqual([]);
  });

  it("answers each period of a grant, a signature and an instrument's parties with its own start and parties, asked one after the other of one record", () => {
    // Rows the same on every day of a period are made once and shared by later answers: each period has its own.
    const ended = (participant: string, effectiveDate: string) =>
      event('ObserverStatusEnded', { effectiveDate, organisation: 'csto', participant, body: 'csto' });
    const signed = (participant: string, effectiveDate: string) =>
      event('InstrumentSigned', { effectiveDate, instrument: 'peacekeeping-agreement-2007', participant });
    const history = given([
      ...charterHistory(),
      csto.observer('SRB', 'csto', '2013-04-11'),
      ended('SRB', '2015-01-01'),
      csto.observer('SRB', 'csto', '2017-05-05'),
      csto.observer('AFG', 'csto', '2014-03'),
      ended('AFG', '2015-06-01'),
      csto.observer('AFG', 'csto', '2018-02-02'),
      peacekeeping.adopted,
      ...['ARM', 'BLR', 'KAZ', 'RUS'].map((participant) => peacekeeping.signed(participant)),
      ...['BLR', 'KAZ', 'RUS'].map((participant, at) =>
        peacekeeping.deposited(participant, `2007-11-0${at + 1}`),
      ),
      peacekeeping.deposited('ARM', '2008-01-01'),
      event('InstrumentTerminatedForParticipant', {
        effectiveDate: '2009-01-01',
        instrument: 'peacekeeping-agreement-2007',
        participant: 'ARM',
        reason: 'withdrawal',
      }),
      signed('ARM', '2010-01-01'),
      peacekeeping.deposited('ARM', '2011-01-01'),
      peacekeeping.withdrawalNotified('BLR', '2012-03-01'),
    ]);
    const since = (rows: readonly { participant: string; since: string }[]): string[] =>
      rows.map((row) => `${row.participant} ${row.since}`);
    const signatories = (day: string): string[] =>
      since(history.asOf(day).signatories.filter((row) => row.instrument === 'peacekeeping-agreement-2007'));
    expect(signatories('2007-12-01')).toEqual([
      'ARM 2007-10-06',
      'BLR 2007-10-06',
      'KAZ 2007-10-06',
      'RUS 2007-10-06',
    ]);
    expect(signatories('2010-06-01')).toEqual(['ARM 2010-01-01']);
    // The parties from the last day a period begins or ends on are listed once for every day after it.
    const parties = (day: string): readonly string[] | undefined =>
      history.asOf(day).instruments.find((row) => row.id === 'peacekeeping-agreement-2007')?.parties;
    expect(parties('2008-06-01')).toEqual(['ARM', 'BLR', 'KAZ', 'RUS']);
    expect(parties('2009-06-01')).toEqual(['BLR', 'KAZ', 'RUS']);
    expect(parties('2012-06-01')).toEqual(['ARM', 'BLR', 'KAZ', 'RUS']);
    expect(parties('2013-01-01')).toEqual(['ARM', 'KAZ', 'RUS']);
    expect(parties('2012-06-01')).toEqual(['ARM', 'BLR', 'KAZ', 'RUS']);
    expect(since(history.asOf('2014-06-01').observers)).toEqual(['AFG 2014-03', 'SRB 2013-04-11']);
    expect(since(history.asOf('2019-01-01').observers)).toEqual(['AFG 2018-02-02', 'SRB 2017-05-05']);
  });

  it('reports a status decided by a coarse date as uncertain inside its period, keeping the earlier status', () => {
    const history = given([...charterHistory(), csto.frozen('ARM', '2024-02')]);
    const inside = history.asOf('2024-02-15');
    expect(inside.members.find((m) => m.participant === 'ARM')?.status).toBe('active');
    expect(inside.uncertain).toEqual([
      {
        subject: 'membership',
        participant: 'ARM',
        status: 'frozen',
        from: '2024-02-01',
        to: '2024-02-29',
        because: 'frozen from 2024-02: the date is known only to the month',
      },
    ]);
    expect(history.asOf('2024-03-01').members.find((m) => m.participant === 'ARM')?.status).toBe('frozen');
  });
});
