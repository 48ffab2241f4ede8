import {
  parseStreamId,
  type DeploymentEvent,
  type OrganisationEvent,
  type DEPOSIT_KINDS,
  type InstrumentRules,
  type RatificationAct,
  type TERMINATION_REASONS,
} from '@app/domain';
// The event tests from their own module, not the domain's index: the index re-exports through a getter, met once per fact.
import { isDeploymentEvent, isInstrumentEvent, isOrganisationEvent } from '@app/domain/events/catalogue';
import type { ResolvedFact } from './fact';
import type { Span } from '../time/span';
import { dated, evolveInstrument } from './instrument-view';

/** A recorded change: its date as written, the days it may fall on, and the event that says so. */
export interface Dated {
  readonly date: string;
  readonly span: Span;
  readonly eventId: string;
}

/**
 * The recorded position of the fact that made a change (its own: a past view is cut this way only from a log whose
 * contents are all held from their own fact's position): a past view keeps the changes recorded by its cutoff.
 */
export interface Recorded {
  readonly position: number;
}

export type MemberChange = Dated &
  Recorded & {
    readonly kind: 'admitted' | 'ended' | 'notified' | 'suspended' | 'restored' | 'frozen' | 'unfrozen';
    /** The instrument named by an admission (`basis`) or a withdrawal notice. */
    readonly instrument?: string;
  };

/** A change of an observer, partner or external status. */
export type StatusChange = Dated & Recorded & { readonly kind: 'granted' | 'ended' };

export interface GrantRecord {
  readonly role: 'observer' | 'partner';
  readonly participant: string;
  readonly body: string;
  readonly changes: StatusChange[];
}

export interface ExternalRecord {
  readonly body: string;
  readonly status: string;
  readonly changes: StatusChange[];
}

export interface OrganisationView {
  readonly kind: 'organisation';
  readonly id: string;
  established:
    | (Dated &
        Recorded & {
          readonly name: string;
          readonly foundingInstrument: string;
          readonly predecessorInstrument?: string;
        })
    | null;
  /** Membership changes per participant, in effective order. */
  readonly members: Map<string, MemberChange[]>;
  /** Observer and partner statuses, one record per role, participant and body, in the order they were first met. */
  readonly grants: readonly GrantRecord[];
  readonly external: Map<string, ExternalRecord>;
  /**
   * Set on a past record's view cut from the latest one (`organisationAt`): the latest view and the recorded
   * position cut at. Values derived from such a view may reuse the latest view's, key by key, where its lists are kept whole.
   */
  readonly cutFrom?: OrganisationCut;
}

/** The view a past organisation view was cut from, and the last recorded position whose changes it keeps. */
export interface OrganisationCut {
  readonly view: OrganisationView;
  readonly cutoff: number;
}

/** One period of a participant's consent to an instrument: the first fact of each kind within it. */
export interface PartyEpisode {
  signature?: Consent & { readonly kind: 'signature' };
  ratification?: Dated & { readonly act: RatificationAct };
  deposit?: Consent & { readonly kind: 'deposit'; readonly depositKind: (typeof DEPOSIT_KINDS)[number] };
  reportedInForce?: Dated;
  withdrawalNotice?: Dated;
  termination?: Dated & { readonly reason: (typeof TERMINATION_REASONS)[number] };
}

/**
 * What the record holds about one participant under an instrument: its first period of consent, and the later
 * ones of a participant that left and became a party anew (Uzbekistan and the 1992 Treaty). A signature,
 * ratification, deposit or report of entry into force for it that follows a recorded termination opens a new
 * period, as the instrument decider allows; within a period the first fact of each kind counts. Most participants
 * have one period, so the first is the record itself and `later` stays unset.
 */
export interface PartyRecord extends PartyEpisode {
  readonly participant: string;
  later?: PartyEpisode[];
}

/** The periods of a participant's consent, in effective order. */
export function episodesOf(record: PartyRecord): readonly PartyEpisode[] {
  return record.later === undefined ? [record] : [record, ...record.later];
}

/** A signature or a deposit: a participant's consent, as an episode holds it and as the clauses count it. */
export interface Consent extends Dated {
  readonly participant: string;
  readonly kind: 'signature' | 'deposit';
}

export interface InstrumentView {
  readonly kind: 'instrument';
  readonly id: string;
  adopted:
    | (Dated & {
        readonly title: string;
        readonly instrumentKind: string;
        readonly organisation?: string;
        readonly rules: InstrumentRules;
      })
    | null;
  reportedGeneral: Dated | null;
  readonly amendments: (Dated & { readonly protocol: string })[];
  /**
   * Each participant's first signature and first deposit, in effective order: what the clauses count. They are the
   * first episodes' own objects (`ConsentOf`), not copies: one object per consent instead of two (27 B per event at
   * 200k events, measured).
   */
  readonly consents: Consent[];
  readonly parties: Map<string, PartyRecord>;
}

