/**
 * The benchmark: `npm run bench -- --events 1000000` (default 1,000,000; `--batch 100`, `--queries 10000`,
 * `--reference-queries 3`, `--validated 100000`). Everything is measured in one run on the same rows:
 *
 * (a) batched append through SqliteEventStore vs raw better-sqlite3 inserts of the same rows, same durability
 *     (WAL, synchronous=FULL, same batch size, one transaction per batch);
 * (b) projection rebuild, the product's own (`LiveRecord.rebuild`: the store's paged read + the trusted read of
 *     stored events + TemporalIndex.apply + facts by id) vs raw read + JSON.parse + a trivial fold;
 * (c) as-of query latency of the index vs the reference fold;
 * (d) peak memory, and memory after the queries vs before.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseEvent } from '@app/domain';
import { SqliteEventStore, type NewEvent, type RecordedEvent } from '@app/event-store';
import { SCHEMA } from '@app/event-store/sqlite/schema';
import { LiveRecord, toStoredFact } from '@app/history';
import { referenceStateAsOf, type Fact } from '@app/projections';
import { shapeFor, syntheticHistory, type BenchRow } from './synthetic-history';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Options {
  readonly events: number;
  readonly batch: number;
  readonly queries: number;
  readonly referenceQueries: number;
  readonly validated: number;
}

function options(argv: readonly string[]): Options {
  const value = (name: string, fallback: number): number => {
    const at = argv.indexOf(`--${name}`);
    const raw = at >= 0 ? Number(argv[at + 1]) : fallback;
    if (!Number.isFinite(raw) || raw < 0) throw new Error(`--${name} must be a number, got ${argv[at + 1]}`);
    return Math.floor(raw);
  };
  return { events: value('events', 1_000_000), batch: value('batch', 100), queries: value('queries', 10_000), referenceQueries: value('reference-queries', 3), validated: value('validated', 100_000) };
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
let peakRss = 0;
let peakHeap = 0;
function sampleMemory(): NodeJS.MemoryUsage {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
  return usage;
}
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const rate = (count: number, ms: number): number => (count / ms) * 1000;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const shape = shapeFor(opts.events);
  const directory = mkdtempSync(join(tmpdir(), 'annals-bench-'));
  const rows: BenchRow[][] = [...syntheticHistory(opts.events, opts.batch, shape)];
  const total = rows.reduce((sum, batch) => sum + batch.length, 0);
  console.log(`annals bench: ${fmt(total)} events in ${fmt(rows.length)} batches of ≤${opts.batch}; ${shape.organisations} organisations, ${shape.states} states; ${directory}`);
  sampleMemory();

  // (a) append
  const store = new SqliteEventStore({ path: join(directory, 'store.db') });
  const revisions = new Map<string, number>();
  let started = now();
  for (const batch of rows) {
    const stream = (batch[0] as BenchRow).stream;
    const expected = revisions.get(stream);
    const events: NewEvent[] = batch.map((row) => ({ id: row.id, type: row.type, data: row.data, metadata: { recordedBy: 'bench', schemaVersion: 1 } }));
    const result = await store.appendToStream(stream, events, { expectedRevision: expected === undefined ? 'no_stream' : expected });
    revisions.set(stream, result.nextExpectedRevision);
  }
  const appendStoreMs = now() - started;
  sampleMemory();

  const raw = new Database(join(directory, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec(SCHEMA);
  const insert = raw.prepare('INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const rawRevisions = new Map<string, number>();
  const insertBatch = raw.transaction((batch: BenchRow[]) => {
    const recordedAt = new Date().toISOString();
    for (const row of batch) {
      const revision = (rawRevisions.get(row.stream) ?? -1) + 1;
      rawRevisions.set(row.stream, revision);
      insert.run(row.id, row.stream, revision, row.type, JSON.stringify(row.data), JSON.stringify({ recordedBy: 'bench', schemaVersion: 1 }), recordedAt);
    }
  });
  started = now();
  for (const batch of rows) insertBatch(batch);
  const appendRawMs = now() - started;
  rows.length = 0;
  collectGarbage();
  sampleMemory();

  // (b) rebuild: raw read + JSON.parse + trivial fold, then the product's rebuild
  started = now();
  const counts = new Map<string, number>();
  for (const row of raw.prepare<[], { type: string; data: string; metadata: string }>('SELECT * FROM events ORDER BY position').iterate()) {
    JSON.parse(row.data);
    JSON.parse(row.metadata);
    counts.set(row.type, (counts.get(row.type) ?? 0) + 1);
  }
  const rawReadMs = now() - started;
  raw.close();

  const record = new LiveRecord(store);
  const rebuilt = await record.rebuild();
  const rebuildMs = rebuilt.milliseconds;
  const index = await record.current();
  if (rebuilt.events !== total || index.size !== total) throw new Error(`rebuilt ${rebuilt.events} events into an index of ${index.size}, expected ${total}`);
  sampleMemory();

  // The same paged read through the store without the index, to see where the time goes.
  started = now();
  let read = 0;
  for await (const page of store.readAllPages()) read += page.length;
  const storeReadMs = now() - started;

  // parseEvent (class-validator) on a prefix of the log.
  const validatedCount = Math.min(opts.validated, total);
  started = now();
  let validated = 0;
  for await (const recorded of store.readAll({ maxCount: validatedCount })) {
    parseEvent({ type: recorded.type, ...(recorded.data as object) });
    validated += 1;
  }
  const validatedMs = now() - started;

  // (c) queries: first touch of each organisation (projections built lazily), then random days, then knownAt.
  const organisations = Array.from({ length: shape.organisations }, (_, o) => `org-${o}`);
  const next = ((seed: number) => () => ((seed = (seed * 1_664_525 + 1_013_904_223) >>> 0), seed / 2 ** 32))(7);
  const randomDay = (): string => new Date(Date.UTC(1992, 0, 1) + Math.floor(next() * 12_000) * 86_400_000).toISOString().slice(0, 10);
  const pickOrganisation = (): string => organisations[Math.floor(next() * organisations.length)] as string;
  started = now();
  let members = 0;
  for (const organisation of organisations) members += index.stateAsOf({ organisation, asOf: '2000-01-01' }).members.length;
  const firstTouchMs = now() - started;
  collectGarbage();
  const before = sampleMemory();
  const timings: number[] = [];
  for (let q = 0; q < opts.queries; q++) {
    const query = { organisation: pickOrganisation(), asOf: randomDay() };
    const t = now();
    members += index.stateAsOf(query).members.length;
    timings.push(now() - t);
  }
  collectGarbage();
  const after = sampleMemory();
  const edge = async (events: AsyncIterable<RecordedEvent>): Promise<string> => {
    for await (const event of events) return event.recordedAt;
    return '';
  };
  const firstRecorded = await edge(store.readAll({ maxCount: 1 }));
  const lastRecorded = await edge(store.readAll({ direction: 'backwards', maxCount: 1 }));
  const span = Date.parse(lastRecorded) - Date.parse(firstRecorded);
  const knownAtTimings: number[] = [];
  const knownAtQueries = Math.min(opts.queries, 1000);
  for (let q = 0; q < knownAtQueries; q++) {
    const knownAt = new Date(Date.parse(firstRecorded) + Math.floor(next() * span)).toISOString();
    const t = now();
    members += index.stateAsOf({ organisation: pickOrganisation(), asOf: randomDay(), knownAt }).members.length;
    knownAtTimings.push(now() - t);
  }
  // The reference fold reads a whole log of its own: read after the product's figures, and outside its peak.
  const productPeakRss = peakRss;
  const productPeakHeap = peakHeap;
  record.onApplicationShutdown();
  const facts: Fact[] = [];
  for await (const page of store.readAllPages()) for (const recorded of page) facts.push(toStoredFact(recorded));
  await store.close();
  const referenceTimings: number[] = [];
  for (let q = 0; q < opts.referenceQueries; q++) {
    const query = { organisation: pickOrganisation(), asOf: randomDay() };
    const t = now();
    const reference = referenceStateAsOf(facts, query);
    referenceTimings.push(now() - t);
    if (JSON.stringify(reference) !== JSON.stringify(index.stateAsOf(query))) throw new Error(`index and reference disagree on ${JSON.stringify(query)}`);
  }
  sampleMemory();
  rmSync(directory, { recursive: true, force: true });

  const sorted = [...timings].sort((a, b) => a - b);
  const sortedKnownAt = [...knownAtTimings].sort((a, b) => a - b);
  const sortedReference = [...referenceTimings].sort((a, b) => a - b);
  const table: [string, string, string, string][] = [
    ['append (events/s)', fmt(rate(total, appendStoreMs)), fmt(rate(total, appendRawMs)), (appendRawMs / appendStoreMs).toFixed(2)],
    ['rebuild: read+parse+fold (events/s)', fmt(rate(total, rebuildMs)), fmt(rate(total, rawReadMs)), (rawReadMs / rebuildMs).toFixed(2)],
    ['  store read in pages alone (events/s)', fmt(rate(read, storeReadMs)), fmt(rate(total, rawReadMs)), (rawReadMs / storeReadMs).toFixed(2)],
    ['  parseEvent, validated (events/s)', fmt(rate(validated, validatedMs)), fmt(rate(total, rawReadMs)), (rawReadMs / total / (validatedMs / validated)).toFixed(2)],
    ['as-of p50 (ms)', percentile(sorted, 50).toFixed(3), percentile(sortedReference, 50).toFixed(1), (percentile(sortedReference, 50) / percentile(sorted, 50)).toFixed(0) + '× faster'],
    ['as-of p99 (ms)', percentile(sorted, 99).toFixed(3), percentile(sortedReference, 99).toFixed(1), (percentile(sortedReference, 99) / percentile(sorted, 99)).toFixed(0) + '× faster'],
    ['as-of with knownAt p50 / p99 (ms)', `${percentile(sortedKnownAt, 50).toFixed(3)} / ${percentile(sortedKnownAt, 99).toFixed(3)}`, '', ''],
    ['first query per organisation (ms, mean)', (firstTouchMs / organisations.length).toFixed(3), '', ''],
    ['peak rss / heapUsed (before the reference)', `${mb(productPeakRss)} / ${mb(productPeakHeap)}`, '', ''],
    ['peak rss / heapUsed (with the reference)', `${mb(peakRss)} / ${mb(peakHeap)}`, '', ''],
    [`heapUsed before → after ${fmt(opts.queries)} queries`, `${mb(before.heapUsed)} → ${mb(after.heapUsed)}`, '', (after.heapUsed / before.heapUsed).toFixed(3)],
  ];
  console.log(`\n${'measure'.padEnd(44)}${'annals'.padStart(18)}${'raw / reference'.padStart(18)}${'ratio'.padStart(14)}`);
  for (const [name, ours, theirs, ratio] of table) console.log(`${name.padEnd(44)}${ours.padStart(18)}${theirs.padStart(18)}${ratio.padStart(14)}`);
  console.log(`\nratios: append and rebuild = annals rate / raw rate (target rebuild ≥ 0.50); queries: index ${fmt(opts.queries)}, with knownAt ${fmt(knownAtQueries)}, reference ${opts.referenceQueries} (checked equal to the index). Members seen: ${fmt(members)}; event types: ${counts.size}.`);
  console.log(`targets: rebuild ≥ 50% of raw → ${rawReadMs / rebuildMs >= 0.5 ? 'met' : 'NOT met'}; as-of p99 < 1 ms → ${percentile(sorted, 99) < 1 ? 'met' : 'NOT met'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
