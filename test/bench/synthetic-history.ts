import type { DomainEvent } from '@app/domain';

/**
 * One event as the benchmark appends it: its stream and id, the data the store holds (the event minus `type`) and
 * the metadata a writer sends. It is the store's `NewEvent` as it is, so that the store, like raw better-sqlite3, is
 * handed its input ready-made.
 */
export interface BenchRow {
  readonly id: string;
  readonly stream: string;
  readonly type: DomainEvent['type'];
  readonly data: Record<string, unknown>;
  readonly metadata: typeof METADATA;
}

/** One object for every row, as a writer that stamps the same metadata on each event would pass it. */
const METADATA = { recordedBy: 'bench', schemaVersion: 1 } as const;

const SOURCES = [{ seed: '004_b382b7bce98f5533.txt', quote: 'May 15, 1992: 6 post-Soviet CIS countries' }];
const EPOCH = Date.UTC(1992, 0, 1);

function dayOf(step: number, coarse = false): string {
  const day = new Date(EPOCH + step * 86_400_000).toISOString().slice(0, 10);
  return coarse ? day.slice(0, 7) : day;
}

/** AAA, AAB, … : state codes of the right shape (ISO 3166-1 alpha-3), as many as asked for. */
export function stateCode(index: number): string {
  const letter = (n: number): string => String.fromCharCode(65 + (n % 26));
  return letter(Math.floor(index / 676)) + letter(Math.floor(index / 26)) + letter(index);
}

/** A small deterministic generator, so that every run benchmarks the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface HistoryShape {
  readonly organisations: number;
  readonly membersPerOrganisation: number;
  readonly states: number;
}

/** About 5,000 events per organisation, 40 members each, drawn from 250 states. */
export function shapeFor(events: number): HistoryShape {
  return { organisations: Math.max(1, Math.round(events / 5000)), membersPerOrganisation: 40, states: 250 };
}

/**
 * A synthetic record shaped like the real one: per organisation, its establishment and founding charter
 * (signed and deposited by its members, in force on the last deposit), agreements entering into force on the
 * fourth deposit with later withdrawals, admissions, suspensions and freezes, observer and partner grants (some
 * dated only to the month), and deployments. Events come in batches of one stream, streams interleaved, as
 * writers would append them; exactly `total` events.
 */
export function* syntheticHistory(
  total: number,
  batchSize: number,
  shape = shapeFor(total),
): Generator<BenchRow[]> {
  const next = random(20_240_222);
  const perOrganisation = Math.ceil(total / shape.organisations);
  const streams: Generator<BenchRow[]>[] = [];
  for (let o = 0; o < shape.organisations; o++)
    streams.push(organisationBatches(o, perOrganisation, batchSize, shape, next));
  let emitted = 0;
  while (emitted < total && streams.length > 0) {
    for (let s = 0; s < streams.length && emitted < total; s++) {
      const result = (streams[s] as Generator<BenchRow[]>).next();
      if (result.done) {
        streams.splice(s, 1);
        s -= 1;
        continue;
      }
      const batch = result.value.slice(0, total - emitted);
      emitted += batch.length;
      yield batch;
    }
  }
}

