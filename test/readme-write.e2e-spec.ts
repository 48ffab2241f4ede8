import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './support/cli';

const TOKEN = 'readme-example-writer-token';

/** The shell commands of the README's writing example: the lines after `$ `, with their continuation lines. */
function readmeWriteExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block =
    readme.slice(readme.indexOf('Writing needs a writer token')).split('```console\n')[1]?.split('```')[0] ??
    '';
  const commands: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('$ ')) commands.push(line.slice(2));
    else if (/^\s/.test(line) && commands.length > 0) commands[commands.length - 1] += `\n${line}`;
  }
  return commands.join('\n');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The README's example, run by bash with curl against the real API process on a fresh store. */
describe('the README’s writing example', () => {
  jest.setTimeout(60_000);
  let dir: string;
  let api: ChildProcess;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'annals-readme-'));
    port = await freePort();
    api = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        ANNALS_DB: join(dir, 'annals.db'),
        ANNALS_WRITER_TOKENS: `alice:${TOKEN}`,
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      api.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('API on')) resolve();
      });
      api.on('exit', (code) => reject(new Error(`the API stopped with ${String(code)}: ${output}`)));
    });
  });
  afterAll(() => {
    api.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records the fact with the ETag a HEAD gave as If-Match, on a fresh store', () => {
    const script = readmeWriteExample().replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`);
    expect(script).toContain('If-Match: $ETAG');
    // BASH_ENV would have bash read a start-up file first; the example runs as a user would type it.
    const { BASH_ENV: _startUp, ...env } = process.env;
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      env: { ...env, TOKEN },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({
      id: '0b7e6a52-3c1a-4c3e-9a57-3e1f5b1d2c4a',
      streamId: 'instrument-peacekeeping-agreement-2007',
      created: true,
    });
  });
});
