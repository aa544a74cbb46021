import { renderReply as renderDiscord } from '../../adapters/discord/render';
import { discordRootPost } from '../../adapters/discord/root-post';
import { blockKitProblems, LIMITS } from '../../adapters/slack/limits';
import { renderReply as renderSlack } from '../../adapters/slack/render';
import { rootPost } from '../../adapters/slack/root-post';
import { formatTrail } from '../../src/audit/format';
import type { StoredAuditRecord } from '../../src/audit/record';
import type { Block, Reply } from '../../src/engine/reply';
import { messageLimitProblems } from '../standins/discord-limits';

// The largest cards the bot can send, rendered for Slack and Discord: every documented limit
// (docs/platform-limits.md) holds, and nothing the approver must read is missing or changed.

/** 512 characters with every kind of markup a value could carry (escaped for Slack: > 2000). */
const NAME =
  `Boots *bold* _it_ ~st~ \`code\` <!here> <@U0EVE> @everyone <@123456789012345678> > q :tada: ||sp|| [x](https://evil.test) # <> ${'&'.repeat(512)}`.slice(
    0,
    512,
  );
const IMAGES = Array.from(
  { length: 35 },
  (_, i) => `ad-site-i18n-sg/2026_${String(i).padStart(2, '0')}_c0ffee${i}`,
);
const ACCOUNTS = Array.from({ length: 30 }, (_, i) => ({
  advertiser_id: `${7_000_000_000_000_000_000n + BigInt(i)}`,
  advertiser_name: `Brand *${i}* & <Co> ${'x'.repeat(90)}`,
}));
const RECORDS: StoredAuditRecord[] = Array.from({ length: 40 }, (_, i) => ({
  id: `${1_700_000_000_000 + i}-0`,
  record: {
    kind: i % 2 ? 'tiktok_create' : 'approval',
    thread_id: 'slack:T1:C1:1.000001',
    actor: i % 2 ? 'system' : `U0APPROVER${i}`,
    at: `2026-12-01T10:${String(i).padStart(2, '0')}:00.000Z`,
    request_id: `20261201${String(i).padStart(4, '0')}_req_<&>_${'r'.repeat(40)}`,
    campaign_id: `${1_800_000_000_000_000_000n + BigInt(i)}`,
  },
}));
const TRAIL = formatTrail(RECORDS);
/** A `/tiktok-ad` text of 2500 characters, full of `&<>` (escaped, it is 3 to 5 times longer). */
const REQUEST = `Sale <b> & more ${'&<>& '.repeat(600)}`.slice(0, 2500);

function biggest(): Block[] {
  return [
    {
      type: 'ad_preview',
      draft: {
        campaign_name: NAME,
        objective_type: 'WEB_CONVERSIONS',
        ad_text: `*Warm* _boots_ <!channel> ${'&'.repeat(70)}`.slice(0, 100),
        call_to_action: 'SHOP_NOW',
        landing_page_url: `https://boots.example.com/?q=${'a&b<c>'.repeat(300)}`,
        image_ids: IMAGES,
        music: { kind: 'library', music_id: 'music_*123*' } as never,
      },
      budget: 60,
      currency: 'USD',
      ad_format: 'CAROUSEL_ADS',
      missing: [],
    },
    {
      type: 'approval_request',
      approved_by: ['U0BEN'],
      required: 2,
      approve_emoji: 'white_check_mark',
      reject_emoji: 'x',
      requester_id: 'U0ANA',
      self_approval_allowed: false,
      content_hash: '3f9a0c1d',
    },
    { type: 'advertiser_choice', requester_id: 'U0ANA', options: ACCOUNTS },
    { type: 'text', text: TRAIL },
  ];
}

const reply = (blocks: Block[]): Reply => ({ thread_id: 'slack:T1:C1:1.000001', blocks });

/** Slack text as the reader sees it: entities decoded, the zero-width spaces gone. */
const slackShown = (t: string) =>
  t
    .replace(/\u200b/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
/** Text compared across message and section breaks (a split replaces a space or line end). */
const squeezed = (t: string) => t.replace(/\s+/g, '');
/** Discord text as the reader sees it: backslash escapes gone. */
const discordShown = (t: string) => t.replace(/\\(.)/gs, '$1');

type Obj = Record<string, unknown>;
const texts = (v: unknown, out: string[] = []): string[] => {
  if (Array.isArray(v)) for (const x of v) texts(x, out);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v as Obj))
      if (
        ['text', 'content', 'description', 'value', 'name', 'title'].includes(k) &&
        typeof x === 'string'
      )
        out.push(x);
      else texts(x, out);
  return out;
};