function* organisationBatches(
  o: number,
  budget: number,
  batchSize: number,
  shape: HistoryShape,
  next: () => number,
): Generator<BenchRow[]> {
  const organisation = `org-${o}`;
  const charter = `charter-${o}`;
  const members = Array.from({ length: shape.membersPerOrganisation }, (_, m) =>
    stateCode((o * 7 + m * 3) % shape.states),
  );
  let count = 0;
  const row = (stream: string, type: DomainEvent['type'], fields: Record<string, unknown>): BenchRow => {
    count += 1;
    return {
      id: `${o.toString(16).padStart(8, '0')}-0000-4000-8000-${count.toString(16).padStart(12, '0')}`,
      stream,
      type,
      data: { sources: SOURCES, confidence: 'high', ...fields },
      metadata: METADATA,
    };
  };
  const inBatches = function* (rows: BenchRow[]): Generator<BenchRow[]> {
    for (let at = 0; at < rows.length; at += batchSize) yield rows.slice(at, at + batchSize);
  };
  const start = Math.floor(next() * 3000);
  const orgStream = `organisation-${organisation}`;
  const charterStream = `instrument-${charter}`;
  yield* inBatches([
    row(orgStream, 'OrganisationEstablished', {
      effectiveDate: dayOf(start),
      organisation,
      name: `Organisation ${o}`,
      foundingInstrument: charter,
    }),
  ]);
  const charterRows = [
    row(charterStream, 'InstrumentAdopted', {
      effectiveDate: dayOf(start),
      instrument: charter,
      title: `Charter ${o}`,
      kind: 'charter',
      organisation,
      rules: { entryIntoForce: { kind: 'on-last-signatory-deposit' }, withdrawalNoticeMonths: 6 },
    }),
  ];
  members.forEach((participant) =>
    charterRows.push(
      row(charterStream, 'InstrumentSigned', {
        effectiveDate: dayOf(start + 1),
        instrument: charter,
        participant,
      }),
    ),
  );
  members.forEach((participant, m) =>
    charterRows.push(
      row(charterStream, 'InstrumentDeposited', {
        effectiveDate: dayOf(start + 30 + m * 5),
        instrument: charter,
        participant,
        kind: 'ratification',
      }),
    ),
  );
  yield* inBatches(charterRows);
  yield* inBatches(
    members.map((participant) =>
      row(orgStream, 'MemberAdmitted', {
        effectiveDate: dayOf(start + 240),
        organisation,
        participant,
        mode: 'original',
        basis: charter,
      }),
    ),
  );
  // The rest of the budget: organisation life, agreements and deployments, in that proportion.
  let step = start + 300;
  let agreement = 0;
  let deployment = 0;
  while (count < budget) {
    const roll = next();
    if (roll < 0.45) {
      const rows: BenchRow[] = [];
      for (let i = 0; i < batchSize; i++) {
        const participant = members[Math.floor(next() * members.length)] as string;
        step += 1;
        const kind = Math.floor(next() * 6);
        const base = { effectiveDate: dayOf(step, kind >= 4 && next() < 0.3), organisation, participant };
        if (kind === 0) rows.push(row(orgStream, 'MembershipSuspended', { ...base, decidedBy: 'council' }));
        else if (kind === 1)
          rows.push(row(orgStream, 'MembershipRestored', { ...base, decidedBy: 'council' }));
        else if (kind === 2)
          rows.push(row(orgStream, 'ParticipationFrozen', { ...base, declaredBy: participant }));
        else if (kind === 3)
          rows.push(row(orgStream, 'ParticipationUnfrozen', { ...base, declaredBy: participant }));
        else if (kind === 4)
          rows.push(
            row(orgStream, next() < 0.5 ? 'ObserverStatusGranted' : 'ObserverStatusEnded', {
              ...base,
              participant: stateCode(Math.floor(next() * shape.states)),
              body: next() < 0.5 ? organisation : `${organisation}-assembly`,
            }),
          );
        else
          rows.push(
            row(orgStream, next() < 0.5 ? 'PartnerStatusGranted' : 'PartnerStatusEnded', {
              ...base,
              participant: stateCode(Math.floor(next() * shape.states)),
              body: organisation,
            }),
          );
      }
      yield rows;
    } else if (roll < 0.9) {
      const id = `agreement-${o}-${agreement++}`;
      const stream = `instrument-${id}`;
      const rows = [
        row(stream, 'InstrumentAdopted', {
          effectiveDate: dayOf(step),
          instrument: id,
          title: `Agreement ${id}`,
          kind: 'agreement',
          organisation,
          rules: { entryIntoForce: { kind: 'on-nth-deposit', n: 4 }, withdrawalNoticeMonths: 6 },
        }),
      ];
      for (const [m, participant] of members.entries()) {
        rows.push(
          row(stream, 'InstrumentSigned', { effectiveDate: dayOf(step + 1), instrument: id, participant }),
        );
        rows.push(
          row(stream, 'InstrumentDeposited', {
            effectiveDate: dayOf(step + 20 + m * 11),
            instrument: id,
            participant,
            kind: 'ratification',
          }),
        );
        if (m % 8 === 0)
          rows.push(
            row(stream, 'InstrumentWithdrawalNotified', {
              effectiveDate: dayOf(step + 900 + m),
              instrument: id,
              participant,
            }),
          );
      }
      step += 30;
      yield* inBatches(rows);
    } else {
      const id = `op-${o}-${deployment++}`;
      const stream = `deployment-${id}`;
      const host = members[deployment % members.length] as string;
      const rows = [
        row(stream, 'DeploymentRequested', {
          effectiveDate: dayOf(step),
          deployment: id,
          organisation,
          host,
          requestedBy: host,
        }),
        row(stream, 'DeploymentAuthorized', {
          effectiveDate: dayOf(step + 1),
          deployment: id,
          decidedBy: 'council',
          legalBasis: 'art. 4',
          mandate: 'protect facilities',
        }),
        ...members.slice(0, 8).map((contributor) =>
          row(stream, 'ContingentDeployed', {
            effectiveDate: dayOf(step + 2),
            deployment: id,
            contributor,
            size: 100,
          }),
        ),
        row(stream, 'DeploymentWithdrawalStarted', { effectiveDate: dayOf(step + 10), deployment: id }),
        row(stream, 'DeploymentEnded', { effectiveDate: dayOf(step + 20), deployment: id }),
      ];
      step += 5;
      yield* inBatches(rows);
    }
  }
}
