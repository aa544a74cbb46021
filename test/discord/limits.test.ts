import { renderReply } from '../../adapters/discord/render';
import type { Block, Reply } from '../../src/engine/reply';
import { DiscordFixture, expectAllWithinLimits, limitViolations } from './support';

const long = (n: number, word = 'lorem ') => word.repeat(Math.ceil(n / word.length)).slice(0, n);

/** Every block type, each as large as the engine could ever make it (and larger). */
function oversizedBlocks(): Block[] {
  return [
    { type: 'text', text: `@everyone @here <@&123456789012345678> ${long(5000)}`, tone: 'warning' },
    { type: 'question', field: 'ad_text', text: long(3000), examples: [long(500), long(500)] },
    {
      type: 'violations',
      violations: Array.from({ length: 200 }, (_, i) => ({
        field: 'ad_text' as const,
        rule: 'ad_text.length',
        message: `Violation ${i}: ${long(80)}`,
      })),
    },
    {
      type: 'ad_preview',
      draft: {
        campaign_name: long(2000),
        objective_type: 'WEB_CONVERSIONS',
        ad_text: long(3000),
        call_to_action: 'LEARN_MORE',
        music: { kind: 'existing', music_id: long(1500) },
        landing_page_url: `https://example.com/${long(3000, 'a')}`,
        image_ids: Array.from({ length: 50 }, (_, i) => `img_${i}_${long(40, 'x')}`),
      },
      budget: 50,
      currency: 'USD',
      ad_format: 'CAROUSEL_ADS',
      missing: ['budget', 'media'],
    },
    {
      type: 'approval_request',
      approved_by: Array.from({ length: 60 }, (_, i) => `${100000000000000000 + i}`),
      required: 70,
      approve_emoji: 'white_check_mark',
      reject_emoji: 'x',
      requester_id: '100000000000000999',
      self_approval_allowed: false,
      content_hash: '3f9a0c1d',
    },
    {
      type: 'progress',
      steps: [
        { step: 'campaign', label: 'Campaign', status: 'done', id: '1800000000000001' },
        { step: 'adgroup', label: 'Ad group', status: 'running' },
        { step: 'ad', label: 'Ad', status: 'pending' },
      ],
    },
    {
      type: 'remediation',
      error_class: 'validation',
      code: 40002,
      title: long(600),
      detail: long(6000),
      request_id: long(300, 'r'),
      actions: [
        { action_id: 'retry', label: long(200) },
        { action_id: 'edit', label: 'Edit' },
        { action_id: 'status', label: 'Status' },
        { action_id: 'choose_advertiser', label: 'Too long', value: long(200, '9') },
      ],
    },
    {
      type: 'advertiser_choice',
      requester_id: '100000000000000999',
      options: Array.from({ length: 40 }, (_, i) => ({
        advertiser_id: `${7000000000000000000n + BigInt(i)}`,
        advertiser_name: `Brand ${i} ${long(120)}`,
      })),
    },
    {
      type: 'result',
      advertiser_id: '7001',
      campaign_id: '1801',
      adgroup_id: '1802',
      ad_id: '1803',
    },
  ];
}

describe('Discord: every payload fits the limits', () => {
  it('a text with actions gets its buttons (e.g. Unlink after linking)', () => {
    const [message] = renderReply({
      thread_id: 'discord:1:2:3',
      blocks: [
        {
          type: 'text',
          text: 'Your TikTok account is linked.',
          actions: [{ action_id: 'unlink_account', label: 'Unlink' }],
        },
      ],
    });
    const buttons = message?.components.flatMap((r) => r.components) ?? [];
    expect(buttons).toEqual([
      expect.objectContaining({ custom_id: 'tad:unlink_account', label: 'Unlink' }),
    ]);
  });

  it('renders oversized blocks within limits, keeping block order and dropping ids that cannot fit', () => {
    const reply: Reply = { thread_id: 'discord:1:2:3', blocks: oversizedBlocks() };
    const messages = renderReply(reply);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      const wire = { ...m, allowed_mentions: m.allowedMentions };
      expect(limitViolations(wire)).toEqual([]);
    }
    const text = JSON.stringify(messages);
    expect(text).toContain('Created on TikTok');
    // All 40 advertisers are choosable: two menus (25 + 15); the over-long custom_id button is
    // left out.
    const ids = messages.flatMap((m) => m.components.flatMap((r) => r.components));
    const menus = ids.filter(
      (b) => 'custom_id' in b && b.custom_id.startsWith('tad:choose_advertiser'),
    ) as Array<{ options: Array<{ value: string }> }>;
    expect(menus.flatMap((m) => m.options.map((o) => o.value))).toHaveLength(40);
    expect(ids.some((b) => 'custom_id' in b && b.custom_id.length > 100)).toBe(false);
    expect(text).toContain('…');
    // Block order is kept across messages.
    const order = [
      'Needs a fix',
      'Ad preview',
      'Approval needed',
      'Submitting to TikTok',
      'Which advertiser',
      'Created on TikTok',
    ];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('sends them through the real client: the stand-in (checking limits as Discord does) accepts every body, nobody is pinged', async () => {
    const f = await DiscordFixture.start();
    try {
      const rita = f.standin.addUser('rita');
      const thread = await f.startDraft(rita, 'Create a campaign called Summer Sale for traffic');
      await f.waitForBotMessage(thread, /ad text/i);
      await f.settle();
      const engineThread = f.engineThreadId(thread);
      await f.adapter.deliver({ thread_id: engineThread, blocks: oversizedBlocks() });
      await f.adapter.deliver({
        thread_id: engineThread,
        private_to: { id: rita.id },
        blocks: [
          {
            type: 'link_account',
            url: 'https://ads-bot.example.com/link/abc',
            expires_in_minutes: 10,
            reason: 'submit',
          },
        ],
      });
      const sent = f.standin.calls.filter(
        (c) => c.method === 'POST' && c.path.endsWith('/messages'),
      );
      expect(sent.length).toBeGreaterThanOrEqual(4);
      expect(sent.map((c) => c.status).filter((s) => s !== 200)).toEqual([]);
      expect(expectAllWithinLimits(f.standin.calls)).toBeGreaterThanOrEqual(4);
    } finally {
      await f.close();
    }
  });
});