describe('the largest cards, Slack', () => {
  const messages = renderSlack(reply(biggest()));
  const blocks = messages.flatMap((m) => m.blocks as Obj[]);
  const fieldTexts = blocks.flatMap((b) =>
    ((b.fields as Obj[] | undefined) ?? []).map((f) => String(f.text)),
  );

  it('every message is within every Block Kit limit', () => {
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(blockKitProblems(m)).toEqual([]);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
  });

  it('the 512-character name is whole, shown as typed, across fields of at most 2000', () => {
    const pieces = fieldTexts.filter((t) => /^\*Campaign( \(cont\.\))?\*\n/.test(t));
    expect(NAME).toHaveLength(512);
    // Escaped, it is over 2000 characters: it goes on in a second field.
    expect(pieces.length).toBeGreaterThan(1);
    for (const t of pieces) expect(t.length).toBeLessThanOrEqual(LIMITS.fieldText);
    expect(slackShown(pieces.map((t) => t.replace(/^\*[^*]+\*\n/, '')).join(''))).toBe(NAME);
    const raw = pieces.join('');
    // Nothing in it can ping, link or format.
    expect(raw).not.toMatch(/<!here>|<@U0EVE>|<https?:|\*bold\*|_it_|~st~|`code`|:tada:|@everyone/);
  });

  it('all 35 images, all 30 accounts and all 40 audit records are there', () => {
    const shown = slackShown(texts(blocks).join('\n'));
    for (const id of IMAGES) expect(shown).toContain(id);
    const options = blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements as Obj[])
      .filter((e) => e.type === 'static_select')
      .flatMap((e) => (e.options as Obj[]).map((o) => o.value));
    expect(options).toEqual(ACCOUNTS.map((a) => a.advertiser_id));
    for (const a of ACCOUNTS) expect(shown).toContain(a.advertiser_name);
    for (const line of TRAIL.split('\n')) expect(shown).toContain(line);
    expect(TRAIL.split('\n')).toHaveLength(40);
  });

  it('a 2,500-character /tiktok-ad text full of &<>: a root Slack accepts, the whole text in the thread', () => {
    const { root, rest } = rootPost('U0ANA', REQUEST);
    expect(blockKitProblems(root)).toEqual([]);
    const rootText = String((root.blocks[0]?.text as Obj | undefined)?.text);
    expect(rootText.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(rootText).toContain('…');
    expect(rest.length).toBeGreaterThan(0);
    for (const m of rest) expect(blockKitProblems(m)).toEqual([]);
    const whole = slackShown(
      rest.flatMap((m) => m.blocks.map((b) => String((b.text as Obj).text))).join('\n'),
    );
    expect(squeezed(whole)).toContain(squeezed(REQUEST));
  });
});

describe('the largest cards, Discord', () => {
  const messages = renderDiscord({ ...reply(biggest()), thread_id: 'discord:1:2:3' });
  const embeds = messages.flatMap((m) => m.embeds);
  const fields = embeds.flatMap((e) => e.fields ?? []);

  it('every message is within every Discord limit', () => {
    for (const m of messages)
      expect(messageLimitProblems({ ...m, allowed_mentions: m.allowedMentions } as never)).toEqual(
        [],
      );
    for (const m of messages) expect(m.allowedMentions.parse).toEqual([]);
  });

  it('the 512-character name is whole, shown as typed, across fields of at most 1024', () => {
    // Escaping at most doubles a character, so 512 characters always fit one 1024 field.
    const pieces = fields.filter((f) => /^Campaign( \(cont\.\))?$/.test(f.name));
    expect(pieces.length).toBeGreaterThan(0);
    for (const f of pieces) expect(f.value.length).toBeLessThanOrEqual(1024);
    expect(discordShown(pieces.map((f) => f.value).join(''))).toBe(NAME);
    expect(pieces.map((f) => f.value).join('')).not.toMatch(/(^|[^\\])(<@|\*bold|@everyone|\[x\])/);
  });

  it('all 35 images, all 30 accounts and all 40 audit records are there', () => {
    const shown = discordShown(texts(messages).join('\n'));
    for (const id of IMAGES) expect(shown).toContain(id);
    const options = messages
      .flatMap((m) => m.components.flatMap((r) => r.components as unknown as Obj[]))
      .filter((c) => c.type === 3)
      .flatMap((c) => (c.options as Obj[]).map((o) => o.value));
    expect(options).toEqual(ACCOUNTS.map((a) => a.advertiser_id));
    for (const a of ACCOUNTS) expect(shown).toContain(a.advertiser_name);
    const content = discordShown(messages.map((m) => m.content ?? '').join('\n'));
    for (const line of TRAIL.split('\n')) expect(content).toContain(line);
  });

  it('a 2,500-character /tiktok-ad text: a reply Discord accepts, the whole text in the thread', () => {
    const { content, rest } = discordRootPost('123456789012345678', REQUEST);
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).toContain('…');
    for (const m of rest)
      expect(messageLimitProblems({ ...m, allowed_mentions: m.allowedMentions } as never)).toEqual(
        [],
      );
    expect(squeezed(discordShown(rest.map((m) => m.content ?? '').join('\n')))).toContain(
      squeezed(REQUEST),
    );
  });
});
