import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/cli';

// The bench's rebuild sides take turns by SIGSTOP and SIGCONT (`interleaved`). These tests run the built module in a
// process of its own, as the bench does, with sides that would run for ever, and look at the processes in /proc.

const INTERLEAVED = join(ROOT, 'dist', 'test', 'bench', 'interleaved.js');
const FOREVER = 'setInterval(() => {}, 1000)';

/** A stand-in for the bench: `interleaved` over two sides running `code`, what it printed written out at the end. */
function bench(code: string): ChildProcess {
  const side = JSON.stringify([process.execPath, '-e', code]);
  const script = `require(${JSON.stringify(INTERLEAVED)}).interleaved([${side}, ${side}], 20).then((printed) => console.log(JSON.stringify(printed)));`;
  return spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
}

/** The state of a process as /proc gives it (R, S, T when stopped, Z once it has ended unreaped), none once it is gone. */
function stateOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

function hasEnded(pid: number): boolean {
  const state = stateOf(pid);
  return state === undefined || state === 'Z';
}

/** The processes whose parent is `parent` and whose command line holds `text`. */
function childrenOf(parent: number, text: string): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text))
        children.push(Number(entry));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return children;
}

/** Polls until `check` holds; fails with `what` after 30 s (a process that never ends, not a slow one). */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(what);
}

describe("the bench's child processes", () => {
  jest.setTimeout(60_000);

  it('end when the bench is killed outright (SIGKILL), stopped ones included', async () => {
    const stand = bench(FOREVER);
    const pid = stand.pid as number;
    let sides: number[] = [];
    try {
      await eventually(() => {
        sides = childrenOf(pid, FOREVER);
        return sides.length === 2 && sides.some((side) => stateOf(side) === 'T');
      }, 'the bench did not start two sides taking turns');
      stand.kill('SIGKILL');
      await eventually(
        () => sides.every(hasEnded),
        `sides left behind: ${sides
          .filter((side) => !hasEnded(side))
          .map((side) => `${side} (${stateOf(side)})`)
          .join(', ')}`,
      );
    } finally {
      stand.kill('SIGKILL');
      for (const side of sides) if (!hasEnded(side)) process.kill(side, 'SIGKILL');
    }
  });

  it('leave nothing behind, and keep the bench from ending in no way, when it ends of itself', async () => {
    const stand = bench('console.log(process.pid)');
    const pid = stand.pid as number;
    let printed = '';
    stand.stdout?.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
    const watchdogs = new Set<number>();
    const code = await new Promise<number | null>((resolve) => {
      const look = setInterval(
        () => childrenOf(pid, 'process.stdin').forEach((watchdog) => watchdogs.add(watchdog)),
        10,
      );
      stand.on('close', (exitCode) => {
        clearInterval(look);
        resolve(exitCode);
      });
    });
    expect(code).toBe(0);
    expect(watchdogs.size).toBe(1);
    const sides = (JSON.parse(printed) as string[]).map(Number);
    expect(sides).toHaveLength(2);
    expect(sides.every(hasEnded)).toBe(true);
    await eventually(() => [...watchdogs].every(hasEnded), 'the watchdog outlived the bench');
  });
});
