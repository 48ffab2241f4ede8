import { streamId } from '@app/domain';
import type { Fact } from '../record/fact';
import type { OrganisationHistory, OrganisationHistoryQuery } from '../queries/organisation-history';
import { deploymentsOf, phasesOf } from './deployments';
import { disputedDatesOf } from './disputes';
import { disagree } from './instrument';
import { foundingOf, readOrganisation } from './organisation';
import { byText, Record } from './record';
import { historyOf } from './participant-history';
import { instrumentsOf } from './scope';

/** The whole history of an organisation, read from the whole record. */
export function referenceOrganisationHistory(
  log: readonly Fact[],
  query: OrganisationHistoryQuery,
): OrganisationHistory {
  const record = new Record(log, query.knownAt);
  const { organisation: id } = query;
  const organisation = readOrganisation(record, id);
  const instruments = instrumentsOf(record, id);
  const deployments = deploymentsOf(record, id);
  // Everyone its record concerns: named by its stream, a party to any of its instruments, a host or contributor.
  const concerned = new Set<string>([
    ...(organisation?.changes.keys() ?? []),
    ...(organisation?.grants.map((grant) => grant.participant) ?? []),
  ]);
  for (const instrument of instruments)
    for (const participant of instrument.periods.keys()) concerned.add(participant);
  for (const deployment of deployments) {
    concerned.add(deployment.host);
    for (const contingent of deployment.contingents) concerned.add(contingent.contributor);
  }
  const founded = organisation === undefined ? null : foundingOf(record, organisation);
  return {
    organisation: id,
    name: organisation?.established?.name ?? null,
    knownAt: query.knownAt ?? null,
    founded: founded?.label ?? null,
    established: organisation?.established
      ? {
          foundingInstrument: organisation.established.foundingInstrument,
          predecessorInstrument: organisation.established.predecessorInstrument ?? null,
          eventId: organisation.established.eventId,
        }
      : null,
    disputes: disputedDatesOf(record, [
      streamId('organisation', id),
      ...instruments.map((instrument) => streamId('instrument', instrument.id)),
      ...deployments.map((deployment) => streamId('deployment', deployment.id)),
    ]),
    participants: [...concerned]
      .sort(byText)
      .map((participant) => ({ participant, spells: historyOf(record, participant, id) }))
      .filter(({ spells }) => spells.length > 0),
    instruments: instruments.map((instrument) => ({
      id: instrument.id,
      title: instrument.adopted?.title ?? null,
      kind: instrument.adopted?.kind ?? null,
      adopted: instrument.adopted?.date ?? null,
      entryIntoForce: {
        derived: instrument.derived?.label ?? null,
        reported: instrument.reported?.label ?? null,
        governing: instrument.governing?.label ?? null,
        disagreement: disagree(instrument.derived, instrument.reported),
      },
      eventIds: [...(instrument.adopted ? [instrument.adopted.eventId] : []), ...instrument.entryIds],
    })),
    deployments: deployments.map((deployment) => ({
      id: deployment.id,
      host: deployment.host,
      phases: phasesOf(deployment).map(({ status, at }) => ({ status, from: at.date, eventId: at.eventId })),
      contingents: deployment.contingents.map(({ contributor, date, eventId }) => ({
        contributor,
        from: date,
        eventId,
      })),
    })),
    externalStatuses: [...(organisation?.external ?? [])]
      .sort((a, b) => byText(a.body, b.body) || byText(a.status, b.status))
      .flatMap(({ body, status, spells }) =>
        spells.map(({ start, end, eventIds }) => ({
          body,
          status,
          from: start.label,
          to: end?.label ?? null,
          eventIds,
        })),
      ),
  };
}
