/**
 * The first question about each organisation, asked of a record as the service's start-up leaves it, in a process of
 * its own: `node first-questions.js <database> <organisations>`. The process replays the store (`LiveRecord`, as the
 * service does before its first answer), then asks one state question per organisation (`org-0` …), each the first
 * about it, so each builds its organisation's views and derived values. Prints `{ ms, questions, members }`
 * as one JSON line, timed around the questions alone; `members` (the members the answers list, summed) lets the
 * bench check these answers against its own.
 *
 * In the bench's process the same questions come after it has appended the log and validated a hundred thousand
 * events, which no service does before its first answer, and they are one pass of about a second: one slow stretch
 * of the machine decides the figure. Here each run starts from the state a user meets, and the bench takes the
 * middle of several.
 */
import { SqliteEventStore } from '@app/event-store';
import { LiveRecord } from '@app/history';

/** The day every first question is about (the bench's in-process first questions ask the same). */
export const FIRST_QUESTION_DAY = '2000-01-01';

async function main(): Promise<void> {
  const [path, count] = process.argv.slice(2);
  const organisations = Number(count);
  if (path === undefined || !Number.isInteger(organisations) || organisations < 1)
    throw new Error('usage: first-questions.js <database> <organisations ≥ 1>');
  const store = new SqliteEventStore({ path });
  const record = new LiveRecord(store);
  await record.rebuild();
  const index = await record.current();
  let members = 0;
  const started = process.hrtime.bigint();
  for (let o = 0; o < organisations; o++)
    members += index.stateAsOf({ organisation: `org-${o}`, asOf: FIRST_QUESTION_DAY }).members.length;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  record.onApplicationShutdown();
  await store.close();
  console.log(JSON.stringify({ ms, questions: organisations, members }));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
