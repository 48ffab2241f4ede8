import type { Fact } from '../record/fact';
import type { InstrumentQuery } from '../queries/query';
import type { DatesCompared, InstrumentStatus, ParticipantRow } from '../queries/instrument-status';
import type { UncertainRow } from '../time/span';
import { hasTakenEffect, type Span } from '../time/span';
import { holds, inForceOnDay, uncertainRows } from './days';
import { entryIntoForceDoubt, undeterminedBy, unknownPartiesDoubt } from '../queries/rows';
import { boundOf, disagree, partiesOf, readInstrument, type Bond } from './instrument';
import { byText, Record, type When } from './record';

/** The participants table of an instrument on one day, read from the whole record. */
export function referenceInstrumentStatusAsOf(
  log: readonly Fact[],
  query: InstrumentQuery,
): InstrumentStatus {
  const record = new Record(log, query.knownAt);
  const { instrument: id, asOf: day } = query;
  const instrument = readInstrument(record, id);
  const adopted =
    instrument?.adopted && hasTakenEffect(instrument.adopted.span, day) ? instrument.adopted : null;
  const { inForce, doubt } = inForceOnDay(instrument?.governing ?? null, day);
  const uncertain: UncertainRow[] = doubt ? [entryIntoForceDoubt(id, doubt)] : [];
  const participants: ParticipantRow[] = [];
  const parties =
    instrument === undefined ? [] : [...partiesOf(record, instrument)].sort(([a], [b]) => byText(a, b));
  for (const [participant, bonds] of parties) {
    uncertain.push(...uncertainRows(boundOf(bonds), day, id, participant, 'party'));
    // The row shows the latest period begun by the day (by any fact of consent), else the first.
    const shown = bonds.filter((bond, index) => index === 0 || begun(bond, day)).at(-1);
    const row = shown && participantRow(participant, shown, day);
    if (row) participants.push(row);
  }
  const signatories = participants.filter((row) => row.status === 'signatory').map((row) => row.participant);
  if (
    instrument?.derived === null &&
    instrument.governing !== null &&
    inForce !== false &&
    signatories.length > 0
  ) {
    uncertain.push(unknownPartiesDoubt(id, instrument.governing, signatories, day));
  }
  return {
    instrument: id,
    asOf: day,
    knownAt: query.knownAt ?? null,
    exists: adopted !== null,
    title: adopted?.title ?? null,
    kind: adopted?.kind ?? null,
    organisation: adopted?.organisation ?? null,
    adopted: adopted?.date ?? null,
    inForce,
    ...undeterminedBy(doubt),
    entryIntoForce: comparedOn(instrument?.derived ?? null, instrument?.reported ?? null, day),
    participants,
    uncertain,
  };
}

function begun(bond: Bond, day: string): boolean {
  const { signature, ratification, deposit, reportedInForce } = bond.period;
  return [signature, ratification, deposit, reportedInForce].some(
    (at) => at !== undefined && hasTakenEffect(at.span, day),
  );
}

/** Derived and reported dates side by side, leaving out one still to come on the day. */
function comparedOn(derived: Span | null, reported: Span | null, day: string): DatesCompared {
  const d = derived && hasTakenEffect(derived, day) ? derived : null;
  const r = reported && hasTakenEffect(reported, day) ? reported : null;
  return {
    derived: d?.label ?? null,
    reported: r?.label ?? null,
    governing: (d ?? r)?.label ?? null,
    disagreement: disagree(d, r),
  };
}

function participantRow(participant: string, bond: Bond, day: string): ParticipantRow | null {
  const by = <T extends When>(at: T | undefined): T | undefined =>
    at && hasTakenEffect(at.span, day) ? at : undefined;
  const { period } = bond;
  const signature = by(period.signature);
  const ratification = by(period.ratification);
  const deposit = by(period.deposit);
  const notice = by(period.withdrawalNotice);
  const bound = bond.start !== null && hasTakenEffect(bond.start, day);
  const gone = bound && bond.end !== null && hasTakenEffect(bond.end, day);
  if (!signature && !ratification && !deposit && !bound && !notice) return null;
  const status = gone
    ? 'no-longer-party'
    : bound && bond.start && holds({ start: bond.start, end: bond.end }, day)
      ? 'party'
      : deposit
        ? 'consented'
        : 'signatory';
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
    deposit: deposit ? { date: deposit.date, kind: deposit.kind } : null,
    inForce: bound && bond.start ? bond.start.label : null,
    entryIntoForce: comparedOn(bond.derivedStart, bond.reportedStart, day),
    withdrawal: {
      notified: notice?.date ?? null,
      effective: notice && bond.end && bond.endReason === 'withdrawal' ? bond.end.label : null,
    },
    termination: gone
      ? { ...comparedOn(bond.derivedEnd, bond.reportedEnd, day), reason: bond.endReason }
      : null,
    eventIds: [
      ...new Set([
        ...[
          signature,
          ratification,
          deposit,
          by(period.reportedInForce),
          notice,
          by(period.termination),
        ].flatMap((at) => (at ? [at.eventId] : [])),
        ...(bound ? bond.eventIds : []),
      ]),
    ],
  };
}
