import { organisationStateWith } from '@app/projections/testing/organisation-states';
import type { OrganisationState } from '@app/projections';
import { codeStateYear, COW_CODES, referenceDayOf } from './state-year-coding';

const given = (parts: Partial<OrganisationState>): OrganisationState =>
  organisationStateWith({ asOf: '2012-12-31', exists: true, ...parts });

const member = (participant: string, status: 'active' | 'suspended' | 'frozen') => ({
  participant,
  status,
  basis: 'csto-charter-2002',
  since: '1994-04-20',
  statusSince: '1994-04-20',
  eventIds: [],
});

describe('state-year coding (Correlates of War IGO style)', () => {
  it('codes a year by the status held on 31 December', () => {
    expect(referenceDayOf(1999)).toBe('1999-12-31');
  });

  it('codes an active member 1, with the instrument its membership rests on', () => {
    expect(codeStateYear(given({ members: [member('ARM', 'active')] }), 'ARM')).toEqual({
      code: 1,
      status: 'active',
      basis: 'csto-charter-2002',
      body: null,
    });
  });

  it('codes a suspended or frozen member as a full member, keeping the status for recoding', () => {
    const state = given({ members: [member('UZB', 'suspended'), member('ARM', 'frozen')] });

    expect(codeStateYear(state, 'UZB')).toMatchObject({ code: COW_CODES.FULL_MEMBER, status: 'suspended' });
    expect(codeStateYear(state, 'ARM')).toMatchObject({ code: COW_CODES.FULL_MEMBER, status: 'frozen' });
  });

  it('codes observers and partners of the organisation itself 3, naming the body', () => {
    const state = given({
      observers: [{ participant: 'AFG', body: 'csto', since: '2013', eventIds: [] }],
      partners: [{ participant: 'SRB', body: 'csto', since: '2013', eventIds: [] }],
    });

    expect(codeStateYear(state, 'AFG')).toEqual({ code: 3, status: 'observer', basis: null, body: 'csto' });
    expect(codeStateYear(state, 'SRB')).toEqual({ code: 3, status: 'partner', basis: null, body: 'csto' });
  });

  it('codes an observer or partner of its parliamentary assembly 0 (not the organisation), naming the assembly', () => {
    const state = given({
      observers: [{ participant: 'AFG', body: 'csto-parliamentary-assembly', since: '2013', eventIds: [] }],
      partners: [{ participant: 'SRB', body: 'csto-parliamentary-assembly', since: '2013', eventIds: [] }],
    });

    expect(codeStateYear(state, 'AFG')).toEqual({
      code: 0,
      status: 'observer',
      basis: null,
      body: 'csto-parliamentary-assembly',
    });
    expect(codeStateYear(state, 'SRB')).toEqual({
      code: 0,
      status: 'partner',
      basis: null,
      body: 'csto-parliamentary-assembly',
    });
  });

  it('codes a state that has only signed, or has no tie, 0', () => {
    const state = given({
      signatories: [
        { participant: 'KAZ', instrument: 'csto-charter-protocol-2010', since: '2010-12-10', eventIds: [] },
      ],
    });

    expect(codeStateYear(state, 'KAZ')).toEqual({
      code: 0,
      status: 'signatory',
      basis: 'csto-charter-protocol-2010',
      body: null,
    });
    expect(codeStateYear(state, 'GEO')).toEqual({ code: 0, status: 'none', basis: null, body: null });
  });

  it('codes -9 (missing) when the status on the reference day is known only to a period containing it', () => {
    const state = given({
      members: [member('AZE', 'active')],
      uncertain: [
        {
          subject: 'membership',
          participant: 'AZE',
          status: 'member',
          from: '2012-01-01',
          to: '2012-12-31',
          because: 'known only to a year',
        },
      ],
    });

    expect(codeStateYear(state, 'AZE')).toEqual({
      code: COW_CODES.MISSING,
      status: 'uncertain',
      basis: null,
      body: null,
    });
  });

  it('does not count uncertainty about something else (a party to an instrument) as missing', () => {
    const state = given({
      members: [member('BLR', 'active')],
      uncertain: [
        {
          subject: 'peacekeeping-agreement-2007',
          participant: 'BLR',
          status: 'party',
          from: '2012-01-01',
          to: '2012-12-31',
          because: 'known only to a year',
        },
      ],
    });

    expect(codeStateYear(state, 'BLR').code).toBe(COW_CODES.FULL_MEMBER);
  });
});
