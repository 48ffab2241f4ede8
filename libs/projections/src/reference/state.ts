import { streamId } from '@app/domain';
import type { Fact } from '../record/fact';
import type { StateQuery } from '../queries/query';
import type {
  DeploymentRow,
  ExternalStatusRow,
  GrantRow,
  InstrumentRow,
  MemberRow,
  OrganisationState,
  SignatoryRow,
  UncertainRow,
} from '../queries/organisation-state';
import { hasTakenEffect, isUncertainOn, sameSpan, type Span } from '../time/span';
import { holds, inForceOnDay, lastEnded, spellOnDay, uncertainRows } from './days';
import { entryIntoForceDoubt, undeterminedBy, unknownPartiesDoubt } from '../queries/rows';
import { deploymentsOf, phasesOf, type Deployment } from './deployments';
import { disputesOnDay, flagged } from './disputes';
import { boundOf, disagree, partiesOf, type Instrument } from './instrument';
import {
  candidatesOf,
  foundingOf,
  membershipOf,
  predecessorOf,
  readOrganisation,
  statusesOf,
  type Membership,
  type Organisation,
} from './organisation';
import { byText, Record } from './record';
import { instrumentsOf } from './scope';

/** The organisation on one day, read from the whole record. */
export function referenceStateAsOf(log: readonly Fact[], query: StateQuery): OrganisationState {
  const record = new Record(log, query.knownAt);
  const { organisation: id, asOf: day } = query;
  const organisation = readOrganisation(record, id);
  const uncertain: UncertainRow[] = [];
  const founding = organisation === undefined ? null : foundingOf(record, organisation);
  if (founding !== null && isUncertainOn(founding, day)) {
    uncertain.push({
      subject: id,
      status: 'exists',
      from: founding.from,
      to: founding.to,
      because: `the founding instrument enters into force on ${founding.label}, known only to a period`,
    });
  }
  const exists = founding !== null && hasTakenEffect(founding, day);
  const instruments = instrumentsOf(record, id);
  const deployments = deploymentsOf(record, id);
  // The index reads the deployments first: their uncertain rows follow the organisation's own.
  const { present, pending } = deploymentRows(deployments, day, uncertain);
  const members = organisation === undefined ? [] : memberRows(record, organisation, exists, day, uncertain);
  const signatories = signatoryRows(record, instruments, day);
  const observers = organisation === undefined ? [] : grantRows(organisation, 'observer', day, uncertain);
  const partners = organisation === undefined ? [] : grantRows(organisation, 'partner', day, uncertain);
  const externalStatuses = organisation === undefined ? [] : externalRows(organisation, day, uncertain);
  const instrumentRows = instruments.flatMap((instrument) =>
    instrumentRow(record, instrument, day, uncertain),
  );
  const streams = [
    streamId('organisation', id),
    ...instruments.map((instrument) => streamId('instrument', instrument.id)),
    ...deployments.map((deployment) => streamId('deployment', deployment.id)),
  ];
  const disputes = disputesOnDay(record, streams, day);
  const flag = <R extends { readonly eventIds: readonly string[] }>(rows: readonly R[]): R[] =>
    rows.map((row) => flagged(row, disputes.byId));
  return {
    organisation: id,
    asOf: day,
    knownAt: query.knownAt ?? null,
    exists,
    members: flag(members),
    signatories: flag(signatories),
    observers: flag(observers),
    partners: flag(partners),
    externalStatuses: flag(externalStatuses),
    instruments: flag(instrumentRows),
    deployments: flag(present),
    pendingDeployments: flag(pending),
    uncertain: [...uncertain, ...disputes.rows],
  };
}

/**
 * Members on the day: before the organisation exists, the parties to its predecessor treaty; from then on its own
 * members, each with its one status of the day.
 */
