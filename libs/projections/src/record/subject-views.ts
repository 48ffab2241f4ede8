import { parseStreamId, type DeploymentEvent, type InstrumentDeposited, type InstrumentEvent, type InstrumentSigned, type OrganisationEvent, type DEPOSIT_KINDS, type InstrumentRules, type RatificationAct, type TERMINATION_REASONS } from '@app/domain';
// The event tests from their own module, not the domain's index: the index re-exports through a getter, met once per fact.
import { isDeploymentEvent, isInstrumentEvent, isOrganisationEvent } from '@app/domain/events/catalogue';
import type { ResolvedFact } from './fact';
import { effectiveOrdinal, type Span } from '../time/span';

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

export type MemberChange = Dated & Recorded & {
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
  established: (Dated & Recorded & { readonly name: string; readonly foundingInstrument: string; readonly predecessorInstrument?: string }) | null;
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
 * The organisation view folded from the facts recorded up to position `cutoff`, cut from the view of all its facts.
 * The fold only appends to each key's list (a participant's changes, a grant's, an external status's) in effective
 * order, besides keeping the first establishment: so while every content of the log is held from its own fact's
 * position and nothing was superseded, the fold of the facts held at a cutoff is, key by key, the latest list's
 * changes recorded by then, in the same order, and the same establishment if that was recorded by then (the caller
 * checks all three). This holds whatever the order of recording: a coarse date (`1995-03`) recorded late sorts
 * before changes recorded earlier, and is simply left out. The changes themselves (never changed once made) are
 * shared, and so is each list with no change recorded after the cutoff: a past record's view costs a filter of the
 * lists a question reads, rather than a fold of every fact.
 */
export function organisationAt(view: OrganisationView, cutoff: number): OrganisationView {
  return new OrganisationViewAt(view.cutFrom?.view ?? view, cutoff);
}

class OrganisationViewAt implements OrganisationView {
  readonly kind = 'organisation';
  readonly id: string;
  established: OrganisationView['established'];
  readonly cutFrom: OrganisationCut;
  private cutMembers: Map<string, MemberChange[]> | undefined;
  private cutGrants: readonly GrantRecord[] | undefined;
  private cutExternal: Map<string, ExternalRecord> | undefined;

  constructor(latest: OrganisationView, cutoff: number) {
    this.id = latest.id;
    this.established = latest.established;
    this.cutFrom = { view: latest, cutoff };
  }

  get members(): Map<string, MemberChange[]> {
    return (this.cutMembers ??= new Map(cutEach(this.cutFrom.view.members, this.cutFrom.cutoff, ([, changes]) => changes, ([participant], kept) => [participant, kept])));
  }

  get grants(): readonly GrantRecord[] {
    const cut = (record: GrantRecord, changes: GrantRecord['changes']): GrantRecord => ({ role: record.role, participant: record.participant, body: record.body, changes });
    return (this.cutGrants ??= cutEach(this.cutFrom.view.grants, this.cutFrom.cutoff, (record) => record.changes, cut));
  }

  get external(): Map<string, ExternalRecord> {
    const cut = ([key, record]: [string, ExternalRecord], changes: ExternalRecord['changes']): [string, ExternalRecord] => [key, { body: record.body, status: record.status, changes }];
    return (this.cutExternal ??= new Map(cutEach(this.cutFrom.view.external, this.cutFrom.cutoff, ([, record]) => record.changes, cut)));
  }
}

/**
 * Each entry with its changes recorded up to `cutoff`, and none without: an entry that keeps all its changes is the
 * latest view's own, lists included, which is safe because the index forgets every past view when a fact arrives,
 * before the latest view is extended in place. The entries come in the order a fold meets them (some answers list
 * what they find in it): the latest view's, unless the cut dropped an entry's first change and kept a later one.
 * The entries of a map are its `[key, value]` pairs.
 */
function cutEach<V, C extends Dated & Recorded>(entries: Iterable<V>, cutoff: number, changesOf: (entry: V) => readonly C[], withChanges: (entry: V, kept: C[]) => V): V[] {
  const cut: V[] = [];
  let moved = false;
  for (const entry of entries) {
    const changes = changesOf(entry);
    const kept = changesAt(changes, cutoff);
    if (kept === changes) cut.push(entry);
    else if (kept.length > 0) {
      // A list of its own (a slice or a filter), unless the cut kept every change.
      cut.push(withChanges(entry, kept as C[]));
      moved ||= kept[0] !== changes[0];
    }
  }
  return moved ? inFoldOrder(cut, changesOf) : cut;
}

/** The entries by their first change in effective order (day, then recorded position), as a fold adds them. */
function inFoldOrder<V, C extends Dated & Recorded>(entries: V[], changesOf: (entry: V) => readonly C[]): V[] {
  const first = (entry: V): C => changesOf(entry)[0] as C;
  return entries.sort((a, b) => effectiveOrdinal(first(a).date) - effectiveOrdinal(first(b).date) || first(a).position - first(b).position);
}

