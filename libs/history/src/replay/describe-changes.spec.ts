import { organisationStateWith } from '@app/projections/testing/organisation-states';
import type { MemberRow } from '@app/projections';
import { describeChanges } from './describe-changes';

/** A state of the organisation once it exists: its members are its own. */
const given = (parts: Parameters<typeof organisationStateWith>[0]) =>
  organisationStateWith({ exists: true, ...parts });

const member = (
  participant: string,
  status: MemberRow['status'] = 'active',
  basis = 'cst-1992',
): MemberRow => ({
  participant,
  status,
  basis,
  since: '1994-04-20',
  statusSince: '1994-04-20',
  eventIds: [],
});
const name = (id: string): string => `the Treaty (${id})`;

describe('describing the changes between two days', () => {
  it('says nothing when nothing changed', () => {
    const state = given({ members: [member('ARM')] });

    expect(describeChanges(state, state, name)).toEqual([]);
  });

  it('names the states joining on one basis together, sorted', () => {
    const after = given({ members: [member('RUS'), member('ARM')] });

    expect(describeChanges(given({}), after, name)).toEqual(['ARM, RUS became members (basis cst-1992)']);
  });

  it('tells an entry into force, new parties, and members leaving', () => {
    const before = given({
      members: [member('ARM'), member('UZB')],
      instruments: [{ id: 'cst-1992', inForce: false, since: null, parties: [], eventIds: [] }],
    });
    const after = given({
      members: [member('ARM')],
      instruments: [{ id: 'cst-1992', inForce: true, since: '1994-04-20', parties: ['ARM'], eventIds: [] }],
    });

    expect(describeChanges(before, after, name)).toEqual([
      'the Treaty (cst-1992) entered into force',
      'ARM became a party to cst-1992',
      'UZB ceased to be a member',
    ]);
  });

  it("tells the predecessor treaty's parties as parties, never as members, before the organisation exists", () => {
    const before = organisationStateWith({
      members: [member('AZE'), member('RUS')],
      instruments: [
        { id: 'cst-1992', inForce: true, since: '1994-04-20', parties: ['AZE', 'RUS'], eventIds: [] },
      ],
    });
    const after = organisationStateWith({
      members: [member('RUS')],
      instruments: [{ id: 'cst-1992', inForce: true, since: '1994-04-20', parties: ['RUS'], eventIds: [] }],
    });

    expect(describeChanges(before, after, name)).toEqual(['AZE ceased to be a party to cst-1992']);
  });

  it("tells the organisation's founding: the parties to the treaty become its members", () => {
    const before = organisationStateWith({ members: [member('ARM')] });
    const after = given({ members: [member('ARM', 'active', 'csto-charter-2002')] });

    expect(describeChanges(before, after, name)).toEqual([
      'csto came into being',
      'ARM became a member (basis csto-charter-2002)',
    ]);
  });

  it('tells a suspension and a handover to a new basis', () => {
    const before = given({ members: [member('ARM'), member('UZB')] });
    const after = given({
      members: [member('ARM', 'active', 'csto-charter-2002'), member('UZB', 'suspended')],
    });

    expect(describeChanges(before, after, name)).toEqual([
      'ARM continued as a member on the basis of csto-charter-2002',
      'the membership of UZB was suspended',
    ]);
  });
});
