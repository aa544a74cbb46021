import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_PLATFORM_HELP } from '../../src/app/server';

/** The built entry point (the global test setup builds it). */
const MAIN = join(__dirname, '../../dist/src/app/main.js');

/** Runs `node main.js ...args` with `env` only (plus PATH), `input` on stdin, to its exit. */
function runMain(
  args: string[],
  env: NodeJS.ProcessEnv,
  input = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('main (npm start, the container entry)', () => {
  it('asked to serve with no platform configured, says what to set and exits 1', async () => {
    const result = await runMain(['server'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${NO_PLATFORM_HELP}\n`);
  });

  it('on invalid settings prints each bad variable and exits 1', async () => {
    const result = await runMain([], { MAX_DAILY_BUDGET: 'lots' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Invalid settings:\n {2}MAX_DAILY_BUDGET="lots": /);
  });

  it('with no platform runs the terminal chat, and exits 0 at the end of input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tab-main-'));
    const result = await runMain([], { LOG_FILE: join(dir, 'bot.log') }, '/quit\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\[setup\] TikTok: emulator at http:\/\/127\.0\.0\.1:\d+/);
    expect(result.stderr).toBe('');
  });
});
