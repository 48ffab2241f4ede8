import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import type { Socket } from 'node:net';

/**
 * Kills every process id it was told of (`+pid`) and not told was gone (`-pid`) when its stdin ends. Its stdin is a
 * pipe from the bench, which the kernel closes when the bench dies, however it dies.
 */
const WATCHDOG = `
const alive = new Set();
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  const lines = (pending + chunk).split('\\n');
  pending = lines.pop();
  for (const line of lines) (line.startsWith('+') ? alive.add(line.slice(1)) : alive.delete(line.slice(1)));
});
process.stdin.on('end', () => {
  for (const pid of alive) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {}
  }
});
`;

let watchdog: ChildProcess | undefined;

/** The bench's watchdog, started with its first child; it keeps the bench from ending in no way (its pipe is unreferenced). */
function watchdogProcess(): ChildProcess {
  if (watchdog === undefined) {
    watchdog = spawn(process.execPath, ['-e', WATCHDOG], { stdio: ['pipe', 'ignore', 'inherit'] });
    watchdog.unref();
    // Ended with the bench's process group (Ctrl-C), it is simply no longer told anything.
    watchdog.stdin?.on('error', () => undefined);
    // A piped stdin is a socket.
    (watchdog.stdin as Socket | null)?.unref();
  }
  return watchdog;
}

/**
 * A child process of the bench that ends with it, however the bench ends. A bench killed with SIGKILL runs no exit
 * handler: without this, its rebuild sides would stay stopped (they take turns by SIGSTOP and SIGCONT) and its
 * servers would go on listening, each holding a store's worth of memory, until someone found them. A watchdog
 * process kills those still running when the bench's pipe to it closes. A child that ends is struck off first, so
 * that a process id the system hands out again after it is never killed.
 */
export function spawnWithBench(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): ChildProcess {
  const child = spawn(command, args, options);
  const pid = child.pid;
  if (pid === undefined) return child;
  const guard = watchdogProcess();
  guard.stdin?.write(`+${pid}\n`);
  child.once('exit', () => guard.stdin?.write(`-${pid}\n`));
  return child;
}
