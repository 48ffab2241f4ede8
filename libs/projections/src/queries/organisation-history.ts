import type { HistoryQuery } from './query';
import { generalEntryIntoForce } from '../record/instrument-rules';
import { datesCompared, type DatesCompared } from './instrument-status';
import { foundingOf } from '../record/membership';
import { disputedDates, type DisputedDate } from '../record/disputes';
import {
  byText,
  deploymentSteps,
  openClose,
  organisationDeployments,
  organisationInstruments,
  type DeploymentPhaseName,
  type RequestedDeployment,
} from '../record/organisation-record';
import { composeHistory, type HistorySpell } from './participant-history';
import type { InstrumentView, OrganisationView } from '../record/subject-views';
import type { ViewSource } from '../record/view-source';

export interface OrganisationHistoryQuery extends HistoryQuery {
  readonly organisation: string;
}

/** Everyone the organisation's record concerns, each with their spells in it (as `participantHistory` gives them). */
export interface ParticipantSpells {
  readonly participant: string;
  readonly spells: readonly HistorySpell[];
}

export interface InstrumentDates {
  readonly id: string;
  readonly title: string | null;
  readonly kind: string | null;
  readonly adopted: string | null;
  readonly entryIntoForce: DatesCompared;
  /** The facts its status rests on: its adoption, the consents its entry-into-force clause counts, any report of it. */
  readonly eventIds: readonly string[];
}

export interface DeploymentPhase {
  readonly status: DeploymentPhaseName;
  readonly from: string;
  readonly eventId: string;
}

export interface DeploymentHistory {
  readonly id: string;
  readonly host: string;
  readonly phases: readonly DeploymentPhase[];
  readonly contingents: readonly {
    readonly contributor: string;
    readonly from: string;
    readonly eventId: string;
  }[];
}

/** A status of the organisation itself in another body (e.g. observer in the UN General Assembly), as a spell. */
export interface ExternalStatusSpell {
  readonly body: string;
  readonly status: string;
  readonly from: string;
  readonly to: string | null;
  readonly eventIds: readonly string[];
}

/** What the founding record says: the instrument that founds the organisation, and the treaty it succeeds. */
export interface Establishment {
  readonly foundingInstrument: string;
  readonly predecessorInstrument: string | null;
  readonly eventId: string;
}

/** The whole history of an organisation at a glance, as the record stood at `knownAt`: what a timeline chart draws. */
export interface OrganisationHistory {
  readonly organisation: string;
  /** As the founding record names it; null before the record holds it. */
  readonly name: string | null;
  readonly knownAt: string | null;
  /** The founding instrument's entry into force (governing date); null while it is not known to be in force. */
  readonly founded: string | null;
  /** Null before the record holds the organisation's founding. */
  readonly established: Establishment | null;
  /** Every disputed fact of the organisation's record, whatever the day: a spell resting on one rests on a disputed date. */
  readonly disputes: readonly DisputedDate[];
  readonly participants: readonly ParticipantSpells[];
  readonly instruments: readonly InstrumentDates[];
  readonly deployments: readonly DeploymentHistory[];
  readonly externalStatuses: readonly ExternalStatusSpell[];
}

export function composeOrganisationHistory(
  source: ViewSource,
  query: OrganisationHistoryQuery,
): OrganisationHistory {
  const { organisation: id, knownAt } = query;
  const organisation = source.organisation(id);
  const instruments = organisationInstruments(source, id);
  const deployments = organisationDeployments(source, id);
  const participants = [...participantsOf(organisation, instruments, deployments)]
    .sort(byText)
    .map((participant) => ({
      participant,
      spells: composeHistory(source, participant, { organisation: id, knownAt }),
    }))
    .filter(({ spells }) => spells.length > 0);
  return {
    organisation: id,
    name: organisation?.established?.name ?? null,
    knownAt: knownAt ?? null,
    founded: organisation ? (foundingOf(source, organisation)?.label ?? null) : null,
    established: establishmentOf(organisation),
    disputes: disputedDates(source, id),
    participants,
    instruments: instruments.map((view) => instrumentDates(source, view)),
    deployments: deployments.map(deploymentHistory),
    externalStatuses: organisation ? externalStatusSpells(organisation) : [],
  };
}

function establishmentOf(organisation: OrganisationView | undefined): Establishment | null {
  const established = organisation?.established;
  if (!established) return null;
  return {
    foundingInstrument: established.foundingInstrument,
    predecessorInstrument: established.predecessorInstrument ?? null,
    eventId: established.eventId,
  };
}

function participantsOf(
  organisation: OrganisationView | undefined,
  instruments: readonly InstrumentView[],
  deployments: readonly RequestedDeployment[],
): Set<string> {
  const found = new Set<string>(organisation?.members.keys());
  for (const grant of organisation?.grants.values() ?? []) found.add(grant.participant);
  for (const instrument of instruments)
    for (const participant of instrument.parties.keys()) found.add(participant);
  for (const deployment of deployments) {
    found.add(deployment.requested.host);
    for (const contingent of deployment.contingents) found.add(contingent.contributor);
  }
  return found;
}

function instrumentDates(source: ViewSource, view: InstrumentView): InstrumentDates {
  const general = generalEntryIntoForce(source, view);
  return {
    id: view.id,
    title: view.adopted?.title ?? null,
    kind: view.adopted?.instrumentKind ?? null,
    adopted: view.adopted?.date ?? null,
    entryIntoForce: datesCompared(general.derived, general.reported),
    eventIds: [...(view.adopted ? [view.adopted.eventId] : []), ...general.eventIds],
  };
}

function deploymentHistory(view: RequestedDeployment): DeploymentHistory {
  const phases: DeploymentPhase[] = [];
  for (const [status, at] of deploymentSteps(view))
    if (at) phases.push({ status, from: at.date, eventId: at.eventId });
  return {
    id: view.id,
    host: view.requested.host,
    phases,
    contingents: view.contingents.map(({ contributor, date, eventId }) => ({
      contributor,
      from: date,
      eventId,
    })),
  };
}

function externalStatusSpells(organisation: OrganisationView): ExternalStatusSpell[] {
  return [...organisation.external.values()]
    .sort((a, b) => byText(a.body, b.body) || byText(a.status, b.status))
    .flatMap(({ body, status, changes }) =>
      openClose(changes).map(({ start, end, eventIds }) => ({
        body,
        status,
        from: start.label,
        to: end?.label ?? null,
        eventIds,
      })),
    );
}
