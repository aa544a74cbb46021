import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { parseLine } from '../../adapters/console/commands';
import { runTerminal } from '../../src/app';
import { silentLogger } from '../../src/logger';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../support/harness';

const SCRIPT = readFileSync(join(__dirname, '../../examples/conversation.txt'), 'utf8');

async function chat(lines: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  await runTerminal({
    env: { LOG_LEVEL: 'silent', ...env },
    input: Readable.from([lines]),
    output,
    logger: silentLogger(),
  });
  return text;
}

describe('the terminal chat (npm start)', () => {
  it('runs the README conversation from piped input to an ad created in the emulator', async () => {
    const out = await chat(SCRIPT);
    expect(out).toMatch(/TikTok: local emulator at http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toMatch(/model: offline/);
    expect(out).toContain('TikTok confirmed music music_123');
    expect(out).toMatch(/campaign_id\s+\d+/);
    expect(out).toMatch(/adgroup_id\s+\d+/);
    expect(out).toMatch(/ad_id\s+\d+/);
  });

  it("/audit shows the thread's records in order; the terminal card shows the version hash", async () => {
    const out = await chat(`${SCRIPT.trimEnd()}\n/audit\n`);
    expect(out).toMatch(/Approvals: 0\/1 for version [0-9a-f]{8}/);
    expect(out).toMatch(
      /1\. \S+ \S+ draft_ready · by local · hash [0-9a-f]{8}[\s\S]*2\. \S+ \S+ approval · by local/,
    );
  });

  it('/simulate geo before approving ends in the geo remediation, with the draft kept', async () => {
    const lines = SCRIPT.replace('/approve\n/open', '/simulate geo\n/approve\n/open\n/status');
    const out = await chat(lines);
    expect(out).toContain('TikTok blocked this request by region (code 41000)');
    expect(out).not.toMatch(/ad_id\s+\d+/);
    expect(out).toMatch(/Status: failed/);
    expect(out).toMatch(/Campaign\s+SoluLab/);
    expect(out).toMatch(/Next: \/retry/);
  });

  it('keeps the conversation across a restart when REDIS_URL is set', async () => {
    const prefix = `test:terminal:${Date.now()}:`;
    const env = { REDIS_URL: TEST_REDIS_URL, STATE_PREFIX: prefix };
    try {
      const [firstHalf, secondHalf] = [
        SCRIPT.split('\n').slice(0, 3).join('\n'),
        SCRIPT.split('\n').slice(3).join('\n'),
      ];
      await chat(firstHalf, env);
      const out = await chat(`${secondHalf}\n/status`, env);
      expect(out).toMatch(/state: Redis/);
      expect(out).toMatch(/ad_id\s+\d+/);
      expect(out).toMatch(/Campaign\s+SoluLab/);
    } finally {
      await deleteRedisPrefix(prefix);
    }
  });

  it('rejects bad settings with a message naming the variable', async () => {
    await expect(chat('', { MAX_DAILY_BUDGET: 'lots' })).rejects.toThrow(/MAX_DAILY_BUDGET/);
  });
});

describe('terminal commands', () => {
  it('parses commands and refuses unknown ones with help', () => {
    expect(parseLine('/approve')).toEqual({ kind: 'action', action_id: 'approve' });
    expect(parseLine('/simulate ratelimit')).toEqual({ kind: 'simulate', fault: 'ratelimit' });
    expect(parseLine('/simulate flood')).toMatchObject({
      kind: 'invalid',
      error: expect.stringContaining('geo|auth|server|ratelimit|off'),
    });
    expect(parseLine('/upload ./a.mp3')).toEqual({ kind: 'upload', path: './a.mp3', text: '' });
    expect(parseLine('/frobnicate')).toMatchObject({
      kind: 'invalid',
      error: expect.stringContaining('/help'),
    });
    expect(parseLine('hello there')).toEqual({ kind: 'message', text: 'hello there' });
  });
});
