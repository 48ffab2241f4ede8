import type { DomainEvent } from '@app/domain';
import { event } from './given';

/** A short CST / CSTO history shaped like the chronology in events/: enough to exercise every rule. */
export const cst = {
  adopted: event('InstrumentAdopted', {
    effectiveDate: '1992-05-15',
    instrument: 'cst-1992',
    title: 'Collective Security Treaty',
    kind: 'treaty',
    rules: {
      entryIntoForce: { kind: 'on-stated-date', date: '1994-04-20' },
      term: { years: 5, renewal: 'by-protocol' },
    },
  }),
  signed: (participant: string, effectiveDate = '1992-05-15') =>
    event('InstrumentSigned', { effectiveDate, instrument: 'cst-1992', participant }),
  inForce: (participant?: string, effectiveDate = '1994-04-20') =>
    event(
      'EntryIntoForceReported',
      participant === undefined
        ? { effectiveDate, instrument: 'cst-1992' }
        : { effectiveDate, instrument: 'cst-1992', participant },
    ),
  terminated: (participant: string, effectiveDate = '1999-04-21') =>
    event('InstrumentTerminatedForParticipant', {
      effectiveDate,
      instrument: 'cst-1992',
      participant,
      reason: 'non-renewal',
    }),
  extended: event('InstrumentAmended', {
    effectiveDate: '1999-04-21',
    instrument: 'cst-1992',
    protocol: 'cst-extension-protocol-1999',
  }),
  extensionAdopted: event('InstrumentAdopted', {
    effectiveDate: '1999-04-02',
    instrument: 'cst-extension-protocol-1999',
    title: 'Protocol on the extension of the Collective Security Treaty',
    kind: 'protocol',
    rules: { entryIntoForce: { kind: 'on-nth-deposit', n: 5 }, amends: 'cst-1992' },
  }),
  extensionSigned: (participant: string) =>
    event('InstrumentSigned', {
      effectiveDate: '1999-04-02',
      instrument: 'cst-extension-protocol-1999',
      participant,
    }),
};

export const charter = {
  established: event('OrganisationEstablished', {
    effectiveDate: '2002-10-07',
    organisation: 'csto',
    name: 'Collective Security Treaty Organization',
    foundingInstrument: 'csto-charter-2002',
    predecessorInstrument: 'cst-1992',
  }),
  adopted: event('InstrumentAdopted', {
    effectiveDate: '2002-10-07',
    instrument: 'csto-charter-2002',
    title: 'Charter of the Collective Security Treaty Organization',
    kind: 'charter',
    organisation: 'csto',
    rules: { entryIntoForce: { kind: 'on-last-signatory-deposit' }, withdrawalNoticeMonths: 6 },
  }),
  signed: (participant: string, effectiveDate = '2002-10-07') =>
    event('InstrumentSigned', { effectiveDate, instrument: 'csto-charter-2002', participant }),
  deposited: (participant: string, effectiveDate: string) =>
    event('InstrumentDeposited', {
      effectiveDate,
      instrument: 'csto-charter-2002',
      participant,
      kind: 'ratification',
    }),
  inForce: (effectiveDate = '2003-09-18', participant?: string) =>
    event(
      'EntryIntoForceReported',
      participant === undefined
        ? { effectiveDate, instrument: 'csto-charter-2002' }
        : { effectiveDate, instrument: 'csto-charter-2002', participant },
    ),
};

export const peacekeeping = {
  adopted: event('InstrumentAdopted', {
    effectiveDate: '2007-10-06',
    instrument: 'peacekeeping-agreement-2007',
    title: 'Agreement on the peacekeeping activities of the CSTO',
    kind: 'agreement',
    organisation: 'csto',
    rules: { entryIntoForce: { kind: 'on-nth-deposit', n: 4 }, withdrawalNoticeMonths: 6 },
  }),
  signed: (participant: string) =>
    event('InstrumentSigned', {
      effectiveDate: '2007-10-06',
      instrument: 'peacekeeping-agreement-2007',
      participant,
    }),
  deposited: (participant: string, effectiveDate: string) =>
    event('InstrumentDeposited', {
      effectiveDate,
      instrument: 'peacekeeping-agreement-2007',
      participant,
      kind: 'ratification',
    }),
  withdrawalNotified: (participant: string, effectiveDate: string) =>
    event('InstrumentWithdrawalNotified', {
      effectiveDate,
      instrument: 'peacekeeping-agreement-2007',
      participant,
    }),
};

