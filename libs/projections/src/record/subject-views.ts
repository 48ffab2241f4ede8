import { parseStreamId, type DeploymentEvent, type InstrumentDeposited, type InstrumentEvent, type InstrumentSigned, type OrganisationEvent, type DEPOSIT_KINDS, type InstrumentRules, type RatificationAct, type TERMINATION_REASONS } from '@app/domain';
// The event tests from their own module, not the domain's index: the index re-exports through a getter, met once per fact.
import { isDeploymentEvent, isInstrumentEvent, isOrganisationEvent } from '@app/domain/events/catalogue';
import type { ResolvedFact } from './fact';
import type { Span } from '../time/span';

/** A recorded change: its date as written, the days it may fall on, and the event that says so. */
export interface Dated {
  readonly date: string;
  readonly span: Span;
  readonly eventId: string;
}

export type MemberChange = Dated & {
  readonly kind: 'admitted' | 'ended' | 'notified' | 'suspended' | 'restored' | 'frozen' | 'unfrozen';
  /** The instrument named by an admission (`basis`) or a withdrawal notice. */
  readonly instrument?: string;
};

/** A change of an observer, partner or external status. */
export type StatusChange = Dated & { readonly kind: 'granted' | 'ended' };

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
  established: (Dated & { readonly name: string; readonly foundingInstrument: string; readonly predecessorInstrument?: string }) | null;
  /** Membership changes per participant, in effective order. */
  readonly members: Map<string, MemberChange[]>;
  /** Observer and partner statuses, one record per role, participant and body, in the order they were first met. */
  readonly grants: readonly GrantRecord[];
  readonly external: Map<string, ExternalRecord>;
  /**
   * Set on a past record's view cut from the latest one (`organisationUpTo`): the latest view and the last day kept.
   * Values derived from such a view may be cut from the latest view's, where that gives the same answer.
   */
  readonly cutFrom?: OrganisationCut;
}

/** The view a past organisation view was cut from, and the last day of the changes it keeps. */
export interface OrganisationCut {
  readonly view: OrganisationView;
  readonly lastDay: string;
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
    | (Dated & { readonly title: string; readonly instrumentKind: string; readonly organisation?: string; readonly rules: InstrumentRules })
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
export function buildView(subject: string, facts: readonly ResolvedFact[], spans: (date: string) => Span): SubjectView | undefined {
  if (facts.length === 0) return undefined;
  const view = emptyView(subject);
  for (const fact of facts) evolveView(view, fact, spans);
  return view;
}

/**
 * The organisation view folded from its facts dated up to `lastDay` (the first day of their dates), cut from the
 * view of all its facts, which holds every change in effective order: each list keeps its changes up to that day,
 * and the changes themselves (never changed once made) are shared. Valid only when the facts dated up to `lastDay`
 * are exactly the ones to fold, and no later fact falls on that day (the caller checks). A past record's view then
 * costs a copy of its lists rather than a fold of its facts, and only of the lists a question reads: a state
 * question cuts its member and grant timelines from the latest view's, and never reads the grants of the cut view.
 */
export function organisationUpTo(view: OrganisationView, lastDay: string): OrganisationView {
  return new OrganisationViewUpTo(view.cutFrom?.view ?? view, lastDay);
}

class OrganisationViewUpTo implements OrganisationView {
  readonly kind = 'organisation';
  readonly id: string;
  established: OrganisationView['established'];
  readonly cutFrom: OrganisationCut;
  private cutMembers: Map<string, MemberChange[]> | undefined;
  private cutGrants: readonly GrantRecord[] | undefined;
  private cutExternal: Map<string, ExternalRecord> | undefined;

  constructor(latest: OrganisationView, lastDay: string) {
    this.id = latest.id;
    this.established = latest.established !== null && latest.established.span.from <= lastDay ? latest.established : null;
    this.cutFrom = { view: latest, lastDay };
  }

  get members(): Map<string, MemberChange[]> {
    return (this.cutMembers ??= cutEach(this.cutFrom.view.members, this.cutFrom.lastDay, (changes) => changes, (_, kept) => kept));
  }