/** No change recorded by a cutoff: one empty list for every key a cut drops. */
const NONE_RECORDED: readonly never[] = Object.freeze([]);

/** The changes recorded up to `cutoff`, in their order: the list itself when that is all of them. */
export function changesAt<C extends Recorded>(changes: readonly C[], cutoff: number): readonly C[] {
  let at = 0;
  while (at < changes.length && (changes[at] as C).position <= cutoff) at += 1;
  if (at === changes.length) return changes;
  let kept: C[] | undefined;
  for (let next = at + 1; next < changes.length; next++) if ((changes[next] as C).position <= cutoff) (kept ??= changes.slice(0, at)).push(changes[next] as C);
  return kept ?? (at === 0 ? NONE_RECORDED : changes.slice(0, at));
}

/** Whether each change was recorded after the one before it in effective order. */
export function isInRecordedOrder(changes: readonly Recorded[]): boolean {
  for (let at = 1; at < changes.length; at++) if ((changes[at] as Recorded).position < (changes[at - 1] as Recorded).position) return false;
  return true;
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

/** A view's grant records by participant, each list in the order the fold met them, where the fold made the view. */
export function grantsByParticipant(view: OrganisationView): ReadonlyMap<string, readonly GrantRecord[]> | undefined {
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
      return isOrganisationEvent(event) ? evolveOrganisation(view as FoldedOrganisation, event, fact, spans(event.effectiveDate)) : undefined;
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
function changeOf<K extends string>(date: string, span: Span, fact: ResolvedFact, kind: K, instrument?: string): Dated & Recorded & { readonly kind: K; readonly instrument?: string } {
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

function evolveOrganisation(view: FoldedOrganisation, event: OrganisationEvent, fact: ResolvedFact, span: Span): void {
  const date = event.effectiveDate;
  switch (event.type) {
    case 'OrganisationEstablished':
      view.established ??= { date, span, eventId: fact.id, position: fact.position, name: event.name, foundingInstrument: event.foundingInstrument, predecessorInstrument: event.predecessorInstrument };
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
      return addMemberChange(view, event.participant, changeOf(date, span, fact, 'notified', event.instrument));
    case 'MembershipEnded':
      return addMemberChange(view, event.participant, changeOf(date, span, fact, 'ended'));
    case 'ObserverStatusGranted':
      return addGrantChange(view, 'observer', event.participant, event.body, changeOf(date, span, fact, 'granted'));
    case 'ObserverStatusEnded':
      return addGrantChange(view, 'observer', event.participant, event.body, changeOf(date, span, fact, 'ended'));
    case 'PartnerStatusGranted':
      return addGrantChange(view, 'partner', event.participant, event.body, changeOf(date, span, fact, 'granted'));
    case 'PartnerStatusEnded':
      return addGrantChange(view, 'partner', event.participant, event.body, changeOf(date, span, fact, 'ended'));
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

/**
 * A signature or deposit kept where its period has none yet. The clauses count each participant's first signature and
 * first deposit, not those of a later accession: those its first period (the record itself) keeps. Told from the
 * period found for it, with no second lookup of the participant (a consent is most of an instrument's facts).
 */
function addConsent(view: InstrumentView, episode: PartyEpisode, consent: ConsentOf<Consent['kind']>): void {
  const kept = consent.kind === 'signature' ? (episode.signature ??= consent as ConsentOf<'signature'>) : (episode.deposit ??= consent as ConsentOf<'deposit'>);
  if (kept === consent && isFirstPeriod(episode)) view.consents.push(consent);
}

/** Whether a period is its participant's first: the record itself, where a later one is a plain episode. */
function isFirstPeriod(episode: PartyEpisode): boolean {
  return episode instanceof PartyRecordOf;
}

/** Signatures and deposits are most instrument facts: they make their `ConsentOf` alone, the others a `Dated`. */
function evolveInstrument(view: InstrumentView, event: InstrumentEvent, fact: ResolvedFact, span: Span): void {
  switch (event.type) {
    case 'InstrumentAdopted':
      view.adopted ??= { ...dated(fact, span), title: event.title, instrumentKind: event.kind, organisation: event.organisation, rules: event.rules };
      return;
    case 'InstrumentSigned':
      return addConsent(view, episodeOf(view, event.participant, true), new ConsentOf(fact, span, 'signature'));
    case 'RatificationLawEnacted':
      episodeOf(view, event.participant, true).ratification ??= { ...dated(fact, span), act: event.act };
      return;
    case 'InstrumentDeposited':
      return addConsent(view, episodeOf(view, event.participant, true), new ConsentOf(fact, span, 'deposit'));
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
