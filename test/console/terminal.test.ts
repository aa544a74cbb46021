import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { parseLine } from '../../adapters/console/commands';
import { runTerminal } from '../../src/app/terminal';
import { silentLogger } from '../../src/logging/logger';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../support/harness';
import { pngFile } from '../support/media-files';

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
    expect(out).toMatch(
      /TikTok: emulator at http:\/\/127\.0\.0\.1:\d+ \(no real ad will be created\)/,
    );
    expect(out).toMatch(/model: offline/);
    expect(out).toContain('TikTok confirmed music music_123');
    // The private link comes with the first answer, before any approval; one card, one approval.
    expect(out.indexOf('bot (private to you)> Connect your TikTok')).toBeLessThan(
      out.indexOf('Grow your business'),
    );
    expect(out.match(/Approvals: 0\/1/g)).toHaveLength(1);
    expect(out).not.toContain('approval again');
    expect(out).toContain('Got it: campaign name SoluLab · objective Conversions');
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
    const lines = SCRIPT.replace('/approve', '/simulate geo\n/approve\n/status');
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
      // The emulator and the throwaway token key restart too, so the account is linked again.
      const [firstHalf, secondHalf] = [
        SCRIPT.split('\n').slice(0, 3).join('\n'),
        ['/link', '/open', ...SCRIPT.split('\n').slice(3)].join('\n'),
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

  it('/upload PATH takes an image too (its type read from the bytes) and a text renamed .mp3 is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tab-upload-'));
    const photo = join(dir, 'beach.png');
    const fake = join(dir, 'song.mp3');
    writeFileSync(photo, pngFile(1080, 1920, 5));
    writeFileSync(fake, 'these are lyrics, not audio\n'.repeat(10));
    const lines = [
      'I want to create a campaign called Uploads for conversions',
      '/open',
      'Grow your business with us',
      'Learn More',
      `/upload ${fake}`,
      'Use music_123 and send people to https://solulab.com',
      `/upload ${photo}`,
    ].join('\n');
    const out = await chat(lines);
    expect(out).toContain('song.mp3: its contents are not a file type I know');
    expect(out).toContain('Nothing was uploaded; the draft is as it was.');
    expect(out).toMatch(
      /Uploaded beach\.png to your TikTok library as image img_75\d+ \(1080x1920\)/,
    );
    expect(out).toMatch(/Approvals: 0\/1/);
  });

  it('prints the library list and the preview again only when they changed, or when asked', async () => {
    const lines = [
      'Campaign named Fall Boots Promo for sales. Ad text: Warm boots for cold days! Button: Shop now. Music music_pop_2024, landing page https://boots.example.com',
      '/open',
      'budget 70',
      'the first two',
      '/approve',
      '/status',
    ].join('\n');
    const out = await chat(lines);
    const list = /Your TikTok library \(images/g;
    const preview = /┌─ Ad preview/g;
    // The list once, though the images question was asked again after "budget 70".
    expect(out.match(/Which images from your TikTok library/g)).toHaveLength(3);
    expect(out.match(list)).toHaveLength(1);
    // The preview when complete, not again on /approve (unchanged), and again on /status.
    const approve = out.indexOf('you> /approve');
    const status = out.indexOf('you> /status');
    expect(out.slice(0, approve).match(preview)).toHaveLength(1);
    expect(out.slice(approve, status).match(preview)).toBeNull();
    expect(out.slice(approve, status)).toContain('Approvals: 1/1');
    expect(out.slice(status).match(preview)).toHaveLength(1);
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