function memberRows(
  record: Record,
  organisation: Organisation,
  exists: boolean,
  day: string,
  uncertain: UncertainRow[],
): MemberRow[] {
  const rows: MemberRow[] = [];
  for (const participant of candidatesOf(record, organisation).sort(byText)) {
    const spells = exists
      ? membershipOf(record, organisation, participant)
      : predecessorOf(record, organisation, participant);
    uncertain.push(
      ...uncertainRows(
        spells,
        day,
        exists ? 'membership' : (spells[0]?.basis ?? 'membership'),
        participant,
        exists ? 'member' : 'party',
      ),
    );
    const found = spellOnDay(spells, day);
    if (found === undefined) continue;
    const statuses = statusesOf(record, organisation, participant);
    const suspended = statuses.filter((status) => status.status === 'suspended');
    const frozen = statuses.filter((status) => status.status === 'frozen');
    uncertain.push(
      ...uncertainRows(suspended, day, 'membership', participant, 'suspended'),
      ...uncertainRows(frozen, day, 'membership', participant, 'frozen'),
    );
    const current =
      [...suspended].reverse().find((status) => holds(status, day)) ??
      [...frozen].reverse().find((status) => holds(status, day));
    const since = runStart(spells, found.spell);
    let statusSince = since;
    for (const end of [lastEnded(suspended, day), lastEnded(frozen, day)])
      if (end !== null && end.from > statusSince.from) statusSince = end;
    rows.push({
      participant,
      status: current?.status ?? 'active',
      basis: found.spell.basis,
      since: since.label,
      statusSince: current ? current.start.label : statusSince.label,
      ...undeterminedBy(found.doubt ?? spellOnDay(suspended, day)?.doubt ?? spellOnDay(frozen, day)?.doubt),
      eventIds: current ? [...found.spell.eventIds, ...current.eventIds] : found.spell.eventIds,
    });
  }
  return rows;
}

/** The first day of the unbroken run of spells the spell belongs to. */
function runStart(spells: readonly Membership[], spell: Membership): Span {
  let index = spells.indexOf(spell);
  while (
    index > 0 &&
    spells[index - 1]?.end &&
    sameSpan(spells[index - 1]?.end as Span, (spells[index] as Membership).start)
  )
    index -= 1;
  return (spells[index] as Membership).start;
}

/** Signed, in the latest period signed by the day, and not bound yet. */
function signatoryRows(record: Record, instruments: readonly Instrument[], day: string): SignatoryRow[] {
  const rows: SignatoryRow[] = [];
  for (const instrument of instruments) {
    for (const [participant, bonds] of [...partiesOf(record, instrument)].sort(([a], [b]) => byText(a, b))) {
      const signed = bonds
        .filter(
          (bond) => bond.period.signature !== undefined && hasTakenEffect(bond.period.signature.span, day),
        )
        .at(-1);
      const signature = signed?.period.signature;
      if (
        signed === undefined ||
        signature === undefined ||
        (signed.start !== null && hasTakenEffect(signed.start, day))
      )
        continue;
      rows.push({
        participant,
        instrument: instrument.id,
        since: signature.date,
        eventIds: [signature.eventId],
      });
    }
  }
  return rows;
}

function grantRows(
  organisation: Organisation,
  role: 'observer' | 'partner',
  day: string,
  uncertain: UncertainRow[],
): GrantRow[] {
  const rows: GrantRow[] = [];
  const grants = organisation.grants
    .filter((grant) => grant.role === role)
    .sort((a, b) => byText(a.participant, b.participant) || byText(a.body, b.body));
  for (const grant of grants) {
    uncertain.push(...uncertainRows(grant.spells, day, grant.body, grant.participant, role));
    const found = spellOnDay(grant.spells, day);
    if (found)
      rows.push({
        participant: grant.participant,
        body: grant.body,
        since: found.spell.start.label,
        ...undeterminedBy(found.doubt),
        eventIds: found.spell.eventIds,
      });
  }
  return rows;
}

