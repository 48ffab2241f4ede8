import { parseStreamId, streamId, type Reading, type SubjectEvent } from '@app/domain';
import { forEachOrganisationSubject } from './organisation-record';
import { hasTakenEffect, spanOf, type Span, type UncertainRow } from '../time/span';
import type { ViewSource } from './view-source';

/**
 * A row whose status on the day hangs on a disputed fact: the sources give readings of that fact under which the
 * answer for the day would differ. The row shows the reading followed; this names the fact, why it is followed,
 * each reading, and what the other reading would mean on the day.
 */
export interface Disputed {
  readonly eventId: string;
  readonly followed: string;
  readonly readings: readonly { readonly claim: string; readonly effectiveDate: string | null }[];
  /** E.g. "under the other reading (20 April 1999), GEO has already ceased to be a party to cst-1992". */
  readonly effect: string;
}

interface DisputedFact {
  readonly eventId: string;
  readonly subject: string;
  readonly event: SubjectEvent;
  readonly span: Span;
  readonly readings: readonly (Reading & { readonly span: Span | null })[];
  readonly followed: string;
}

/**
 * The disputed facts of an organisation's subjects (`forEachOrganisationSubject`), found once per set of views
 * (disputes are rare): one value per subject, so that a past record shares those of the subjects it holds as the
 * latest record does and reads afresh only the others (an organisation's own stream, mostly). A subject none of
 * whose contents was ever disputed is passed over by its category and id, with no stream id made for it.
 */
function disputedFacts(source: ViewSource, organisation: string): readonly DisputedFact[] {
  return source.memo(
    null,
    'disputed',
    () => {
      let found: DisputedFact[] | undefined;
      forEachOrganisationSubject(source, organisation, (category, id) => {
        if (!source.mayHoldDisputes(category, id)) return;
        const facts = disputedFactsOf(source, streamId(category, id));
        if (facts.length > 0) (found ??= []).push(...facts);
      });
      return found ?? UNDISPUTED;
    },
    organisation,
  );
}

/** Most subjects have no disputed fact: they share one empty list, held once per subject while the views stand. */
const UNDISPUTED: readonly DisputedFact[] = Object.freeze([]);

/** The disputed facts of a subject that may hold some: reading every fact of a subject to find none was a tenth of a first question about an organisation. */
function disputedFactsOf(source: ViewSource, subject: string): readonly DisputedFact[] {
  return source.memo(
    null,
    'disputed-facts',
    () => {
      const found: DisputedFact[] = [];
      for (const fact of source.facts(subject)) {
        const dispute = fact.event.dispute;
        if (dispute === undefined) continue;
        const readings = dispute.readings.map((reading) => ({
          ...reading,
          span: reading.effectiveDate === undefined ? null : spanOf(reading.effectiveDate),
        }));
        found.push({
          eventId: fact.id,
          subject,
          event: fact.event,
          span: spanOf(fact.event.effectiveDate),
          readings,
          followed: dispute.followed,
        });
      }
      return found.length === 0 ? UNDISPUTED : found;
    },
    subject,
  );
}

/**
 * The disputes that matter on `day`, by event id: facts whose reading followed and some dated reading fall on
 * different sides of the day, so that the status they decide differs between them.
 */
export function disputesOn(
  source: ViewSource,
  organisation: string,
  day: string,
): ReadonlyMap<string, Disputed> {
  const disputes = new Map<string, Disputed>();
  for (const fact of disputedFacts(source, organisation)) {
    const followedHappened = hasTakenEffect(fact.span, day);
    const other = fact.readings.find(
      (reading) => reading.span !== null && hasTakenEffect(reading.span, day) !== followedHappened,
    );
    if (other === undefined) continue;
    disputes.set(fact.eventId, {
      eventId: fact.eventId,
      followed: fact.followed,
      readings: fact.readings.map(({ claim, effectiveDate }) => ({
        claim,
        effectiveDate: effectiveDate ?? null,
      })),
      effect: `under the other reading (${other.claim}), ${whoOf(fact)} ${followedHappened ? 'has not yet' : 'has already'} ${whatOf(fact.event)}`,
    });
  }
  return disputes;
}

/**
 * A disputed fact of an organisation's record, whatever the day: the date the record follows and why, the other
 * readings, and the days from the earliest to the latest reading (what a chart hatches).
 */
export interface DisputedDate {
  readonly eventId: string;
  readonly date: string;
  readonly followed: string;
  readonly readings: readonly { readonly claim: string; readonly effectiveDate: string | null }[];
  readonly from: string;
  readonly to: string;
}

/** Every disputed fact of the organisation's subjects, by its first possible day, then by id. */
export function disputedDates(source: ViewSource, organisation: string): DisputedDate[] {
  return disputedFacts(source, organisation)
    .map((fact) => ({
      eventId: fact.eventId,
      date: fact.event.effectiveDate,
      followed: fact.followed,
      readings: fact.readings.map(({ claim, effectiveDate }) => ({
        claim,
        effectiveDate: effectiveDate ?? null,
      })),
      ...readingsSpan(fact),
    }))
    .sort((a, b) =>
      a.from < b.from ? -1 : a.from > b.from ? 1 : a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0,
    );
}

/** The days from the earliest to the latest of a disputed fact's readings, the one followed included. */
function readingsSpan(fact: DisputedFact): { from: string; to: string } {
  const spans = [fact.span, ...fact.readings.flatMap((reading) => (reading.span ? [reading.span] : []))];
  return {
    from: spans.reduce((a, b) => (b.from < a ? b.from : a), fact.span.from),
    to: spans.reduce((a, b) => (b.to > a ? b.to : a), fact.span.to),
  };
}

/** The uncertain rows of the disputes on the day, one per disputed fact, from the earliest to the latest reading. */
export function disputedRows(
  disputes: ReadonlyMap<string, Disputed>,
  source: ViewSource,
  organisation: string,
): UncertainRow[] {
  return disputedFacts(source, organisation)
    .filter((fact) => disputes.has(fact.eventId))
    .map((fact) => {
      const { from, to } = readingsSpan(fact);
      const disputed = disputes.get(fact.eventId) as Disputed;
      const participant = participantOf(fact.event);
      return {
        subject: parseStreamId(fact.subject)?.id ?? fact.subject,
        ...(participant ? { participant } : {}),
        status: 'disputed',
        from,
        to,
        because: disputed.effect,
        disputed,
      };
    });
}

/** A row flagged with the first dispute among the facts it rests on, if any. */
export function withDispute<R extends { readonly eventIds: readonly string[] }>(
  row: R,
  disputes: ReadonlyMap<string, Disputed>,
): R {
  if (disputes.size === 0) return row;
  const disputed = row.eventIds.map((id) => disputes.get(id)).find((found) => found !== undefined);
  return disputed === undefined ? row : { ...row, disputed };
}

function participantOf(event: SubjectEvent): string | undefined {
  if ('participant' in event) return event.participant;
  return 'contributor' in event ? event.contributor : undefined;
}

function whoOf(fact: DisputedFact): string {
  return participantOf(fact.event) ?? parseStreamId(fact.subject)?.id ?? fact.subject;
}

/**
 * What the fact makes true, as the end of a sentence whose subject is `whoOf` ("… has already signed cst-1992"): the
 * wording, shared with the reference fold (words, not a reading of the record).
 */
export function whatOf(event: SubjectEvent): string {
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
