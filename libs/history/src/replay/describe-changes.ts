import type { MemberRow, OrganisationState } from '@app/projections';

/** How an instrument is named in a sentence: its title and id, or its id alone when the record has no title. */
export type InstrumentName = (id: string) => string;

/**
 * What changed in the organisation between two consecutive states, as plain-English sentences in a fixed order
 * (existence, instruments, members, signatures, grants, outside statuses, deployments). Participants acting
 * alike are named together, sorted, so that a day when six states join reads as one sentence.
 */
export function describeChanges(
  before: OrganisationState,
  after: OrganisationState,
  name: InstrumentName,
): string[] {
  return [
    ...existence(before, after),
    ...instruments(before, after, name),
    ...members(before, after),
    ...grouped(
      gained(before.signatories, after.signatories, (s) => `${s.instrument} ${s.participant}`),
      (s) => s.instrument,
      (who, instrument) => `${who} signed ${name(instrument)}`,
    ),
    ...grants(before, after),
    ...external(before, after),
    ...deployments(before, after),
  ];
}

function existence(before: OrganisationState, after: OrganisationState): string[] {
  if (before.exists === after.exists) return [];
  return [after.exists ? `${after.organisation} came into being` : `${after.organisation} ceased to exist`];
}

function instruments(before: OrganisationState, after: OrganisationState, name: InstrumentName): string[] {
  const sentences: string[] = [];
  const earlier = new Map(before.instruments.map((row) => [row.id, row]));
  for (const row of after.instruments) {
    const was = earlier.get(row.id);
    if (!was) sentences.push(`${name(row.id)} was adopted`);
    if (row.inForce === 'undetermined' && was?.inForce !== 'undetermined' && row.undetermined) {
      sentences.push(
        `${name(row.id)} entered into force on a day from ${row.undetermined.from} to ${row.undetermined.to}, which the record cannot tell`,
      );
    }
    if (row.inForce === true && was?.inForce === false) sentences.push(`${name(row.id)} entered into force`);
    if (row.inForce === false && was?.inForce === true)
      sentences.push(`${name(row.id)} ceased to be in force`);
    const parties = new Set(was?.parties ?? []);
    const joined = row.parties.filter((p) => !parties.has(p));
    const left = [...parties].filter((p) => !row.parties.includes(p));
    if (joined.length > 0)
      sentences.push(`${list(joined)} became ${joined.length === 1 ? 'a party' : 'parties'} to ${row.id}`);
    if (left.length > 0)
      sentences.push(`${list(left)} ceased to be ${left.length === 1 ? 'a party' : 'parties'} to ${row.id}`);
  }
  return sentences;
}

const STATUS_CHANGES: Record<`${MemberRow['status']}>${MemberRow['status']}`, (who: string) => string> = {
  'active>suspended': (who) => `the membership of ${who} was suspended`,
  'active>frozen': (who) => `${who} froze ${who.includes(',') ? 'their' : 'its'} participation`,
  'frozen>suspended': (who) => `the membership of ${who} was suspended`,
  'suspended>active': (who) => `the membership of ${who} was restored`,
  'frozen>active': (who) => `${who} resumed participation`,
  'suspended>frozen': (who) =>
    `the suspension of ${who} was lifted; ${who.includes(',') ? 'their' : 'its'} participation remains frozen`,
  'active>active': () => '',
  'suspended>suspended': () => '',
  'frozen>frozen': () => '',
};

/**
 * Membership changes of the organisation itself. Before it exists, the state's `members` are the parties to its
 * predecessor treaty: their changes are told as the treaty's (`instruments`), never as membership.
 */
