import { parseStreamId, type SubjectEvent } from '@app/domain';
import type { Disputed } from '../disputes';
import type { UncertainRow } from '../span';
import { hasTakenEffect, spanOf } from '../span';
import { participantOf, type Record } from './record';

/**
 * The disputes that matter on the day among the facts of the given streams, in their order: a fact whose reading
 * followed and another dated reading fall on different sides of the day. Each gives an uncertain row, and flags
 * every row resting on the fact.
 */
export function disputesOnDay(
  record: Record,
  streams: Iterable<string>,
  day: string,
): { byId: ReadonlyMap<string, Disputed>; rows: UncertainRow[] } {
  const byId = new Map<string, Disputed>();
  const rows: UncertainRow[] = [];
  for (const stream of streams) {
    for (const fact of record.stream(stream)) {
      const dispute = fact.event.dispute;
      if (dispute === undefined) continue;
      const followed = spanOf(fact.event.effectiveDate);
      const happened = hasTakenEffect(followed, day);
      const other = dispute.readings.find(
        (reading) =>
          reading.effectiveDate !== undefined &&
          hasTakenEffect(spanOf(reading.effectiveDate), day) !== happened,
      );
      if (other === undefined) continue;
      const subject = parseStreamId(stream)?.id ?? stream;
      const disputed: Disputed = {
        eventId: fact.id,
        followed: dispute.followed,
        readings: dispute.readings.map((reading) => ({
          claim: reading.claim,
          effectiveDate: reading.effectiveDate ?? null,
        })),
        effect: `under the other reading (${other.claim}), ${participantOf(fact.event) ?? subject} ${happened ? 'has not yet' : 'has already'} ${madeTrue(fact.event)}`,
      };
      byId.set(fact.id, disputed);
      const spans = [
        followed,
        ...dispute.readings.flatMap((reading) =>
          reading.effectiveDate === undefined ? [] : [spanOf(reading.effectiveDate)],
        ),
      ];
      const participant = participantOf(fact.event);
      rows.push({
        subject,
        ...(participant ? { participant } : {}),
        status: 'disputed',
        from: spans.map((span) => span.from).sort()[0] as string,
        to: spans
          .map((span) => span.to)
          .sort()
          .at(-1) as string,
        because: disputed.effect,
        disputed,
      } as UncertainRow);
    }
  }
  return { byId, rows };
}

/** The row with the dispute of the first fact it rests on that is disputed on the day. */
export function flagged<R extends { readonly eventIds: readonly string[] }>(
  row: R,
  disputes: ReadonlyMap<string, Disputed>,
): R {
  const disputed = row.eventIds.map((id) => disputes.get(id)).find((found) => found !== undefined);
  return disputed === undefined ? row : { ...row, disputed };
}

/** What the fact makes true, completing "<who> has already …". */
function madeTrue(event: SubjectEvent): string {
  switch (event.type) {
    case 'InstrumentAdopted':
      return 'been adopted';
    case 'InstrumentSigned':
      return `signed ${event.instrument}`;
    case 'RatificationLawEnacted':
      return `enacted its law ratifying ${event.instrument}`;
    case 'InstrumentDeposited':
      return `deposited its instrument of ${event.kind} of ${event.instrument}`;
    case 'EntryIntoForceReported':
      return event.participant === undefined ? 'entered into force' : `become bound by ${event.instrument}`;
    case 'InstrumentWithdrawalNotified':
      return `given notice of withdrawal from ${event.instrument}`;
    case 'InstrumentTerminatedForParticipant':
      return `ceased to be a party to ${event.instrument}`;
    case 'InstrumentAmended':
      return `been amended by ${event.protocol}`;
    case 'OrganisationEstablished':
      return 'been established';
    case 'MemberAdmitted':
      return `become a member of ${event.organisation}`;
    case 'MembershipSuspended':
      return `been suspended in ${event.organisation}`;
    case 'MembershipRestored':
      return `been restored in ${event.organisation}`;
    case 'ParticipationFrozen':
      return `frozen its participation in ${event.organisation}`;
    case 'ParticipationUnfrozen':
      return `resumed its participation in ${event.organisation}`;
    case 'MembershipWithdrawalNotified':
      return `given notice of withdrawal from ${event.organisation}`;
    case 'MembershipEnded':
      return `ceased to be a member of ${event.organisation}`;
    case 'ObserverStatusGranted':
      return `become an observer (${event.body})`;
    case 'ObserverStatusEnded':
      return `ceased to be an observer (${event.body})`;
    case 'PartnerStatusGranted':
      return `become a partner (${event.body})`;
    case 'PartnerStatusEnded':
      return `ceased to be a partner (${event.body})`;
    case 'ExternalStatusGranted':
      return `gained ${event.status} status in ${event.body}`;
    case 'ExternalStatusEnded':
      return `lost its ${event.status} status in ${event.body}`;
    case 'SecretaryGeneralAppointed':
      return `appointed ${event.person} Secretary-General`;
    case 'DecisionAdopted':
      return `adopted "${event.title}"`;
    case 'PositionStated':
      return `stated its position (${event.kind})`;
    case 'BodyEstablished':
      return `established ${event.body}`;
    case 'InstrumentRegistered':
      return `been registered with ${event.registeredWith}`;
    case 'DeploymentRequested':
      return `requested deployment ${event.deployment}`;
    case 'DeploymentAuthorized':
      return `authorised deployment ${event.deployment}`;
    case 'ContingentDeployed':
      return `deployed its contingent to ${event.deployment}`;
    case 'DeploymentWithdrawalStarted':
      return `begun to withdraw from ${event.deployment}`;
    case 'DeploymentEnded':
      return `ended deployment ${event.deployment}`;
  }
}
