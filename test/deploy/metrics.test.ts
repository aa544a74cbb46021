import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Runtime } from '../../src/app/runtime';
import { runTerminal } from '../../src/app/terminal';
import { LogCapture } from '../auth/linking-support';
import { topLevelCount } from './log-lines';

const SCRIPT = readFileSync(join(__dirname, '../../examples/conversation.txt'), 'utf8');
const LINES = SCRIPT.split('\n').filter((l) => l.trim() !== '');

/** Polls until `check()` is true, or fails after 15 s. */
async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The value of one sample line, e.g. `tiktok_ad_bot_turns_total{platform="console",outcome="ok"}`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text
    .split('\n')
    .find(
      (l) =>
        (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) &&
        wanted.every((w) => l.includes(w)) &&
        (l.match(/="/g)?.length ?? 0) === wanted.length,
    );
  if (!line) throw new Error(`no sample ${name} ${JSON.stringify(labels)}`);
  return Number(line.slice(line.lastIndexOf(' ') + 1));
}

/** Plays the README conversation in the terminal chat and reads /metrics before it ends. */
async function playAndScrape(
  env: NodeJS.ProcessEnv,
  logs = new LogCapture('debug'),
): Promise<{ status: number; body: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  let runtime: Runtime | undefined;
  const done = runTerminal({
    env: { LOG_LEVEL: 'silent', ...env },
    input,
    output,
    logger: logs.logger,
    onStarted: (r) => {
      runtime = r;
    },
  });
  try {
    input.write(SCRIPT);
    await until('the ad to be created', () => /ad_id\s+\d+/.test(text));
    const res = await fetch(`${runtime?.httpBase}/metrics`);
    return { status: res.status, body: await res.text() };
  } finally {
    input.end();
    await done;
  }
}

describe('GET /metrics', () => {
  it('counts a played conversation: turns, model calls, TikTok calls and one submission', async () => {
    const logs = new LogCapture('debug');
    const { status, body } = await playAndScrape({}, logs);
    // Every component (engine, tiktok-client, linking, …) logs its name once per line.
    expect(logs.lines.some((l) => l.includes('"component":"tiktok-client"'))).toBe(true);
    for (const line of logs.lines) expect(topLevelCount(line, 'component')).toBeLessThanOrEqual(1);
    expect(status).toBe(200);
    const turns = (outcome: string) =>
      sample(body, 'tiktok_ad_bot_turns_total', { platform: 'console', outcome });
    // Every line is one event; the completed link resumes the thread (`account_linked`), and
    // `/open` itself is a browser hop, not an event.
    expect(turns('ok')).toBe(LINES.length - 1 + 1);
    expect(body).not.toMatch(/tiktok_ad_bot_turns_total\{[^}]*outcome="error"/);
    expect(sample(body, 'tiktok_ad_bot_turn_duration_seconds_count', { platform: 'console' })).toBe(
      LINES.length,
    );
    // The six chat lines each ask the model once; /approve is an action, not a message.
    const chatLines = LINES.filter((l) => !l.startsWith('/')).length;
    expect(
      sample(body, 'tiktok_ad_bot_model_calls_total', { model: 'offline', outcome: 'ok' }),
    ).toBe(chatLines);
    for (const endpoint of ['campaign/create/', 'adgroup/create/', 'ad/create/']) {
      expect(sample(body, 'tiktok_ad_bot_tiktok_calls_total', { endpoint, code: '0' })).toBe(1);
    }
    expect(
      sample(body, 'tiktok_ad_bot_tiktok_calls_total', {
        endpoint: 'oauth2/access_token/',
        code: '0',
      }),
    ).toBe(1);
    expect(sample(body, 'tiktok_ad_bot_submissions_total', { outcome: 'submitted' })).toBe(1);
    expect(body).not.toContain('outcome="failed"');
    expect(sample(body, 'tiktok_ad_bot_approvals_total', { outcome: 'approved' })).toBe(1);
    expect(sample(body, 'tiktok_ad_bot_lock_wait_seconds_count')).toBe(LINES.length);
    expect(body).toContain('nodejs_heap_size_used_bytes');
    // Never an id, a name or a secret: only closed label sets, with short plain values.
    const pairs = [...body.matchAll(/[{,](\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    const names = new Set(pairs.map(([name]) => name));
    const allowed = ['platform', 'outcome', 'model', 'kind', 'endpoint', 'code', 'operation'];
    const nodeDefaults = ['le', 'version', 'major', 'minor', 'patch', 'type', 'space'];
    for (const name of names) expect([...allowed, 'source', ...nodeDefaults]).toContain(name);
    const values = pairs.map(([, value]) => value).join(' ');
    expect(values).not.toMatch(/SoluLab|console:local|1600000000000000001|7000000000000000001/);
  });

  it('METRICS=off serves no /metrics', async () => {
    const { status } = await playAndScrape({ METRICS: 'off' });
    expect(status).toBe(404);
  });
});
