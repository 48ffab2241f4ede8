import { streamId, withdrawalEffectiveDate } from '@app/domain';
import { compareSpans, laterSpan, sameSpan, spanOfPeriod, type Span } from '../time/span';
import { boundOf, bondsOf, readInstrument } from './instrument';
import { when, type Record, type When } from './record';

/** A spell of a status, from its first day to the first day it no longer holds (null: open), and its facts. */
export interface Spell {
  readonly start: Span;
  readonly end: Span | null;
  readonly eventIds: readonly string[];
}

export interface Membership extends Spell {
  readonly basis: string;
}

export interface Status extends Spell {
  readonly status: 'suspended' | 'frozen';
}

export interface Grant {
  readonly role: 'observer' | 'partner';
  readonly participant: string;
  readonly body: string;
  readonly spells: readonly Spell[];
}

export interface External {
  readonly body: string;
  readonly status: string;
  readonly spells: readonly Spell[];
}

type MemberChangeKind = 'admitted' | 'ended' | 'notified' | 'suspended' | 'restored' | 'frozen' | 'unfrozen';

export interface Organisation {
  readonly id: string;
  readonly established:
    | (When & {
        readonly name: string;
        readonly foundingInstrument: string;
        readonly predecessorInstrument?: string;
      })
    | null;
  /** Each participant's membership facts, in effective order, by participant in order of first mention. */
  readonly changes: ReadonlyMap<
    string,
    readonly (When & { readonly kind: MemberChangeKind; readonly instrument?: string })[]
  >;
  /** In order of first mention. */
  readonly grants: readonly Grant[];
  readonly external: readonly External[];
}

/** The organisation as its own stream tells it; undefined when the record holds nothing of it. */
export function readOrganisation(record: Record, id: string): Organisation | undefined {
  return record.reading(`organisation ${id}`, () => {
    const facts = record.stream(streamId('organisation', id));
    if (facts.length === 0) return undefined;
    let established: Organisation['established'] = null;
    const changes = new Map<string, (When & { kind: MemberChangeKind; instrument?: string })[]>();
    const grants = new Map<
      string,
      { role: Grant['role']; participant: string; body: string; toggles: Toggle[] }
    >();
    const external = new Map<string, { body: string; status: string; toggles: Toggle[] }>();
    const change = (participant: string, kind: MemberChangeKind, at: When, instrument?: string): void => {
      changes.set(participant, [
        ...(changes.get(participant) ?? []),
        instrument === undefined ? { ...at, kind } : { ...at, kind, instrument },
      ]);
    };
    const grant = (
      role: Grant['role'],
      participant: string,
      body: string,
      granted: boolean,
      at: When,
    ): void => {
      const key = `${role} ${participant} ${body}`;
      const entry = grants.get(key) ?? { role, participant, body, toggles: [] };
      entry.toggles.push({ ...at, granted });
      grants.set(key, entry);
    };
    for (const fact of facts) {
      const event = fact.event;
      const at = when(fact);
      switch (event.type) {
        case 'OrganisationEstablished':
          established ??= {
            ...at,
            name: event.name,
            foundingInstrument: event.foundingInstrument,
            predecessorInstrument: event.predecessorInstrument,
          };
          break;
        case 'MemberAdmitted':
          change(event.participant, 'admitted', at, event.basis);
          break;
        case 'MembershipSuspended':
          change(event.participant, 'suspended', at);
          break;
        case 'MembershipRestored':
          change(event.participant, 'restored', at);
          break;
        case 'ParticipationFrozen':
          change(event.participant, 'frozen', at);
          break;
        case 'ParticipationUnfrozen':
          change(event.participant, 'unfrozen', at);
          break;
        case 'MembershipWithdrawalNotified':
          change(event.participant, 'notified', at, event.instrument);
          break;
        case 'MembershipEnded':
          change(event.participant, 'ended', at);
          break;
        case 'ObserverStatusGranted':
        case 'ObserverStatusEnded':
          grant('observer', event.participant, event.body, event.type === 'ObserverStatusGranted', at);
          break;
        case 'PartnerStatusGranted':
        case 'PartnerStatusEnded':
          grant('partner', event.participant, event.body, event.type === 'PartnerStatusGranted', at);
          break;
        case 'ExternalStatusGranted':
        case 'ExternalStatusEnded': {
          const key = `${event.body} ${event.status}`;
          const entry = external.get(key) ?? { body: event.body, status: event.status, toggles: [] };
          entry.toggles.push({ ...at, granted: event.type === 'ExternalStatusGranted' });
          external.set(key, entry);
          break;
        }
        default:
          // Appointments and decisions change no status.
          break;
      }
    }
    return {
      id,
      established,
      changes,
      grants: [...grants.values()].map(({ toggles, ...rest }) => ({
        ...rest,
        spells: spellsOfToggles(toggles),
      })),
      external: [...external.values()].map(({ toggles, ...rest }) => ({
        ...rest,
        spells: spellsOfToggles(toggles),
      })),
    };
  });
}

