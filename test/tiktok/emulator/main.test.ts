import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_APP_ID,
  EMULATOR_SECRET,
} from '../../../src/tiktok/emulator';

// `npm run emulator` runs the built file; test/global-setup.js builds dist/ first.
const MAIN = join(__dirname, '../../../dist/src/tiktok/emulator/main.js');

interface Started {
  proc: ChildProcess;
  baseUrl: string;
  banner: () => string;
  exited: Promise<number | null>;
}

/** Starts the emulator's entry point on a free port; resolves once it prints its URL. */
function start(env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const proc = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1] && out.includes('access_token:')) {
        resolve({ proc, baseUrl: match[1], banner: () => out, exited });
      }
    });
    proc.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
  });
}

describe('npm run emulator (main.ts)', () => {
  it('prints its URLs and the fake fixture credentials, serves the API, and stops on SIGTERM with 0', async () => {
    const emulator = await start();
    try {
      expect(emulator.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const banner = emulator.banner();
      expect(banner).toContain(`  API base:      ${emulator.baseUrl}/open_api/v1.3/`);
      expect(banner).toContain(`  app_id:        ${EMULATOR_APP_ID}`);
      expect(banner).toContain(`  secret:        ${EMULATOR_SECRET}`);
      expect(banner).toContain(`  advertiser_id: ${EMULATOR_ADVERTISER_ID}`);
      expect(banner).toContain(`  access_token:  ${EMULATOR_ACCESS_TOKEN}`);
      const counts = await fetch(`${emulator.baseUrl}/_emulator/counts`);
      expect(await counts.json()).toMatchObject({ campaigns: 0, adgroups: 0, ads: 0 });
    } finally {
      emulator.proc.kill('SIGTERM');
    }
    expect(await emulator.exited).toBe(0);
  });

  it('answers repeated request_ids with 40050 when EMULATOR_DUPLICATES=40050', async () => {
    const emulator = await start({ EMULATOR_DUPLICATES: '40050' });
    try {
      const body = {
        advertiser_id: EMULATOR_ADVERTISER_ID,
        campaign_name: 'Main dup',
        objective_type: 'TRAFFIC',
        budget_mode: 'BUDGET_MODE_INFINITE',
        budget_optimize_on: false,
        request_id: '424242',
      };
      const create = () =>
        fetch(`${emulator.baseUrl}/open_api/v1.3/campaign/create/`, {
          method: 'POST',
          headers: { 'Access-Token': EMULATOR_ACCESS_TOKEN, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json() as Promise<{ code: number }>);
      expect((await create()).code).toBe(0);
      expect((await create()).code).toBe(40050);
    } finally {
      emulator.proc.kill('SIGTERM');
    }
    expect(await emulator.exited).toBe(0);
  });

  it('exits 1 with a message when the port is taken', async () => {
    const first = await start();
    try {
      const port = new URL(first.baseUrl).port;
      const second = spawn(process.execPath, [MAIN], {
        env: { PATH: process.env.PATH, PORT: port, LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      second.stderr?.on('data', (c: Buffer) => {
        err += c.toString('utf8');
      });
      const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
      expect(code).toBe(1);
      expect(err).toMatch(/^emulator failed to start: Error: listen EADDRINUSE/);
    } finally {
      first.proc.kill('SIGTERM');
    }
    await first.exited;
  });
});