export interface DeploymentView {
  readonly kind: 'deployment';
  readonly id: string;
  requested: (Dated & { readonly organisation: string; readonly host: string }) | null;
  authorized: Dated | null;
  readonly contingents: (Dated & { readonly contributor: string })[];
  withdrawalStarted: Dated | null;
  ended: Dated | null;
}

export type SubjectView = OrganisationView | InstrumentView | DeploymentView;

/**
 * The view of one subject, folded from its resolved facts, given in effective order then recorded order. The first
 * recorded signature, deposit, report or notice of a participant is the one that counts; later ones of the same
 * kind repeat it (a re-deposit does not move entry into force). `spans` gives each date's span: the index passes
 * its own `Spans`, so that every view shares one object per distinct date.
 */
export function buildView(
  subject: string,
  facts: readonly ResolvedFact[],
  spans: (date: string) => Span,
): SubjectView | undefined {
  if (facts.length === 0) return undefined;
  const view = emptyView(subject);
  for (const fact of facts) evolveView(view, fact, spans);
  return view;
}

function emptyView(subject: string): SubjectView {
  const { category, id } = parseStreamId(subject) ?? { category: 'organisation', id: subject };
  if (category === 'deployment') {
    return {
      kind: 'deployment',
      id,
      requested: null,
      authorized: null,
      contingents: [],
      withdrawalStarted: null,
      ended: null,
    };
  }
  if (category === 'instrument') {
    return {
      kind: 'instrument',
      id,
      adopted: null,
      reportedGeneral: null,
      amendments: [],
      consents: [],
      parties: new Map(),
    };
  }
  const organisation: FoldedOrganisation = {
    kind: 'organisation',
    id,
    established: null,
    members: new Map(),
    grants: [],
    grantsByParticipant: new Map(),
    external: new Map(),
  };
  return organisation;
}

/**
 * An organisation view as `buildView` makes it, and as the fold extends it: with its grant records by participant as
 * well, where the fold finds a fact's record. Participants are strings already hashed (a replay keeps one copy of
 * each); a key made of role, participant and body, built, hashed and kept per record, was most of what a first
 * question about an organisation spent on its grants (measured).
 */
interface FoldedOrganisation extends OrganisationView {
  readonly grants: GrantRecord[];
  readonly grantsByParticipant: Map<string, GrantRecord[]>;
}

/** A view's grant records by participant, each list in the order the fold met them, where the fold made the view. */
export function grantsByParticipant(
  view: OrganisationView,
): ReadonlyMap<string, readonly GrantRecord[]> | undefined {
  return (view as Partial<FoldedOrganisation>).grantsByParticipant;
}

/**
 * One more fact, after every other in effective order, folded into a view built by `buildView`. Views are built
 * per stream, so a view only meets the facts of its own category.
 */
export function evolveView(view: SubjectView, fact: ResolvedFact, spans: (date: string) => Span): void {
  const event = fact.event;
  switch (view.kind) {
    case 'organisation':
      // The fold extends only views it made (a past view cut from the latest one is never extended: the index forgets it first).
      return isOrganisationEvent(event)
        ? evolveOrganisation(view as FoldedOrganisation, event, fact, spans(event.effectiveDate))
        : undefined;
    case 'instrument':
      return isInstrumentEvent(event)
        ? evolveInstrument(view, event, fact, spans(event.effectiveDate))
        : undefined;
    case 'deployment':
      return isDeploymentEvent(event)
        ? evolveDeployment(view, event, dated(fact, spans(event.effectiveDate)))
        : undefined;
  }
}

/**
 * A change an organisation fact makes, as one object literal from the parts of the fact: a view build makes one per
 * fact (`{ ...at, kind }` takes V8's slow path, about five times the time), and the code deriving memberships reads
 * each several times, from objects of one shape (with getters reading the fact instead, as consents do, the first
 * question about an organisation took a fifth more time, measured).
 */
function changeOf<K extends string>(
  date: string,
  span: Span,
  fact: ResolvedFact,
  kind: K,
  instrument?: string,
): Dated & Recorded & { readonly kind: K; readonly instrument?: string } {
  return { date, span, eventId: fact.id, position: fact.position, kind, instrument };
}

// A status record mostly has one or two changes (granted, then ended): the second makes its list anew at length two,
// where a list grown by `push` from one keeps room for 17 (9 B per event at 200k events, measured).

// The helpers of the folds are plain functions of the view rather than closures made for each fact: a view build
// folds thousands of facts: with the closures and a `Dated` per change, an organisation view of 3,141 facts took
// 1.1 ms to build, without them 0.82 ms (best of 30 batches, same machine).

function addMemberChange(view: OrganisationView, participant: string, change: MemberChange): void {
  const changes = view.members.get(participant);
  if (changes === undefined) view.members.set(participant, [change]);
  else changes.push(change);
}