type Toggle = When & { readonly granted: boolean };

/** A status granted, then ended, by turns: a grant while it holds and an end while it does not change nothing. */
function spellsOfToggles(toggles: readonly Toggle[]): Spell[] {
  const spells: Spell[] = [];
  let since: When | null = null;
  for (const toggle of toggles) {
    if (toggle.granted && since === null) since = toggle;
    else if (!toggle.granted && since !== null) {
      spells.push({ start: since.span, end: toggle.span, eventIds: [since.eventId, toggle.eventId] });
      since = null;
    }
  }
  if (since !== null) spells.push({ start: since.span, end: null, eventIds: [since.eventId] });
  return spells;
}

/** The day the organisation exists from: its founding instrument's entry into force. */
export function foundingOf(record: Record, organisation: Organisation): Span | null {
  const founding =
    organisation.established === null
      ? undefined
      : readInstrument(record, organisation.established.foundingInstrument);
  return founding?.governing ?? null;
}

/** Everyone its membership may concern: those its stream names, the predecessor's and the founding instrument's parties. */
export function candidatesOf(record: Record, organisation: Organisation): string[] {
  const found = new Set(organisation.changes.keys());
  for (const id of [
    organisation.established?.predecessorInstrument,
    organisation.established?.foundingInstrument,
  ]) {
    const instrument = id === undefined ? undefined : readInstrument(record, id);
    for (const participant of instrument?.periods.keys() ?? []) found.add(participant);
  }
  return [...found];
}

/**
 * Membership of the organisation: from its founding at the earliest. Where its stream admits the participant, by
 * the stream (an end, or else the effect of a withdrawal notice, closes a spell); where the stream is silent, while
 * a party to the founding instrument. Spells that meet on the same basis are one.
 */
