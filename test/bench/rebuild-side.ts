/**
 * One side of the bench's rebuild measure, run in a process of its own so that every round starts from the same
 * state, a fresh heap: `node rebuild-side.js raw|raw-keep|raw-plain|rebuild <database>`. Prints `{ ms, cpuMs, events, types }`
 * as one JSON line, timed around the work alone (not the loading of modules).
 *
 * - raw: the ceiling. better-sqlite3 reads the rows a replay reads, as the store reads them, JSON.parse of each one's
 *   data and metadata, a count per type. Like for like with the rebuild: the same file (the store's own, chain
 *   columns and all), the same eight columns a trusted row needs and nothing else, the same statement in pages of
 *   the replay's size, each row as an array. Every difference left is the product's own work: the trusted read
 *   (types checked, the event made type first from its parsed data, texts interned), the index's apply, and keeping
 *   what it read (the collector moving a million facts).
 * - raw-plain: the ceiling as it was measured until now, the driver's plain use: `SELECT *` (the chain columns too)
 *   one row at a time as objects, on a file the bench wrote with raw inserts (no chain). Measured paired with the
 *   rows above on one file of a million events, each part of that plain use cost more than the store's read:
 *   objects rather than arrays 18-19%, a statement stepped row by row rather than pages 16-19%, `*` rather than the
 *   eight columns 8-14%, the file without its chain 0-3% less; altogether the plain read took 1.6-1.8 times the CPU
 *   of the like-for-like one. Kept beside it so that the figures before and after the change can be compared.
 * - raw-keep: the raw read that also keeps what it reads, as any record held in memory must: one object per row with
 *   its fields, its parsed data and its metadata (parsed once per distinct text, as the rebuild does). It is not a
 *   goal's ceiling; against `raw` it shows what keeping alone costs (the collector moving a million objects into the
 *   old generation: at 1M events, 103 scavenges promoting 463 MB against raw's 14 MB, measured), and the rebuild
 *   against it shows the product's own work (its interning, its index) on top of that.
 * - rebuild: the product's `LiveRecord.rebuild` on the store (the paged read, the trusted read, the index's apply).
 */
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@app/event-store';
import { COLUMNS, type RawRow } from '@app/event-store/sqlite/statements';
import { LiveRecord } from '@app/history';

interface Timed {
  readonly events: number;
  readonly types: number;
}

/** LiveRecord's page size for a synchronous replay. */
const PAGE_SIZE = 256;

/** Reads the rows a replay reads, as the store reads them (see `raw`), handing each to `visit`; returns their count. */
function readRows(path: string, visit: (row: RawRow) => void): number {
  const db = new Database(path);
  const page = db
    .prepare<[number, number], RawRow>(
      `SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?`,
    )
    .raw(true);
  let events = 0;
  for (let next = 0; ;) {
    const rows = page.all(next, PAGE_SIZE);
    for (const row of rows) visit(row);
    events += rows.length;
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE_SIZE) break;
    next = last[0] + 1;
  }
  db.close();
  return events;
}

function readRaw(path: string): Timed {
  const counts = new Map<string, number>();
  const events = readRows(path, (row) => {
    JSON.parse(row[5]);
    JSON.parse(row[6]);
    counts.set(row[4], (counts.get(row[4]) ?? 0) + 1);
  });
  return { events, types: counts.size };
}

/** What `raw-keep` holds: kept past the timing, as a record is. */
const kept: object[] = [];

function readRawKeeping(path: string): Timed {
  const counts = new Map<string, number>();
  let metadataText = '';
  let metadata: unknown;
  const events = readRows(path, (row) => {
    if (row[6] !== metadataText) metadata = JSON.parse((metadataText = row[6]));
    kept.push({
      id: row[1],
      streamId: row[2],
      revision: row[3],
      position: row[0],
      recordedAt: row[7],
      type: row[4],
      data: JSON.parse(row[5]) as unknown,
      metadata,
    });
    counts.set(row[4], (counts.get(row[4]) ?? 0) + 1);
  });
  return { events, types: counts.size };
}

function readRawPlain(path: string): Timed {
  const db = new Database(path);
  const counts = new Map<string, number>();
  let events = 0;
  for (const row of db
    .prepare<[], { type: string; data: string; metadata: string }>('SELECT * FROM events ORDER BY position')
    .iterate()) {
    JSON.parse(row.data);
    JSON.parse(row.metadata);
    counts.set(row.type, (counts.get(row.type) ?? 0) + 1);
    events += 1;
  }
  db.close();
  return { events, types: counts.size };
}

async function rebuild(path: string): Promise<Timed> {
  const store = new SqliteEventStore({ path });
  const record = new LiveRecord(store);
  const { events } = await record.rebuild();
  record.onApplicationShutdown();
  await store.close();
  return { events, types: 0 };
}

const SIDES = { raw: readRaw, 'raw-keep': readRawKeeping, 'raw-plain': readRawPlain, rebuild } as const;
export type RebuildSideName = keyof typeof SIDES;

async function main(): Promise<void> {
  const [side, path] = process.argv.slice(2);
  if (side === undefined || !(side in SIDES) || path === undefined)
    throw new Error(`usage: rebuild-side.js ${Object.keys(SIDES).join('|')} <database>`);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const timed = await SIDES[side as RebuildSideName](path);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, ...timed }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