/** A status record's second change: its list made anew at length two, in place, with no second lookup of its key. */
function addSecondChange(record: { changes: StatusChange[] }, change: StatusChange): void {
  record.changes = [record.changes[0] as StatusChange, change];
}

function addGrantChange(
  view: FoldedOrganisation,
  role: GrantRecord['role'],
  participant: string,
  body: string,
  change: GrantRecord['changes'][number],
): void {
  const records = view.grantsByParticipant.get(participant);
  let record: GrantRecord | undefined;
  if (records !== undefined)
    for (const candidate of records)
      if (candidate.role === role && candidate.body === body) record = candidate;
  if (record === undefined) {
    record = { role, participant, body, changes: [change] };
    // A participant has a record or three (a role in a body): its list is made anew at its length, as a status's is.
    view.grantsByParticipant.set(participant, records === undefined ? [record] : [...records, record]);
    view.grants.push(record);
  } else if (record.changes.length === 1) addSecondChange(record, change);
  else record.changes.push(change);
}

function addExternalChange(
  view: OrganisationView,
  body: string,
  status: string,
  change: ExternalRecord['changes'][number],
): void {
  const key = `${body}\u0000${status}`;
  const record = view.external.get(key);
  if (record === undefined) view.external.set(key, { body, status, changes: [change] });
  else if (record.changes.length === 1) addSecondChange(record, change);
  else record.changes.push(change);
}

function evolveOrganisation(
  view: FoldedOrganisation,
  event: OrganisationEvent,
  fact: ResolvedFact,
  span: Span,
): void {
  const date = event.effectiveDate;
  switch (event.type) {
    case 'OrganisationEstablished':
      view.established ??= {
        date,
        span,
        eventId: fact.id,
        position: fact.position,
        name: event.name,
        foundingInstrument: event.foundingInstrument,
        predecessorInstrument: event.predecessorInstrument,
      };
      return;
    case 'MemberAdmitted':
      return addMemberChange(view, event.participant, changeOf(date, span, fact, 'admitted', event.basis));
    case 'MembershipSuspended':
      return addMemberChange(view, event.participant, changeOf(date, span, fact, 'suspended'));
    case 'MembershipRestored':
      return addMemberChange(view, event.participant, changeOf(date, span, fact, 'restored'));
    case 'ParticipationFrozen':
      return addMemberChange(view, event.participant, changeOf(date, span, fact, 'frozen'));
    case 'ParticipationUnfrozen':
      return addMemberChange(view, event.participant, changeOf(date, span, fact, 'unfrozen'));
    case 'MembershipWithdrawalNotified':
      return addMemberChange(
        view,
        event.participant,
        changeOf(date, span, fact, 'notified', event.instrument),
      );
    case 'MembershipEnded':
      return addMemberChange(view, event.participant, changeOf(date, span, fact, 'ended'));
    case 'ObserverStatusGranted':
      return addGrantChange(
        view,
        'observer',
        event.participant,
        event.body,
        changeOf(date, span, fact, 'granted'),
      );
    case 'ObserverStatusEnded':
      return addGrantChange(
        view,
        'observer',
        event.participant,
        event.body,
        changeOf(date, span, fact, 'ended'),
      );
    case 'PartnerStatusGranted':
      return addGrantChange(
        view,
        'partner',
        event.participant,
        event.body,
        changeOf(date, span, fact, 'granted'),
      );
    case 'PartnerStatusEnded':
      return addGrantChange(
        view,
        'partner',
        event.participant,
        event.body,
        changeOf(date, span, fact, 'ended'),
      );
    case 'ExternalStatusGranted':
      return addExternalChange(view, event.body, event.status, changeOf(date, span, fact, 'granted'));
    case 'ExternalStatusEnded':
      return addExternalChange(view, event.body, event.status, changeOf(date, span, fact, 'ended'));
    case 'SecretaryGeneralAppointed':
    case 'DecisionAdopted':
    case 'PositionStated':
    case 'BodyEstablished':
      // Recorded and shown in timelines; they change no status.
      return;
  }
}

function evolveDeployment(view: DeploymentView, event: DeploymentEvent, at: Dated): void {
  switch (event.type) {
    case 'DeploymentRequested':
      view.requested ??= { ...at, organisation: event.organisation, host: event.host };
      return;
    case 'DeploymentAuthorized':
      view.authorized ??= at;
      return;
    case 'ContingentDeployed':
      view.contingents.push({
        date: at.date,
        span: at.span,
        eventId: at.eventId,
        contributor: event.contributor,
      });
      return;
    case 'DeploymentWithdrawalStarted':
      view.withdrawalStarted ??= at;
      return;
    case 'DeploymentEnded':
      view.ended ??= at;
      return;
  }
}