export function membershipOf(record: Record, organisation: Organisation, participant: string): Membership[] {
  return record.reading(`membership ${organisation.id} ${participant}`, () => {
    const founding = foundingOf(record, organisation);
    if (founding === null || organisation.established === null) return [];
    const changes = organisation.changes.get(participant) ?? [];
    const raw: Membership[] = [];
    if (changes.some((change) => change.kind === 'admitted')) {
      let open: { start: Span; basis: string; ids: string[]; noticeEffect: Span | null } | null = null;
      for (const change of changes) {
        if (change.kind === 'admitted' && open === null) {
          open = {
            start: change.span,
            basis: change.instrument ?? organisation.id,
            ids: [change.eventId],
            noticeEffect: null,
          };
        } else if (change.kind === 'ended' && open !== null) {
          raw.push({
            start: open.start,
            end: change.span,
            basis: open.basis,
            eventIds: [...open.ids, change.eventId],
          });
          open = null;
        } else if (change.kind === 'notified' && open !== null) {
          const rules =
            change.instrument === undefined
              ? undefined
              : readInstrument(record, change.instrument)?.adopted?.rules;
          const effect = rules === undefined ? undefined : withdrawalEffectiveDate(rules, change.date);
          if (open.noticeEffect === null && effect !== undefined) open.noticeEffect = spanOfPeriod(effect);
          open.ids.push(change.eventId);
        }
      }
      if (open !== null)
        raw.push({ start: open.start, end: open.noticeEffect, basis: open.basis, eventIds: open.ids });
    } else {
      const charter = readInstrument(record, organisation.established.foundingInstrument);
      if (charter !== undefined) {
        for (const { start, end, bond } of boundOf(bondsOf(record, charter, participant)))
          raw.push({ start, end, basis: charter.id, eventIds: bond.eventIds });
      }
    }
    const spells = raw
      .map((spell) => ({ ...spell, start: laterSpan(spell.start, founding) }))
      .filter((spell) => spell.end === null || compareSpans(spell.start, spell.end) < 0)
      .sort((a, b) => compareSpans(a.start, b.start));
    const joined: Membership[] = [];
    for (const spell of spells) {
      const last = joined.at(-1);
      if (
        last !== undefined &&
        last.end !== null &&
        last.basis === spell.basis &&
        sameSpan(last.end, spell.start)
      ) {
        joined[joined.length - 1] = {
          ...last,
          end: spell.end,
          eventIds: [...last.eventIds, ...spell.eventIds],
        };
      } else joined.push(spell);
    }
    return joined;
  });
}

/** Before the organisation existed: the participant's spells as a party to the predecessor treaty, up to the founding. */
export function predecessorOf(record: Record, organisation: Organisation, participant: string): Membership[] {
  const id = organisation.established?.predecessorInstrument;
  const treaty = id === undefined ? undefined : readInstrument(record, id);
  if (treaty === undefined || !treaty.periods.has(participant)) return [];
  const founding = foundingOf(record, organisation);
  const spells: Membership[] = [];
  for (const { start, end, bond } of boundOf(bondsOf(record, treaty, participant))) {
    if (founding !== null && compareSpans(start, founding) >= 0) continue;
    const cut = founding !== null && (end === null || compareSpans(founding, end) < 0);
    spells.push({ start, end: cut ? founding : end, basis: treaty.id, eventIds: bond.eventIds });
  }
  return spells;
}

/**
 * One status per day (catalogue, "One status per day"), read within each spell of membership: a suspension
 * supersedes a freeze, a freeze while suspended changes nothing, a restoration ends a suspension, an unfreezing a
 * freeze, and the end of membership ends both. A declaration outside membership is no status of a member.
 */
export function statusesOf(record: Record, organisation: Organisation, participant: string): Status[] {
  const changes = organisation.changes.get(participant) ?? [];
  const spells: Status[] = [];
  for (const membership of membershipOf(record, organisation, participant)) {
    const within = changes.filter(
      (change) =>
        compareSpans(membership.start, change.span) <= 0 &&
        (membership.end === null || compareSpans(change.span, membership.end) < 0),
    );
    let open: { status: Status['status']; at: When } | null = null;
    for (const change of within) {
      const status: Status['status'] | undefined = open?.status;
      const closes =
        (change.kind === 'suspended' && status === 'frozen') ||
        (change.kind === 'restored' && status === 'suspended') ||
        (change.kind === 'unfrozen' && status === 'frozen');
      if (open !== null && closes)
        spells.push({
          status: open.status,
          start: open.at.span,
          end: change.span,
          eventIds: [open.at.eventId, change.eventId],
        });
      if (closes) open = null;
      if (change.kind === 'suspended' && status !== 'suspended') open = { status: 'suspended', at: change };
      else if (change.kind === 'frozen' && open === null) open = { status: 'frozen', at: change };
    }
    if (open !== null) {
      const endedBy = membership.end === null ? [] : membership.eventIds.slice(-1);
      spells.push({
        status: open.status,
        start: open.at.span,
        end: membership.end,
        eventIds: [open.at.eventId, ...endedBy],
      });
    }
  }
  return spells;
}
