import type { ChildProcess } from 'node:child_process';
import { spawnWithBench } from './children';

/**
 * Runs processes together but one at a time, each for a slice of wall time in turn (the others stopped with SIGSTOP,
 * resumed with SIGCONT), and gives what each printed, in the order given. Whatever else the machine is doing
 * (another engineer's tests, a build) then falls on all of them alike, slice by slice, instead of on whichever ran in
 * the bad minute: their CPU times can be compared. Their wall times cannot (they include the slices spent stopped).
 */
export async function interleaved(
  commands: readonly (readonly string[])[],
  sliceMs: number,
): Promise<string[]> {
  const children = commands.map(([command, ...args]) =>
    spawnWithBench(command as string, args, { stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  const running = new Set<ChildProcess>(children);
  // Sides still running when the turns end (one failed) are ended here; a bench that exits or is killed before
  // then has its watchdog end them (`spawnWithBench`).
  const killAll = (): void => {
    for (const child of running) child.kill('SIGKILL');
  };
  let turn = 0;
  for (const child of children.slice(1)) child.kill('SIGSTOP');
  const timer = setInterval(() => {
    const current = children[turn] as ChildProcess;
    if (running.size < 2) return;
    let next = turn;
    do next = (next + 1) % children.length;
    while (!running.has(children[next] as ChildProcess));
    if (running.has(current)) current.kill('SIGSTOP');
    (children[next] as ChildProcess).kill('SIGCONT');
    turn = next;
  }, sliceMs);
  try {
    return await Promise.all(
      children.map(
        (child, at) =>
          new Promise<string>((resolve, reject) => {
            let out = '';
            child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
            child.on('error', reject);
            child.on('close', (code) => {
              running.delete(child);
              // The last one left runs on its own: it may have been stopped as the one before it ended.
              for (const left of running) if (running.size === 1) left.kill('SIGCONT');
              if (code === 0) resolve(out);
              else reject(new Error(`${commands[at]?.join(' ')} exited with ${code}`));
            });
          }),
      ),
    );
  } finally {
    clearInterval(timer);
    killAll();
  }
}
