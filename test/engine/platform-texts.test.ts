import { randomUUID } from 'node:crypto';
import type { ChatEvent } from '../../src/engine/chat-event';
import { campaignNameFromCommand } from '../../src/engine/command-words';
import type { Reply } from '../../src/engine/reply';
import type { Platform } from '../../src/engine/thread-id';
import { blocksOf, Harness, textOf } from '../support/harness';

/** Plays `lines` on `platform` (the first as `/tiktok-ad <words>`), returning every reply. */
async function play(h: Harness, platform: Platform, lines: string[]): Promise<Reply[]> {
  const thread_id =
    platform === 'console'
      ? `console:local:${randomUUID()}`
      : `${platform}:W1:C1:${randomUUID().replace(/-/g, '')}`;
  const replies: Reply[] = [];
  for (const [i, text] of lines.entries()) {
    const event = {
      event_id: randomUUID(),
      thread_id,
      platform,
      workspace_id: platform === 'console' ? 'local' : 'W1',
      channel_id: platform === 'console' ? 'local' : 'C1',
      user: { id: 'U1', name: 'ana' },
      type: i === 0 ? 'start' : 'message',
      text,
    } as ChatEvent;
    replies.push(...(await h.engine.handle(event)));
  }
  return replies;
}

describe('every sentence is true on its platform', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(() => h.close());

  const toMusic = ['Summer sale for conversions', 'Big summer deals', 'Shop now'];

  it.each(['slack', 'discord'] as const)(
    '%s: uploads are attachments in the thread, never a terminal command',
    async (platform) => {
      const replies = await play(h, platform, [...toMusic, 'I want to upload my own track']);
      const said = textOf(replies);
      expect(said).toContain('attach the MP3 (at most 10 MB) to a message in this thread');
      expect(said).not.toMatch(/\/upload|\/approve|\/link/);
    },
  );

  it('terminal: uploads are /upload PATH', async () => {
    const replies = await play(h, 'console', [...toMusic, 'I want to upload my own track']);
    expect(textOf(replies)).toContain('type /upload path/to/track.mp3');
    expect(textOf(replies)).not.toContain('attach');
  });

  it('/tiktok-ad Summer sale for traffic keeps its campaign name', async () => {
    const replies = await play(h, 'slack', ['Summer sale for traffic']);
    const question = blocksOf(replies).find((b) => b.type === 'question');
    expect(question).toMatchObject({ field: 'ad_text' });
  });
});

describe('campaignNameFromCommand', () => {
  it.each([
    ['Summer sale for traffic', 'Summer sale'],
    ['Create a campaign for Winter Boots, for conversions', 'Winter Boots'],
    ['new ad Spring Launch', 'Spring Launch'],
    ['Big summer deals on every order', 'Big summer deals on every order'],
    ['for traffic', null],
    ['https://shop.example.com summer', null],
    ['ok', null],
    ['I want to create an ad for traffic', null],
    ['what should I call the campaign?', null],
    ["I'd like a new ad", null],
    ['we need one for Black Friday', null],
    ['Hair Cuts 4 Kids / traffic', 'Hair Cuts 4 Kids'],
    ['Cat Cafe, no music, learn more', 'Cat Cafe'],
    ['hello', null],
    ['conversions', null],
    ['new ad', null],
    ['hello! new ad please', null],
    ['Good morning, a tiktok ad for the shop', null],
  ])('%s → %s', (words, name) => {
    expect(campaignNameFromCommand(words)).toBe(name);
  });
});