function externalRows(
  organisation: Organisation,
  day: string,
  uncertain: UncertainRow[],
): ExternalStatusRow[] {
  const rows: ExternalStatusRow[] = [];
  for (const external of organisation.external) {
    uncertain.push(...uncertainRows(external.spells, day, external.body, undefined, external.status));
    const found = spellOnDay(external.spells, day);
    if (found)
      rows.push({
        body: external.body,
        status: external.status,
        since: found.spell.start.label,
        ...undeterminedBy(found.doubt),
        eventIds: found.spell.eventIds,
      });
  }
  return rows.sort((a, b) => byText(a.body, b.body) || byText(a.status, b.status));
}

/** An instrument adopted by the day: in force or not, its parties on the day. */
function instrumentRow(
  record: Record,
  instrument: Instrument,
  day: string,
  uncertain: UncertainRow[],
): InstrumentRow[] {
  const adopted = instrument.adopted;
  if (adopted === null || !hasTakenEffect(adopted.span, day)) return [];
  const { inForce, doubt } = inForceOnDay(instrument.governing, day);
  if (doubt) uncertain.push(entryIntoForceDoubt(instrument.id, doubt));
  const parties: string[] = [];
  for (const [participant, bonds] of [...partiesOf(record, instrument)].sort(([a], [b]) => byText(a, b))) {
    const bound = boundOf(bonds);
    uncertain.push(...uncertainRows(bound, day, instrument.id, participant, 'party'));
    if (bound.some((spell) => holds(spell, day))) parties.push(participant);
  }
  const signatories = signatoryRows(record, [instrument], day).map((row) => row.participant);
  if (
    instrument.derived === null &&
    instrument.governing !== null &&
    inForce !== false &&
    signatories.length > 0
  ) {
    uncertain.push(unknownPartiesDoubt(instrument.id, instrument.governing, signatories, day));
  }
  const row: InstrumentRow = {
    id: instrument.id,
    inForce,
    since: inForce === true && instrument.governing ? instrument.governing.label : null,
    ...undeterminedBy(doubt),
    parties,
    eventIds: [adopted.eventId, ...instrument.entryIds.filter((eventId) => eventId !== adopted.eventId)],
  };
  return [
    disagree(instrument.derived, instrument.reported)
      ? {
          ...row,
          disagreement: {
            derived: instrument.derived?.label ?? null,
            reported: instrument.reported?.label ?? null,
          },
        }
      : row,
  ];
}

/** Operations present on the day (`active`, `withdrawing`) and those requested or authorised, not yet arrived. */
function deploymentRows(
  deployments: readonly Deployment[],
  day: string,
  uncertain: UncertainRow[],
): { present: DeploymentRow[]; pending: DeploymentRow[] } {
  const present: DeploymentRow[] = [];
  const pending: DeploymentRow[] = [];
  for (const deployment of deployments) {
    const phases = phasesOf(deployment);
    for (const { status, at } of phases) {
      if (isUncertainOn(at.span, day))
        uncertain.push({
          subject: deployment.id,
          status,
          from: at.span.from,
          to: at.span.to,
          because: `${status} on ${at.date}, known only to a period`,
        });
    }
    const reached = phases.filter(({ at }) => hasTakenEffect(at.span, day));
    const status = reached.at(-1)?.status;
    if (status === undefined || status === 'ended') continue;
    const arrived = deployment.contingents.filter((contingent) => hasTakenEffect(contingent.span, day));
    const row: DeploymentRow = {
      id: deployment.id,
      host: deployment.host,
      status,
      contributors: [...new Set(arrived.map((contingent) => contingent.contributor))].sort(byText),
      eventIds: [
        ...new Set([
          ...reached.map(({ at }) => at.eventId),
          ...arrived.map((contingent) => contingent.eventId),
        ]),
      ],
    };
    (status === 'active' || status === 'withdrawing' ? present : pending).push(row);
  }
  return { present, pending };
}