  get grants(): readonly GrantRecord[] {
    const cut = (record: GrantRecord, changes: GrantRecord['changes']): GrantRecord => ({ role: record.role, participant: record.participant, body: record.body, changes });
    const { view, lastDay } = this.cutFrom;
    return (this.cutGrants ??= view.grants.flatMap((record) => cutEntry(record, lastDay, (grant) => grant.changes, cut) ?? []));
  }

  get external(): Map<string, ExternalRecord> {
    const cut = (record: ExternalRecord, changes: ExternalRecord['changes']): ExternalRecord => ({ body: record.body, status: record.status, changes });
    return (this.cutExternal ??= cutEach(this.cutFrom.view.external, this.cutFrom.lastDay, (record) => record.changes, cut));
  }
}

/**
 * Each entry with its changes dated up to `lastDay`, and none without: an entry that keeps all its changes is the
 * latest view's own, lists included, which is safe because the index forgets every past view when a fact arrives,
 * before the latest view is extended in place.
 */
function cutEach<V, C extends Dated>(entries: ReadonlyMap<string, V>, lastDay: string, changesOf: (entry: V) => C[], withChanges: (entry: V, kept: C[]) => V): Map<string, V> {
  const cut = new Map<string, V>();
  for (const [key, entry] of entries) {
    const kept = cutEntry(entry, lastDay, changesOf, withChanges);
    if (kept !== undefined) cut.set(key, kept);
  }
  return cut;
}

/** The entry with its changes dated up to `lastDay`: itself when it keeps them all, undefined when it keeps none. */
function cutEntry<V, C extends Dated>(entry: V, lastDay: string, changesOf: (entry: V) => C[], withChanges: (entry: V, kept: C[]) => V): V | undefined {
  const changes = changesOf(entry);
  const kept = keptUpTo(changes, lastDay);
  if (kept === changes.length) return entry;
  return kept > 0 ? withChanges(entry, changes.slice(0, kept)) : undefined;
}

/** How many of the changes (in effective order) are dated up to `lastDay`. */
export function keptUpTo(changes: readonly Dated[], lastDay: string): number {
  let kept = changes.length;
  while (kept > 0 && (changes[kept - 1] as Dated).span.from > lastDay) kept -= 1;
  return kept;
}

function emptyView(subject: string): SubjectView {
  const { category, id } = parseStreamId(subject) ?? { category: 'organisation', id: subject };
  if (category === 'deployment') {
    return { kind: 'deployment', id, requested: null, authorized: null, contingents: [], withdrawalStarted: null, ended: null };
  }
  if (category === 'instrument') {
    return { kind: 'instrument', id, adopted: null, reportedGeneral: null, amendments: [], consents: [], parties: new Map() };
  }
  const organisation: FoldedOrganisation = { kind: 'organisation', id, established: null, members: new Map(), grants: [], grantsByParticipant: new Map(), external: new Map() };
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

/**
 * One more fact, after every other in effective order, folded into a view built by `buildView`. Views are built
 * per stream, so a view only meets the facts of its own category.
 */
export function evolveView(view: SubjectView, fact: ResolvedFact, spans: (date: string) => Span): void {
  const event = fact.event;
  switch (view.kind) {
    case 'organisation':
      // The fold extends only views it made (a past view cut from the latest one is never extended: the index forgets it first).
      return isOrganisationEvent(event) ? evolveOrganisation(view as FoldedOrganisation, event, fact.id, spans(event.effectiveDate)) : undefined;
    case 'instrument':
      return isInstrumentEvent(event) ? evolveInstrument(view, event, fact, spans(event.effectiveDate)) : undefined;
    case 'deployment':
      return isDeploymentEvent(event) ? evolveDeployment(view, event, dated(fact, spans(event.effectiveDate))) : undefined;
  }
}

function dated(fact: ResolvedFact, span: Span): Dated {
  return { date: fact.event.effectiveDate, span, eventId: fact.id };
}

/**
 * A participant's signature or deposit, as its episode holds it and the clauses count it: the fact itself, the days
 * its date may fall on, and which of the two it is. Its date, event id, participant and kind of deposit are read from
 * the fact rather than copied beside it: 48 bytes each against 64 and 72 with the copies (sizes measured; 8 B per
 * event at 200k events). The code deriving memberships reads organisation changes many times over, and keeps them as literals.
 */
class ConsentOf<K extends Consent['kind']> implements Consent {
  constructor(
    readonly fact: ResolvedFact,
    readonly span: Span,
    readonly kind: K,
  ) {}

  get date(): string {
    return this.fact.event.effectiveDate;
  }

  get eventId(): string {
    return this.fact.id;
  }

  get participant(): string {
    return (this.fact.event as InstrumentSigned | InstrumentDeposited).participant;
  }

  /** Ratification, accession, acceptance or approval (a deposit's). */
  get depositKind(): InstrumentDeposited['kind'] {
    return (this.fact.event as InstrumentDeposited).kind;
  }
}

/**
 * A change an organisation fact makes, as one object literal from the parts of the fact: a view build makes one per
 * fact (`{ ...at, kind }` takes V8's slow path, about five times the time), and the code deriving memberships reads
 * each several times, from objects of one shape (with getters reading the fact instead, as consents do, the first
 * question about an organisation took a fifth more time, measured).
 */
function changeOf<K extends string>(date: string, span: Span, eventId: string, kind: K, instrument?: string): Dated & { readonly kind: K; readonly instrument?: string } {
  return { date, span, eventId, kind, instrument };
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

function addGrantChange(view: FoldedOrganisation, role: GrantRecord['role'], participant: string, body: string, change: GrantRecord['changes'][number]): void {
  const records = view.grantsByParticipant.get(participant);
  let record: GrantRecord | undefined;
  if (records !== undefined) for (const candidate of records) if (candidate.role === role && candidate.body === body) record = candidate;
  if (record === undefined) {
    record = { role, participant, body, changes: [change] };
    // A participant has a record or three (a role in a body): its list is made anew at its length, as a status's is.
    view.grantsByParticipant.set(participant, records === undefined ? [record] : [...records, record]);
    view.grants.push(record);
  } else if (record.changes.length === 1) addSecondChange(record, change);
  else record.changes.push(change);
}

function addExternalChange(view: OrganisationView, body: string, status: string, change: ExternalRecord['changes'][number]): void {
  const key = `${body}\u0000${status}`;
  const record = view.external.get(key);
  if (record === undefined) view.external.set(key, { body, status, changes: [change] });
  else if (record.changes.length === 1) addSecondChange(record, change);
  else record.changes.push(change);
}

function evolveOrganisation(view: FoldedOrganisation, event: OrganisationEvent, eventId: string, span: Span): void {
  const date = event.effectiveDate;
  switch (event.type) {
    case 'OrganisationEstablished':
      view.established ??= { date, span, eventId, name: event.name, foundingInstrument: event.foundingInstrument, predecessorInstrument: event.predecessorInstrument };
      return;
    case 'MemberAdmitted':
      return addMemberChange(view, event.participant, changeOf(date, span, eventId, 'admitted', event.basis));
    case 'MembershipSuspended':
      return addMemberChange(view, event.participant, changeOf(date, span, eventId, 'suspended'));
    case 'MembershipRestored':
      return addMemberChange(view, event.participant, changeOf(date, span, eventId, 'restored'));
    case 'ParticipationFrozen':
      return addMemberChange(view, event.participant, changeOf(date, span, eventId, 'frozen'));
    case 'ParticipationUnfrozen':
      return addMemberChange(view, event.participant, changeOf(date, span, eventId, 'unfrozen'));
    case 'MembershipWithdrawalNotified':
      return addMemberChange(view, event.participant, changeOf(date, span, eventId, 'notified', event.instrument));
    case 'MembershipEnded':
      return addMemberChange(view, event.participant, changeOf(date, span, eventId, 'ended'));
    case 'ObserverStatusGranted':
      return addGrantChange(view, 'observer', event.participant, event.body, changeOf(date, span, eventId, 'granted'));
    case 'ObserverStatusEnded':
      return addGrantChange(view, 'observer', event.participant, event.body, changeOf(date, span, eventId, 'ended'));
    case 'PartnerStatusGranted':
      return addGrantChange(view, 'partner', event.participant, event.body, changeOf(date, span, eventId, 'granted'));
    case 'PartnerStatusEnded':
      return addGrantChange(view, 'partner', event.participant, event.body, changeOf(date, span, eventId, 'ended'));
    case 'ExternalStatusGranted':
      return addExternalChange(view, event.body, event.status, changeOf(date, span, eventId, 'granted'));
    case 'ExternalStatusEnded':
      return addExternalChange(view, event.body, event.status, changeOf(date, span, eventId, 'ended'));
    case 'SecretaryGeneralAppointed':
    case 'DecisionAdopted':
    case 'PositionStated':
    case 'BodyEstablished':
      // Recorded and shown in timelines; they change no status.
      return;
  }
}

/**
 * A participant's record, with room inside the object for the two steps most episodes have: a literal
 * `{ participant }` puts the steps its episode gains later in a second array (24 B more per party, measured).
 */
class PartyRecordOf implements PartyRecord {
  signature: PartyEpisode['signature'] = undefined;
  deposit: PartyEpisode['deposit'] = undefined;

  constructor(readonly participant: string) {}
}

/** The period a fact about the participant belongs to: a consent after a recorded termination opens a new one. */
function episodeOf(view: InstrumentView, participant: string, consents: boolean): PartyEpisode {
  let record = view.parties.get(participant);
  if (record === undefined) view.parties.set(participant, (record = new PartyRecordOf(participant)));
  const current = record.later?.at(-1) ?? record;
  if (!consents || current.termination === undefined) return current;
  const next: PartyEpisode = {};
  (record.later ??= []).push(next);
  return next;
}

/** The clauses count each participant's first signature and first deposit, not those of a later accession. */
function countConsent(view: InstrumentView, consent: Consent): void {
  const record = view.parties.get(consent.participant);
  if ((consent.kind === 'signature' ? record?.signature : record?.deposit) === consent) view.consents.push(consent);
}

/** Signatures and deposits are most instrument facts: they make their `ConsentOf` alone, the others a `Dated`. */
function evolveInstrument(view: InstrumentView, event: InstrumentEvent, fact: ResolvedFact, span: Span): void {
  switch (event.type) {
    case 'InstrumentAdopted':
      view.adopted ??= { ...dated(fact, span), title: event.title, instrumentKind: event.kind, organisation: event.organisation, rules: event.rules };
      return;
    case 'InstrumentSigned': {
      const signature = new ConsentOf(fact, span, 'signature');
      episodeOf(view, event.participant, true).signature ??= signature;
      return countConsent(view, signature);
    }
    case 'RatificationLawEnacted':
      episodeOf(view, event.participant, true).ratification ??= { ...dated(fact, span), act: event.act };
      return;
    case 'InstrumentDeposited': {
      const deposit = new ConsentOf(fact, span, 'deposit');
      episodeOf(view, event.participant, true).deposit ??= deposit;
      return countConsent(view, deposit);
    }
    case 'EntryIntoForceReported':
      if (event.participant === undefined) view.reportedGeneral ??= dated(fact, span);
      else episodeOf(view, event.participant, true).reportedInForce ??= dated(fact, span);
      return;
    case 'InstrumentWithdrawalNotified':
      episodeOf(view, event.participant, false).withdrawalNotice ??= dated(fact, span);
      return;
    case 'InstrumentTerminatedForParticipant':
      episodeOf(view, event.participant, false).termination ??= { ...dated(fact, span), reason: event.reason };
      return;
    case 'InstrumentAmended':
      view.amendments.push({ ...dated(fact, span), protocol: event.protocol });
      return;
    case 'InstrumentRegistered':
      // Shown in timelines and histories; registration binds no one.
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
      view.contingents.push({ date: at.date, span: at.span, eventId: at.eventId, contributor: event.contributor });
      return;
    case 'DeploymentWithdrawalStarted':
      view.withdrawalStarted ??= at;
      return;
    case 'DeploymentEnded':
      view.ended ??= at;
      return;
  }
}
