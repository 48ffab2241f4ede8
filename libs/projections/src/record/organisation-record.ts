import { streamId, type StreamCategory } from '@app/domain';
import type { Span } from '../time/span';
import {
  grantsByParticipant,
  type Dated,
  type DeploymentView,
  type GrantRecord,
  type InstrumentView,
  type OrganisationView,
} from './subject-views';
import type { ViewSource } from './view-source';

/** The order every answer lists names and ids in: by code unit, the same on every machine. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The organisation's instruments: its founding and predecessor instruments, those adopted within it, and the
 * protocols amending any of them (the 1999 and 2010 protocols to the 1992 Treaty were not adopted within the CSTO,
 * but its history is theirs too).
 */
export function organisationInstruments(source: ViewSource, id: string): InstrumentView[] {
  const established = source.organisation(id)?.established;
  const founding = established?.foundingInstrument;
  const predecessor = established?.predecessorInstrument;
  // The organisation's view enters only through the two instruments it names, which the key holds: the value reads
  // instruments alone, so that a past record holding them as the latest record does shares the latest's list.
  const key = `${id}\u0000${founding ?? ''}\u0000${predecessor ?? ''}`;
  return source.memo(
    null,
    'instruments',
    () => {
      // The views met while choosing, by id: a past record's question makes this list anew, and looked each one up twice.
      const views = new Map<string, InstrumentView | undefined>();
      const viewOf = (candidate: string): InstrumentView | undefined => {
        if (!views.has(candidate)) views.set(candidate, source.instrument(candidate));
        return views.get(candidate);
      };
      const ids = new Set<string>();
      for (const candidate of source.instrumentsOf(id))
        if (viewOf(candidate)?.adopted?.organisation === id) ids.add(candidate);
      for (const own of [founding, predecessor]) if (own) ids.add(own);
      for (const amended of ids) {
        for (const protocol of source.amendmentsOf(amended))
          if (viewOf(protocol)?.adopted?.rules.amends === amended) ids.add(protocol);
      }
      // The default order is `byText`'s (code units), with no comparator to call: a past record's question sorts anew.
      return [...ids]
        .sort()
        .map(viewOf)
        .filter((view) => view !== undefined);
    },
    key,
  );
}

/** A deployment whose request the record holds. */
export type RequestedDeployment = DeploymentView & {
  readonly requested: NonNullable<DeploymentView['requested']>;
};

/** The deployments requested by the organisation, by id: found once per set of views, not on every question. */
export function organisationDeployments(
  source: ViewSource,
  organisation: string,
): readonly RequestedDeployment[] {
  const derive = (): RequestedDeployment[] =>
    [...new Set(source.deploymentsOf(organisation))]
      .sort()
      .map((id) => source.deployment(id))
      .filter((view): view is RequestedDeployment => view?.requested?.organisation === organisation);
  return source.memo(null, 'deployments', derive, organisation);
}

/**
 * Visits the subjects whose facts make up an organisation's history, each once, by category and id: the organisation,
 * its instruments, its deployments. No stream id is made: a question about a past record visits every one of them to
 * look for disputes, and a set of stream ids per question was most of what that look cost.
 */
export function forEachOrganisationSubject(
  source: ViewSource,
  id: string,
  visit: (category: StreamCategory, id: string) => void,
): void {
  visit('organisation', id);
  for (const instrument of organisationInstruments(source, id)) visit('instrument', instrument.id);
  for (const deployment of organisationDeployments(source, id)) visit('deployment', deployment.id);
}

/** The streams whose facts make up an organisation's history. */
export function organisationSubjects(source: ViewSource, id: string): Set<string> {
  const subjects = new Set<string>();
  forEachOrganisationSubject(source, id, (category, subject) => subjects.add(streamId(category, subject)));
  return subjects;
}

/** A deployment's phases, in the order it goes through them. */
export type DeploymentPhaseName = 'requested' | 'authorized' | 'active' | 'withdrawing' | 'ended';
export type DeploymentStep = readonly [DeploymentPhaseName, Dated | null | undefined];

