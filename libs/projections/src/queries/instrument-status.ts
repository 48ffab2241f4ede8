import type { InstrumentQuery } from './query';
import { generalEntryIntoForce, partiesOf, type PartySpell } from '../record/instrument-rules';
import {
  entryIntoForceDoubt,
  inForceOn,
  undeterminedBy,
  unknownPartiesDoubt,
  type Undetermined,
} from './rows';
import { hasTakenEffect, holdsOn, sameSpan, uncertainties, type Span, type UncertainRow } from '../time/span';
import type { PartyEpisode } from '../record/subject-views';
import type { ViewSource } from '../record/view-source';

/** Derived and reported dates side by side; `governing` is the one the answer follows (derived, else reported). */
export interface DatesCompared {
  readonly derived: string | null;
  readonly reported: string | null;
  readonly governing: string | null;
  readonly disagreement: boolean;
}

/** One row of the participants table, as the UN Treaty Collection shows it, on the day asked about. */
export interface ParticipantRow {
  readonly participant: string;
  readonly status: 'signatory' | 'consented' | 'party' | 'no-longer-party';
  readonly signature: string | null;
  readonly ratification: {
    readonly number: string | null;
    readonly date: string;
    readonly title: string;
  } | null;
  readonly deposit: { readonly date: string; readonly kind: string } | null;
  /** The day the instrument entered into force for the participant, once it has. */
  readonly inForce: string | null;
  readonly entryIntoForce: DatesCompared;
  readonly withdrawal: { readonly notified: string | null; readonly effective: string | null };
  readonly termination: (DatesCompared & { readonly reason: string | null }) | null;
  /** The facts of the participant's current period that had happened by the day. */
  readonly eventIds: readonly string[];
}

export interface InstrumentStatus {
  readonly instrument: string;
  readonly asOf: string;
  readonly knownAt: string | null;
  /** Adopted on or before the day. */
  readonly exists: boolean;
  readonly title: string | null;
  readonly kind: string | null;
  readonly organisation: string | null;
  readonly adopted: string | null;
  /** As on the state's instrument rows: `undetermined` inside the period its entry into force is known to. */
  readonly inForce: boolean | 'undetermined';
  readonly undetermined?: Undetermined;
  readonly entryIntoForce: DatesCompared;
  readonly participants: readonly ParticipantRow[];
  readonly uncertain: readonly UncertainRow[];
}

export function composeInstrumentStatus(source: ViewSource, query: InstrumentQuery): InstrumentStatus {
  const { instrument: id, asOf: day } = query;
  const view = source.instrument(id);
  const adopted = view?.adopted && hasTakenEffect(view.adopted.span, day) ? view.adopted : null;
  const general = view ? generalEntryIntoForce(source, view) : null;
  const uncertain: UncertainRow[] = [];
  const { inForce, doubt } = inForceOn(general?.governing ?? null, day);
  if (doubt) uncertain.push(entryIntoForceDoubt(id, doubt));
  const participants: ParticipantRow[] = [];
  const parties = view ? [...partiesOf(source, view)].sort(([a], [b]) => (a < b ? -1 : 1)) : [];
  for (const [participant, spells] of parties) {
    const bound = spells.flatMap((spell) => (spell.start ? [{ start: spell.start, end: spell.end }] : []));
    uncertain.push(...uncertainties(bound, day, { subject: id, participant, status: 'party' }));
    const current = currentPeriod(spells, day);
    const row = current && participantRow(participant, current, day);
    if (row) participants.push(row);
  }
  const unbound =
    general?.derived === null && inForce !== false
      ? participants.filter((row) => row.status === 'signatory')
      : [];
  if (general?.governing && unbound.length > 0)
    uncertain.push(
      unknownPartiesDoubt(
        id,
        general.governing,
        unbound.map((row) => row.participant),
        day,
      ),
    );
  return {
    instrument: id,
    asOf: day,
    knownAt: query.knownAt ?? null,
    exists: adopted !== null,
    title: adopted?.title ?? null,
    kind: adopted?.instrumentKind ?? null,
    organisation: adopted?.organisation ?? null,
    adopted: adopted?.date ?? null,
    inForce,
    ...undeterminedBy(doubt),
    entryIntoForce: compared(general?.derived ?? null, general?.reported ?? null, day),
    participants,
    uncertain,
  };
}

/** Shows only what had happened by the day; a date still to come is left out (null). */
function compared(derived: Span | null, reported: Span | null, day: string): DatesCompared {
  const shown = (span: Span | null): Span | null => (span && hasTakenEffect(span, day) ? span : null);
  return datesCompared(shown(derived), shown(reported));
}

/** The derived and the reported date side by side, the derived one governing. */
export function datesCompared(derived: Span | null, reported: Span | null): DatesCompared {
  const governing = derived ?? reported;
  return {
    derived: derived?.label ?? null,
    reported: reported?.label ?? null,
    governing: governing?.label ?? null,
    disagreement: derived !== null && reported !== null && !sameSpan(derived, reported),
  };
}

/** The latest of a participant's periods that had begun by the day: the one its row shows. */
function currentPeriod(spells: readonly PartySpell[], day: string): PartySpell | undefined {
  for (let index = spells.length - 1; index >= 0; index--) {
    const spell = spells[index] as PartySpell;
    if (index === 0 || hasBegun(spell.episode, day)) return spell;
  }
  return undefined;
}

function hasBegun(episode: PartyEpisode, day: string): boolean {
  return [episode.signature, episode.ratification, episode.deposit, episode.reportedInForce].some(
    (at) => at !== undefined && hasTakenEffect(at.span, day),
  );
}

function participantRow(participant: string, spell: PartySpell, day: string): ParticipantRow | null {
  const happened = <T extends { readonly span: Span }>(at: T | undefined): T | undefined =>
    at && hasTakenEffect(at.span, day) ? at : undefined;
  const { episode } = spell;
  const signature = happened(episode.signature);
  const ratification = happened(episode.ratification);
  const deposit = happened(episode.deposit);
  const notice = happened(episode.withdrawalNotice);
  const bound = spell.start !== null && hasTakenEffect(spell.start, day);
  const gone = bound && spell.end !== null && hasTakenEffect(spell.end, day);
  if (!signature && !ratification && !deposit && !bound && !notice) return null;
  const status = gone
    ? 'no-longer-party'
    : bound && holdsOn({ start: spell.start, end: spell.end }, day)
      ? 'party'
      : deposit
        ? 'consented'
        : 'signatory';
  const termination = gone
    ? { ...compared(spell.derivedEnd, spell.reportedEnd, day), reason: spell.endReason }
    : null;
  return {
    participant,
    status,
    signature: signature?.date ?? null,
    ratification: ratification
      ? {
          number: ratification.act.number ?? null,
          date: ratification.act.date,
          title: ratification.act.title,
        }
      : null,
    deposit: deposit ? { date: deposit.date, kind: deposit.depositKind } : null,
    inForce: bound && spell.start ? spell.start.label : null,
    entryIntoForce: compared(spell.derivedStart, spell.reportedStart, day),
    withdrawal: {
      notified: notice?.date ?? null,
      effective: notice && spell.end && spell.endReason === 'withdrawal' ? spell.end.label : null,
    },
    termination,
    eventIds: [
      ...new Set([
        ...[
          signature,
          ratification,
          deposit,
          happened(episode.reportedInForce),
          notice,
          happened(episode.termination),
        ].flatMap((at) => (at ? [at.eventId] : [])),
        ...(bound ? spell.eventIds : []),
      ]),
    ],
  };
}
