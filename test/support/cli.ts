import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const EVENTS_DIR = join(ROOT, 'events');
export const CLI = join(ROOT, 'dist', 'apps', 'cli', 'src', 'annals.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a real process (`npm test` builds first) against the given store file. */
export function runCli(args: readonly string[], env: Record<string, string>): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