function members(before: OrganisationState, after: OrganisationState): string[] {
  const [was, is] = [before.exists ? before.members : [], after.exists ? after.members : []];
  const earlier = new Map(was.map((row) => [row.participant, row]));
  const later = new Set(is.map((row) => row.participant));
  const joined = is.filter((row) => !earlier.has(row.participant));
  const stayed = is.filter((row) => earlier.has(row.participant));
  const rebased = stayed.filter((row) => earlier.get(row.participant)?.basis !== row.basis);
  const changed = stayed.filter((row) => earlier.get(row.participant)?.status !== row.status);
  const left = was.filter((row) => !later.has(row.participant)).map((row) => row.participant);
  return [
    ...grouped(
      joined,
      (row) => row.basis,
      (who, basis) => `${who} became ${who.includes(',') ? 'members' : 'a member'} (basis ${basis})`,
    ),
    ...grouped(
      rebased,
      (row) => row.basis,
      (who, basis) =>
        `${who} continued as ${who.includes(',') ? 'members' : 'a member'} on the basis of ${basis}`,
    ),
    ...grouped(
      changed,
      (row) => `${earlier.get(row.participant)?.status ?? 'active'}>${row.status}`,
      (who, change) => STATUS_CHANGES[change as keyof typeof STATUS_CHANGES](who),
    ),
    ...(left.length > 0 ? [`${list(left)} ceased to be ${left.length === 1 ? 'a member' : 'members'}`] : []),
  ];
}

function grants(before: OrganisationState, after: OrganisationState): string[] {
  const sentences: string[] = [];
  for (const role of ['observers', 'partners'] as const) {
    const noun = role === 'observers' ? 'observer' : 'partner';
    const key = (row: { participant: string; body: string }): string => `${row.body} ${row.participant}`;
    sentences.push(
      ...grouped(
        gained(before[role], after[role], key),
        (row) => row.body,
        (who, body) => `${who} became ${noun}${who.includes(',') ? 's' : ''} (granted by ${body})`,
      ),
      ...grouped(
        gained(after[role], before[role], key),
        (row) => row.body,
        (who, body) => `${who} ceased to be ${noun}${who.includes(',') ? 's' : ''} (${body})`,
      ),
    );
  }
  return sentences;
}

function external(before: OrganisationState, after: OrganisationState): string[] {
  const key = (row: { body: string; status: string }): string => `${row.body} ${row.status}`;
  return [
    ...gained(before.externalStatuses, after.externalStatuses, key).map(
      (row) => `${after.organisation} gained ${row.status} status in ${row.body}`,
    ),
    ...gained(after.externalStatuses, before.externalStatuses, key).map(
      (row) => `${after.organisation} lost its ${row.status} status in ${row.body}`,
    ),
  ];
}

function deployments(before: OrganisationState, after: OrganisationState): string[] {
  const sentences: string[] = [];
  const rows = (state: OrganisationState) => [...state.pendingDeployments, ...state.deployments];
  const earlier = new Map(rows(before).map((row) => [row.id, row]));
  for (const row of rows(after)) {
    const was = earlier.get(row.id);
    if (was?.status !== row.status) sentences.push(`deployment ${row.id} in ${row.host}: ${row.status}`);
    const added = row.contributors.filter((c) => !was?.contributors.includes(c));
    if (added.length > 0) sentences.push(`${list(added)} contributed to deployment ${row.id}`);
  }
  const now = new Set(rows(after).map((row) => row.id));
  for (const row of rows(before))
    if (!now.has(row.id)) sentences.push(`deployment ${row.id} in ${row.host} ended`);
  return sentences;
}

/** Rows of `after` whose key is not among those of `before`. */
function gained<T>(before: readonly T[], after: readonly T[], key: (row: T) => string): T[] {
  const known = new Set(before.map(key));
  return after.filter((row) => !known.has(key(row)));
}

/** One sentence per group, naming its participants together. */
function grouped<T extends { participant: string }>(
  rows: readonly T[],
  group: (row: T) => string,
  say: (who: string, group: string) => string,
): string[] {
  const groups = new Map<string, string[]>();
  for (const row of rows) groups.set(group(row), [...(groups.get(group(row)) ?? []), row.participant]);
  return [...groups].map(([key, who]) => say(list(who), key)).filter((sentence) => sentence !== '');
}

function list(participants: readonly string[]): string {
  return [...participants].sort().join(', ');
}