/** A deployment's phases in order, each with where its view holds the fact that began it: one list, read by every question. */
export const DEPLOYMENT_PHASES: readonly (readonly [
  DeploymentPhaseName,
  (view: DeploymentView) => Dated | null | undefined,
])[] = [
  ['requested', (view) => view.requested],
  ['authorized', (view) => view.authorized],
  ['active', (view) => view.contingents[0]],
  ['withdrawing', (view) => view.withdrawalStarted],
  ['ended', (view) => view.ended],
];

/** A deployment's phases in order, each with the fact that began it (none when the record has not reached it). */
export function deploymentSteps(view: DeploymentView): DeploymentStep[] {
  return DEPLOYMENT_PHASES.map(([phase, at]) => [phase, at(view)]);
}

/** Changes of a status granted and ended by turns (observer, partner, a status in another body). */
type GrantChanges = readonly (Dated & { readonly kind: 'granted' | 'ended' })[];

/** A spell of a status granted and ended by turns: from the grant, to the end (null: still open), and those two facts. */
export interface GrantSpell {
  readonly start: Span;
  readonly end: Span | null;
  readonly eventIds: readonly string[];
}

/** The spells of a status granted and ended by turns; a repeated grant while it holds changes nothing. */
export function openClose(changes: GrantChanges): GrantSpell[] {
  // Kept by a grant's timeline, mostly one spell: counted first and made at its length, where a list grown by `push`
  // keeps room for 17 (10 B per event at 200k events, measured), and one made at the most it can hold and cut to its
  // length takes V8's slow path for the cut (most grants are granted then ended: two changes, one spell).
  const spells = new Array<GrantSpell>(spellCount(changes));
  let at = 0;
  let open: Dated | null = null;
  for (const change of changes) {
    if (change.kind === 'granted' && open === null) open = change;
    else if (change.kind === 'ended' && open !== null) {
      spells[at++] = { start: open.span, end: change.span, eventIds: [open.eventId, change.eventId] };
      open = null;
    }
  }
  if (open !== null) spells[at++] = { start: open.span, end: null, eventIds: [open.eventId] };
  return spells;
}

/** How many spells `openClose` makes of the changes: one per grant while none is open. */
function spellCount(changes: GrantChanges): number {
  let count = 0;
  let open = false;
  for (const change of changes) {
    if (change.kind === 'granted' && !open) {
      count += 1;
      open = true;
    } else if (change.kind === 'ended') open = false;
  }
  return count;
}

/**
 * Grant records in the order answers list them: by participant, then by body (one record per role, participant and
 * body, so each role's are in that order too). The distinct participants are sorted in the default order, which is
 * `byText`'s (code units) and calls no comparator: a comparator called for each pair of records compared was a
 * tenth of what deriving an organisation's grant timelines cost (profiled). A view the fold made holds its records by
 * participant already (`grantsByParticipant`); another (cut to a past record) is grouped here.
 */
export function inAnswerOrder(organisation: OrganisationView): GrantRecord[] {
  const byParticipant = grantsByParticipant(organisation) ?? groupedByParticipant(organisation.grants);
  const ordered: GrantRecord[] = [];
  for (const participant of [...byParticipant.keys()].sort()) {
    const records = byParticipant.get(participant) as readonly GrantRecord[];
    // A copy to sort: the fold's lists are the view's own.
    for (const record of records.length > 1 ? [...records].sort((a, b) => byText(a.body, b.body)) : records)
      ordered.push(record);
  }
  return ordered;
}

function groupedByParticipant(grants: readonly GrantRecord[]): Map<string, GrantRecord[]> {
  const byParticipant = new Map<string, GrantRecord[]>();
  for (const record of grants) {
    const records = byParticipant.get(record.participant);
    if (records === undefined) byParticipant.set(record.participant, [record]);
    else records.push(record);
  }
  return byParticipant;
}
