import type { DomainEvent } from '@app/domain';
import { event, record } from '../testing/given';
import { charter, charterHistory, csto } from '../testing/scenarios';
import { referenceOrganisationHistory } from '../reference';
import { TemporalIndex } from '../temporal-index';
import type { OrganisationHistory } from './organisation-history';

/** The history from both the reference and the index, which must agree. */
function historyOf(events: readonly DomainEvent[], knownAt: string | null = null): OrganisationHistory {
  const log = record(events);
  const reference = referenceOrganisationHistory(log, { organisation: 'csto', knownAt });
  expect(new TemporalIndex().applyAll(log).organisationHistory({ organisation: 'csto', knownAt })).toEqual(
    reference,
  );
  return reference;
}

const deployment = (
  type: 'DeploymentRequested' | 'DeploymentAuthorized' | 'DeploymentEnded',
  effectiveDate: string,
): DomainEvent =>
  type === 'DeploymentRequested'
    ? event(type, {
        effectiveDate,
        deployment: 'kaz-2022',
        organisation: 'csto',
        host: 'KAZ',
        requestedBy: 'KAZ',
      })
    : type === 'DeploymentAuthorized'
      ? event(type, {
          effectiveDate,
          deployment: 'kaz-2022',
          decidedBy: 'csto-collective-security-council',
          legalBasis: 'Article 4',
          mandate: 'protect facilities',
        })
      : event(type, { effectiveDate, deployment: 'kaz-2022' });

describe('organisation history at a glance', () => {
  it('lists every participant with its spells in the organisation, in code order', () => {
    const history = historyOf([
      ...charterHistory(),
      csto.observer('SRB', 'csto-parliamentary-assembly', '2013-04-11'),
    ]);
    expect(history.participants.map((p) => p.participant)).toEqual([
      'ARM',
      'AZE',
      'BLR',
      'GEO',
      'KAZ',
      'KGZ',
      'RUS',
      'SRB',
      'TJK',
      'UZB',
    ]);
    const serbia = history.participants.find((p) => p.participant === 'SRB');
    expect(serbia?.spells).toEqual([
      {
        organisation: 'csto',
        status: 'observer',
        body: 'csto-parliamentary-assembly',
        from: '2013-04-11',
        to: null,
        basis: 'csto-parliamentary-assembly',
        eventIds: [expect.any(String)],
      },
    ]);
  });

  it('names the founding instrument and the treaty it succeeds, and every disputed fact with the days its readings span, so a chart needs no other answer', () => {
    const signed = charterHistory().find((e) => e.type === 'InstrumentSigned' && e.participant === 'GEO');
    const disputed = event('InstrumentSigned', {
      effectiveDate: '1993-12-09',
      instrument: 'cst-1992',
      participant: 'GEO',
      dispute: {
        followed: "the depositary's list gives 9 December",
        readings: [
          {
            claim: 'signed in 1993',
            effectiveDate: '1993',
            sources: [{ title: 'a summary', url: 'https://example.org/cst' }],
          },
        ],
      },
    });
    const log = record([...charterHistory().filter((e) => e !== signed), disputed]);
    const history = historyOf(log.map((fact) => fact.event));
    expect(history.established).toEqual({
      foundingInstrument: 'csto-charter-2002',
      predecessorInstrument: 'cst-1992',
      eventId: log.find((fact) => fact.event.type === 'OrganisationEstablished')?.id,
    });
    expect(history.disputes).toEqual([
      {
        eventId: log.find((fact) => fact.event === disputed)?.id,
        date: '1993-12-09',
        followed: "the depositary's list gives 9 December",
        readings: [{ claim: 'signed in 1993', effectiveDate: '1993' }],
        from: '1993-01-01',
        to: '1993-12-31',
      },
    ]);
    expect(historyOf([]).established).toBeNull();
  });

  it('gives the founding date and each instrument’s entry into force with the facts it rests on', () => {
    const history = historyOf(charterHistory());
    expect(history.founded).toBe('2003-09-18');
    expect(history.name).toBe(charter.established.name);
    const charterDates = history.instruments.find((i) => i.id === 'csto-charter-2002');
    expect(charterDates).toMatchObject({
      kind: expect.any(String),
      adopted: '2002-10-07',
      entryIntoForce: {
        derived: '2003-09-18',
        reported: '2003-09-18',
        governing: '2003-09-18',
        disagreement: false,
      },
    });
    expect(charterDates?.eventIds.length).toBeGreaterThan(1);
    expect(history.instruments.map((i) => i.id)).toEqual([
      'cst-1992',
      'cst-extension-protocol-1999',
      'csto-charter-2002',
    ]);
  });

  it('gives each deployment its phases in order, each with the fact that began it', () => {
    const history = historyOf([
      ...charterHistory(),
      deployment('DeploymentRequested', '2022-01-05'),
      deployment('DeploymentAuthorized', '2022-01-06'),
      event('ContingentDeployed', {
        effectiveDate: '2022-01-06',
        deployment: 'kaz-2022',
        contributor: 'RUS',
      }),
      deployment('DeploymentEnded', '2022-01-19'),
    ]);
    expect(history.deployments).toEqual([
      {
        id: 'kaz-2022',
        host: 'KAZ',
        phases: [
          { status: 'requested', from: '2022-01-05', eventId: expect.any(String) },
          { status: 'authorized', from: '2022-01-06', eventId: expect.any(String) },
          { status: 'active', from: '2022-01-06', eventId: expect.any(String) },
          { status: 'ended', from: '2022-01-19', eventId: expect.any(String) },
        ],
        contingents: [{ contributor: 'RUS', from: '2022-01-06', eventId: expect.any(String) }],
      },
    ]);
  });

  it("gives the organisation's own statuses in other bodies as spells", () => {
    const granted = event('ExternalStatusGranted', {
      effectiveDate: '2004-12-02',
      organisation: 'csto',
      body: 'un-general-assembly',
      status: 'observer',
    });
    const history = historyOf([...charterHistory(), granted]);
    expect(history.externalStatuses).toEqual([
      {
        body: 'un-general-assembly',
        status: 'observer',
        from: '2004-12-02',
        to: null,
        eventIds: [expect.any(String)],
      },
    ]);
  });

  it('shows the record as it stood at knownAt: a fact recorded later is not there yet', () => {
    const events = [...charterHistory(), csto.frozen('ARM', '2024-02-22')];
    const frozenRecordedAt = record(events).at(-1)?.recordedAt ?? '';
    const before = historyOf(events, new Date(Date.parse(frozenRecordedAt) - 1).toISOString());
    const after = historyOf(events, frozenRecordedAt);
    const statuses = (h: OrganisationHistory): string[] =>
      h.participants.find((p) => p.participant === 'ARM')?.spells.map((s) => s.status) ?? [];
    expect(statuses(before)).not.toContain('frozen');
    expect(statuses(after)).toContain('frozen');
  });

  it('is empty, not an error, for an organisation the record does not know', () => {
    expect(historyOf([charter.signed('RUS')])).toEqual({
      organisation: 'csto',
      name: null,
      knownAt: null,
      founded: null,
      established: null,
      disputes: [],
      participants: [],
      instruments: [],
      deployments: [],
      externalStatuses: [],
    });
  });
});