export const csto = {
  admitted: (
    participant: string,
    effectiveDate: string,
    basis = 'csto-charter-2002',
    mode: 'original' | 'accession' | 'admission' | 'restoration' = 'admission',
  ) => event('MemberAdmitted', { effectiveDate, organisation: 'csto', participant, mode, basis }),
  suspended: (participant: string, effectiveDate: string) =>
    event('MembershipSuspended', {
      effectiveDate,
      organisation: 'csto',
      participant,
      decidedBy: 'csto-collective-security-council',
    }),
  restored: (participant: string, effectiveDate: string) =>
    event('MembershipRestored', {
      effectiveDate,
      organisation: 'csto',
      participant,
      decidedBy: 'csto-collective-security-council',
    }),
  frozen: (participant: string, effectiveDate: string) =>
    event('ParticipationFrozen', {
      effectiveDate,
      organisation: 'csto',
      participant,
      declaredBy: participant,
    }),
  unfrozen: (participant: string, effectiveDate: string) =>
    event('ParticipationUnfrozen', {
      effectiveDate,
      organisation: 'csto',
      participant,
      declaredBy: participant,
    }),
  withdrawalNotified: (participant: string, effectiveDate: string) =>
    event('MembershipWithdrawalNotified', {
      effectiveDate,
      organisation: 'csto',
      participant,
      instrument: 'csto-charter-2002',
    }),
  ended: (participant: string, effectiveDate: string) =>
    event('MembershipEnded', { effectiveDate, organisation: 'csto', participant, reason: 'withdrawal' }),
  observer: (participant: string, body: string, effectiveDate: string) =>
    event('ObserverStatusGranted', { effectiveDate, organisation: 'csto', participant, body }),
  partner: (participant: string, body: string, effectiveDate: string) =>
    event('PartnerStatusGranted', { effectiveDate, organisation: 'csto', participant, body }),
};

export const ORIGINAL = ['ARM', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB'];
export const RENEWING = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];
export const CHARTER_SIGNATORIES = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK'];

/** The Treaty from signature to the 1999 lapse for the three states that did not renew, as events/ records it. */
export function treatyHistory(): DomainEvent[] {
  const parties = [...ORIGINAL, 'AZE', 'GEO', 'BLR'];
  return [
    cst.adopted,
    ...ORIGINAL.map((p) => cst.signed(p)),
    cst.signed('AZE', '1993-09-24'),
    cst.signed('GEO', '1993-12-09'),
    cst.signed('BLR', '1993-12-31'),
    cst.inForce(),
    ...parties.map((p) => cst.inForce(p)),
    cst.extensionAdopted,
    ...RENEWING.map((p) => cst.extensionSigned(p)),
    cst.extended,
    ...['AZE', 'GEO', 'UZB'].map((p) => cst.terminated(p)),
  ];
}

/** The treaty history, then the Charter: established 2002, in force 2003-09-18 on the last signatory's deposit. */
export function charterHistory(): DomainEvent[] {
  return [
    ...treatyHistory(),
    charter.established,
    charter.adopted,
    ...CHARTER_SIGNATORIES.map((p) => charter.signed(p)),
    ...CHARTER_SIGNATORIES.map((p, i) => charter.deposited(p, i === 5 ? '2003-09-18' : `2003-0${i + 1}-10`)),
    charter.inForce(),
  ];
}

/** The smallest founding: the Charter adopted (in force on deposit), Armenia's deposit, the CSTO established on it. */
export function charterFounding(): DomainEvent[] {
  return [
    event('InstrumentAdopted', {
      effectiveDate: '2002-10-07',
      instrument: 'csto-charter-2002',
      title: 'Charter',
      kind: 'charter',
      rules: { entryIntoForce: { kind: 'on-deposit' }, withdrawalNoticeMonths: 6 },
    }),
    event('InstrumentDeposited', {
      effectiveDate: '2003-01-02',
      instrument: 'csto-charter-2002',
      participant: 'ARM',
      kind: 'ratification',
    }),
    event('OrganisationEstablished', {
      effectiveDate: '2002-10-07',
      organisation: 'csto',
      name: 'CSTO',
      foundingInstrument: 'csto-charter-2002',
    }),
  ];
}
