/**
 * One side of the bench's rebuild measure, run in a process of its own so that every round starts from the same
 * state, a fresh heap: `node rebuild-side.js raw|rebuild <database>`. Prints `{ ms, cpuMs, events, types }` as one
 * JSON line, timed around the work alone (not the loading of modules).
 *
 * - raw: better-sqlite3 reads every row, JSON.parse of its data and metadata, a count per type (the ceiling);
 * - rebuild: the product's `LiveRecord.rebuild` on the store (the paged read, the trusted read, the index's apply).
 */
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@app/event-store';
import { LiveRecord } from '@app/history';

interface Timed {
  readonly events: number;
  readonly types: number;
}

function readRaw(path: string): Timed {
  const db = new Database(path);
  const counts = new Map<string, number>();
  let events = 0;
  for (const row of db.prepare<[], { type: string; data: string; metadata: string }>('SELECT * FROM events ORDER BY position').iterate()) {
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

async function main(): Promise<void> {
  const [side, path] = process.argv.slice(2);
  if ((side !== 'raw' && side !== 'rebuild') || path === undefined) throw new Error('usage: rebuild-side.js raw|rebuild <database>');
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const timed = side === 'raw' ? readRaw(path) : await rebuild(path);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, ...timed }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
