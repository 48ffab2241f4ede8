import type {
  Dated,
  ExternalRecord,
  GrantRecord,
  MemberChange,
  OrganisationCut,
  OrganisationView,
  Recorded,
} from './subject-views';
import { effectiveOrdinal } from '../time/span';

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
    return (this.cutMembers ??= new Map(
      cutEach(
        this.cutFrom.view.members,
        this.cutFrom.cutoff,
        ([, changes]) => changes,
        ([participant], kept) => [participant, kept],
      ),
    ));
  }

  get grants(): readonly GrantRecord[] {
    const cut = (record: GrantRecord, changes: GrantRecord['changes']): GrantRecord => ({
      role: record.role,
      participant: record.participant,
      body: record.body,
      changes,
    });
    return (this.cutGrants ??= cutEach(
      this.cutFrom.view.grants,
      this.cutFrom.cutoff,
      (record) => record.changes,
      cut,
    ));
  }

  get external(): Map<string, ExternalRecord> {
    const cut = (
      [key, record]: [string, ExternalRecord],
      changes: ExternalRecord['changes'],
    ): [string, ExternalRecord] => [key, { body: record.body, status: record.status, changes }];
    return (this.cutExternal ??= new Map(
      cutEach(this.cutFrom.view.external, this.cutFrom.cutoff, ([, record]) => record.changes, cut),
    ));
  }
}

/**
 * Each entry with its changes recorded up to `cutoff`, and none without: an entry that keeps all its changes is the
 * latest view's own, lists included, which is safe because the index forgets every past view when a fact arrives,
 * before the latest view is extended in place. The entries come in the order a fold meets them (some answers list
 * what they find in it): the latest view's, unless the cut dropped an entry's first change and kept a later one.
 * The entries of a map are its `[key, value]` pairs.
 */
function cutEach<V, C extends Dated & Recorded>(
  entries: Iterable<V>,
  cutoff: number,
  changesOf: (entry: V) => readonly C[],
  withChanges: (entry: V, kept: C[]) => V,
): V[] {
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
function inFoldOrder<V, C extends Dated & Recorded>(
  entries: V[],
  changesOf: (entry: V) => readonly C[],
): V[] {
  const first = (entry: V): C => changesOf(entry)[0] as C;
  return entries.sort(
    (a, b) =>
      effectiveOrdinal(first(a).date) - effectiveOrdinal(first(b).date) ||
      first(a).position - first(b).position,
  );
}

/** No change recorded by a cutoff: one empty list for every key a cut drops. */
const NONE_RECORDED: readonly never[] = Object.freeze([]);

/** The changes recorded up to `cutoff`, in their order: the list itself when that is all of them. */
export function changesAt<C extends Recorded>(changes: readonly C[], cutoff: number): readonly C[] {
  let at = 0;
  while (at < changes.length && (changes[at] as C).position <= cutoff) at += 1;
  if (at === changes.length) return changes;
  let kept: C[] | undefined;
  for (let next = at + 1; next < changes.length; next++)
    if ((changes[next] as C).position <= cutoff) (kept ??= changes.slice(0, at)).push(changes[next] as C);
  return kept ?? (at === 0 ? NONE_RECORDED : changes.slice(0, at));
}

/** Whether each change was recorded after the one before it in effective order. */
export function isInRecordedOrder(changes: readonly Recorded[]): boolean {
  for (let at = 1; at < changes.length; at++)
    if ((changes[at] as Recorded).position < (changes[at - 1] as Recorded).position) return false;
  return true;
}
