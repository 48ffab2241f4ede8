import type { WireName } from '../events/catalogue';

/** Sources and shared fields that make a raw event valid, for tests. */
export const SEED = { seed: '004_b382b7bce98f5533.txt', quote: 'May 15, 1992: 6 post-Soviet CIS countries' };
export const REFERENCE = {
  title: 'Collective Security Treaty',
  url: 'https://www.un.org/treaties',
  publisher: 'United Nations',
  published: '1995-06',
};
const shared = { sources: [SEED], confidence: 'high' };

/** One valid raw event of every type of the catalogue, as a curator would write it. */
export const SAMPLE_EVENTS: { readonly [Name in WireName]: Readonly<Record<string, unknown>> } = {
  OrganisationEstablished: { ...shared, effectiveDate: '2002-10-07', organisation: 'csto', name: 'Collective Security Treaty Organization', foundingInstrument: 'csto-charter-2002', predecessorInstrument: 'cst-1992', decision: 'Moscow session, 14 May 2002' },
  MemberAdmitted: { ...shared, effectiveDate: '1994-04-20', organisation: 'csto', participant: 'ARM', mode: 'original', basis: 'cst-1992' },
  MembershipSuspended: { ...shared, effectiveDate: '2012-12-19', organisation: 'csto', participant: 'UZB', decidedBy: 'csto-collective-security-council', decision: 'decision of 19 December 2012' },
  MembershipRestored: { ...shared, effectiveDate: '2013-01', organisation: 'csto', participant: 'UZB', decidedBy: 'csto-collective-security-council' },
  ParticipationFrozen: { ...shared, effectiveDate: '2024-02', organisation: 'csto', participant: 'ARM', declaredBy: 'ARM', statement: 'we have now frozen our participation' },
  ParticipationUnfrozen: { ...shared, effectiveDate: '2025', organisation: 'csto', participant: 'ARM', declaredBy: 'ARM' },
  MembershipWithdrawalNotified: { ...shared, effectiveDate: '2012-06-28', organisation: 'csto', participant: 'UZB', instrument: 'csto-charter-2002' },
  MembershipEnded: { ...shared, effectiveDate: '1999-04-21', organisation: 'csto', participant: 'AZE', reason: 'non-renewal' },
  ObserverStatusGranted: { ...shared, effectiveDate: '2013-04', organisation: 'csto', participant: 'SRB', body: 'csto-parliamentary-assembly' },
  ObserverStatusEnded: { ...shared, effectiveDate: '2020', organisation: 'csto', participant: 'SRB', body: 'csto-parliamentary-assembly' },
  PartnerStatusGranted: { ...shared, effectiveDate: '2013-04', organisation: 'csto', participant: 'AFG', body: 'csto', decision: 'decision No. 3' },
  PartnerStatusEnded: { ...shared, effectiveDate: '2021-08', organisation: 'csto', participant: 'AFG', body: 'csto' },
  ExternalStatusGranted: { ...shared, effectiveDate: '2004-12-02', organisation: 'csto', body: 'un-general-assembly', status: 'observer', decision: 'resolution 59/50' },
  ExternalStatusEnded: { ...shared, effectiveDate: '2030', organisation: 'csto', body: 'un-general-assembly', status: 'observer' },
  SecretaryGeneralAppointed: { ...shared, effectiveDate: '2003-04-28', organisation: 'csto', person: 'Nikolai Bordyuzha', decidedBy: 'csto-collective-security-council', termEnds: '2006' },
  DecisionAdopted: { ...shared, effectiveDate: '2022-01-06', organisation: 'csto', body: 'csto-collective-security-council', title: 'On sending peacekeeping forces to Kazakhstan', number: '1' },
  PositionStated: { ...shared, effectiveDate: '2024-05-08', organisation: 'csto', participant: 'ARM', kind: 'non-payment', summary: 'will not take part in financing the 2024 budget' },
  BodyEstablished: { ...shared, effectiveDate: '2006-11-16', organisation: 'csto', body: 'csto-parliamentary-assembly', name: 'Parliamentary Assembly of the CSTO', decision: 'resolution of 16 November 2006' },
  InstrumentAdopted: { ...shared, effectiveDate: '1992-05-15', instrument: 'cst-1992', title: 'Collective Security Treaty', kind: 'treaty', place: 'Tashkent', rules: { entryIntoForce: { kind: 'on-last-signatory-deposit' }, term: { years: 5, renewal: 'by-protocol' } } },
  InstrumentSigned: { ...shared, effectiveDate: '1992-05-15', instrument: 'cst-1992', participant: 'ARM', place: 'Tashkent' },
  RatificationLawEnacted: { ...shared, effectiveDate: '1993-01-12', instrument: 'cst-1992', participant: 'RUS', act: { number: '4314-1', date: '1993-01-12', title: 'On ratification of the Collective Security Treaty', body: 'Supreme Soviet' } },
  InstrumentDeposited: { ...shared, effectiveDate: '1994-04-20', instrument: 'cst-1992', participant: 'RUS', kind: 'ratification' },
  EntryIntoForceReported: { ...shared, effectiveDate: '1994-04-20', instrument: 'cst-1992' },
  InstrumentWithdrawalNotified: { ...shared, effectiveDate: '2012-06-28', instrument: 'csto-charter-2002', participant: 'UZB' },
  InstrumentTerminatedForParticipant: { ...shared, effectiveDate: '1999-04-21', instrument: 'cst-1992', participant: 'GEO', reason: 'non-renewal' },
  InstrumentAmended: { ...shared, effectiveDate: '2010', instrument: 'peacekeeping-agreement-2007', protocol: 'peacekeeping-protocol-2010' },
  InstrumentRegistered: { ...shared, effectiveDate: '1995-11-01', instrument: 'cst-1992', registeredWith: 'un-secretariat', registrationNumber: '32307' },
  DeploymentRequested: { ...shared, effectiveDate: '2022-01-05', deployment: 'csto-kazakhstan-2022', organisation: 'csto', host: 'KAZ', requestedBy: 'KAZ' },
  DeploymentAuthorized: { ...shared, effectiveDate: '2022-01-06', deployment: 'csto-kazakhstan-2022', decidedBy: 'csto-collective-security-council', legalBasis: 'CST 1992, art. 4', mandate: 'protect state and military facilities', duration: 'limited period' },
  ContingentDeployed: { ...shared, effectiveDate: '2022-01-06', deployment: 'csto-kazakhstan-2022', contributor: 'RUS', size: 3000 },
  DeploymentWithdrawalStarted: { ...shared, effectiveDate: '2022-01-13', deployment: 'csto-kazakhstan-2022' },
  DeploymentEnded: { ...shared, effectiveDate: '2022-01-19', deployment: 'csto-kazakhstan-2022' },
  FactCorrected: { ...shared, effectiveDate: '1992-05-15', supersedes: 'evt-0001', reason: 'the seed mistranslates the place', corrected: { ...shared, type: 'InstrumentSigned', effectiveDate: '1992-05-15', instrument: 'cst-1992', participant: 'ARM', place: 'Tashkent' } },
  FactRetracted: { ...shared, effectiveDate: '1992-05-15', supersedes: 'evt-0001', reason: 'the seed confuses the CST with the CIS Charter' },
};

/** A valid raw event of `type` with some fields replaced (or removed, with undefined). */
export function sample(type: WireName, changes: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const merged: Record<string, unknown> = { type, ...SAMPLE_EVENTS[type], ...changes };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
}
