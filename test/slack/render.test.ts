import { blockKitProblems, escapeMrkdwn, plainTextOf, renderReply } from '../../adapters/slack';
import type { Block, Reply } from '../../src/engine/reply';

const reply = (...blocks: Block[]): Reply => ({ thread_id: 'slack:T1:C1:1.000001', blocks });
const json = (r: Reply) => JSON.stringify(renderReply(r));

describe('Slack rendering', () => {
  it('a text with actions gets its buttons (e.g. Unlink after linking)', () => {
    const out = json(
      reply({
        type: 'text',
        text: 'Your TikTok account is linked.',
        actions: [{ action_id: 'unlink_account', label: 'Unlink' }],
      }),
    );
    expect(out).toContain('"type":"actions"');
    expect(out).toContain('"action_id":"tab:unlink_account"');
    expect(out).toContain('"text":"Unlink"');
  });

  it('user text cannot ping or inject links', () => {
    const evil = 'Hi <!channel> <!here> <@U12345> @here @channel & <https://evil.test|bank.com>';
    const out = json(
      reply(
        { type: 'text', text: evil },
        {
          type: 'ad_preview',
          draft: {
            campaign_name: evil,
            ad_text: evil,
            landing_page_url: 'https://a.test/?a=1&b=<2>',
          },
          budget: 50,
          currency: 'USD',
          ad_format: null,
          missing: [],
        },
        { type: 'violations', violations: [{ field: 'ad_text', rule: 'x', message: evil }] },
      ),
    );
    expect(out).not.toMatch(/<!channel>|<!here>|<@U12345>|<https:/);
    expect(out).toContain('&lt;!channel&gt;');
    expect(out).toContain('&amp;b=&lt;2&gt;');
    expect(out).not.toMatch(/@(here|channel)\b/);
    expect(escapeMrkdwn('a & b')).toBe('a &amp; b');
  });

  it('keeps every message inside Block Kit limits, with a text fallback, however big the reply', () => {
    const long = 'word '.repeat(3000);
    const big = reply(
      { type: 'text', text: long },
      ...Array.from(
        { length: 60 },
        (_, i): Block => ({
          type: 'question',
          field: 'ad_text',
          text: `${i} ${long.slice(0, 500)}`,
          examples: [long],
        }),
      ),
      {
        type: 'violations',
        violations: Array.from({ length: 200 }, (_, i) => ({
          field: 'ad_text' as const,
          rule: 'r',
          message: `${i} ${long.slice(0, 300)}`,
        })),
      },
      {
        type: 'advertiser_choice',
        requester_id: 'U1',
        options: Array.from({ length: 60 }, (_, i) => ({
          advertiser_id: `${7e18 + i}`,
          advertiser_name: `${long.slice(0, 90)}`,
        })),
      },
      {
        type: 'remediation',
        error_class: 'auth',
        code: 40105,
        title: long,
        detail: long,
        request_id: long.slice(0, 5000),
        actions: [
          { action_id: 'retry', label: long },
          { action_id: 'link_account', label: 'Link account' },
          { action_id: 'edit', label: 'Edit' },
        ],
      },
    );
    const messages = renderReply(big);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(blockKitProblems(m)).toEqual([]);
    const actionIds = messages.flatMap((m) =>
      m.blocks
        .filter((b) => b.type === 'actions')
        .flatMap((b) =>
          (b.elements as Array<{ action_id: string; value?: string }>).map((e) => e.action_id),
        ),
    );
    expect(actionIds).toContain('tab:choose_advertiser:0');
    expect(actionIds).toContain('tab:retry');
  });

  it('renders approval, progress, result and link blocks with the parts people act on', () => {
    const [approval] = renderReply(
      reply({
        type: 'approval_request',
        approved_by: ['U0BEN'],
        required: 2,
        approve_emoji: 'white_check_mark',
        reject_emoji: 'x',
        requester_id: 'U0ANA',
        self_approval_allowed: false,
        content_hash: '3f9a0c1d',
      }),
    );
    expect(JSON.stringify(approval)).toContain('1 of 2 approvals, 1 still needed');
    expect(JSON.stringify(approval)).toContain(':white_check_mark:');
    expect(JSON.stringify(approval)).toContain('"action_id":"tab:reject"');
    const [link] = renderReply(
      reply({
        type: 'link_account',
        url: 'https://bot.example.com/link/1',
        expires_in_minutes: 15,
        reason: 'submit',
      }),
    );
    expect(link?.blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [{ url: 'https://bot.example.com/link/1', action_id: 'tab:open_link' }],
    });
    const [result] = renderReply(
      reply({
        type: 'result',
        advertiser_id: '7',
        campaign_id: '17',
        adgroup_id: '18',
        ad_id: '16',
      }),
    );
    expect(result?.text).toBe('Created on TikTok: ad 16');
    for (const m of [approval, link, result]) expect(blockKitProblems(m ?? {})).toEqual([]);
  });

  it('reads what people typed from Slack’s markup', () => {
    expect(
      plainTextOf('<@UBOT> landing page <https://shop.example.com/a?b=1&amp;c=2>', 'UBOT'),
    ).toBe('landing page https://shop.example.com/a?b=1&c=2');
    expect(
      plainTextOf('see <https://a.test|a.test>, ask <@U2> in <#C1|general> &lt;3 <!here>'),
    ).toBe('see https://a.test, ask @U2 in #general <3 @here');
  });
});
