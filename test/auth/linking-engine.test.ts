import { BackgroundWork } from '../../src/app/background-work';
import { resumeAfterLink } from '../../src/app/resume-after-link';
import type { ChatUser } from '../../src/engine/chat-event';
import { ConversationEngine } from '../../src/engine/engine';
import type { Reply } from '../../src/engine/reply';
import type { ThreadState } from '../../src/engine/thread-state';
import { OfflineTurnModel } from '../../src/model/offline/offline-model';
import type { TurnInput, TurnModel } from '../../src/model/proposal';
import { TikTokClient } from '../../src/tiktok/client';
import {
  EMULATOR_ADVERTISER_ID,
  EMULATOR_SECOND_ADVERTISER_ID,
  EMULATOR_SECRET,
} from '../../src/tiktok/emulator';
import { blocksOf, CAROUSEL_SCRIPT, testSettings, textOf } from '../support/harness';
import { cookiePair, get, LinkingRig } from './linking-support';

const requester: ChatUser = { id: 'U_REQ', name: 'rita' };
const teammate: ChatUser = { id: 'U_TEAM', name: 'tom' };
const THREAD = 'slack:T1:C1:1700000000.000100';

/** The model, recording every prompt input it is given. */
class RecordingModel implements TurnModel {
  readonly name = 'recording-offline';
  readonly inputs: TurnInput[] = [];
  private readonly inner = new OfflineTurnModel();
  propose(input: TurnInput) {
    this.inputs.push(structuredClone(input));
    return this.inner.propose(input);
  }
}

/** An engine using real per-user linking; every reply, prompt and log line is kept. */
class LinkedBot {
  readonly replies: Reply[] = [];
  readonly model = new RecordingModel();
  readonly background: BackgroundWork;
  engine!: ConversationEngine;
  private seq = 0;

  private constructor(readonly rig: LinkingRig) {
    this.background = new BackgroundWork(rig.logs.logger);
  }

  static async start(): Promise<LinkedBot> {
    let bot: LinkedBot | undefined;
    const rig = await LinkingRig.start({
      onLinked: (target) => {
        if (bot) bot.background.run(resumeAfterLink(bot.engine, target, bot.sink));
      },
    });
    bot = new LinkedBot(rig);
    bot.engine = new ConversationEngine({
      store: rig.store,
      keys: rig.keys,
      model: bot.model,
      ads: new TikTokClient({
        baseUrl: rig.emulatorUrl,
        logger: rig.logs.logger,
        sleep: async () => {},
      }),
      access: rig.linking.access,
      settings: testSettings({ allow_self_approval: false }),
      logger: rig.logs.logger,
    });
    return bot;
  }

  readonly sink = (reply: Reply) => {
    this.replies.push(reply);
  };

  private base(user: ChatUser) {
    this.seq += 1;
    return {
      event_id: `ev-${this.seq}`,
      thread_id: THREAD,
      platform: 'slack' as const,
      workspace_id: 'T1',
      channel_id: 'C1',
      user,
    };
  }

  say(text: string, user = requester) {
    return this.engine.handle({ ...this.base(user), type: 'message', text }, this.sink);
  }

  /** A reaction on the newest approval card (as the Slack adapter reports it: with its key). */
  react(emoji: string, user: ChatUser) {
    const card = this.replies
      .filter(
        (r) =>
          r.key?.startsWith('approval:') && r.blocks.some((b) => b.type === 'approval_request'),
      )
      .at(-1)?.key;
    return this.engine.handle(
      {
        ...this.base(user),
        type: 'reaction',
        emoji,
        added: true,
        ...(card ? { card_key: card } : {}),
      },
      this.sink,
    );
  }

  act(
    action_id: 'link_account' | 'unlink_account' | 'choose_advertiser',
    user = requester,
    value?: string,
  ) {
    return this.engine.handle(
      { ...this.base(user), type: 'action', action_id, ...(value ? { value } : {}) },
      this.sink,
    );
  }

  /** The URL of the last private link sent to `user`. */
  lastLink(user = requester): string {
    const block = blocksOf(this.replies.filter((r) => r.private_to?.id === user.id))
      .filter((b) => b.type === 'link_account')
      .at(-1);
    if (!block || block.type !== 'link_account') throw new Error('no link was sent');
    return block.url;
  }

  /** Follows a link as the user's browser, returning every secret value seen on the way. */
  async follow(url: string): Promise<{ status: number; secrets: string[] }> {
    const start = await get(url);
    const cookie = cookiePair(start);
    const state = new URL(start.location ?? '').searchParams.get('state') ?? '';
    const portal = await get(start.location ?? '');
    const auth_code = new URL(portal.location ?? '').searchParams.get('auth_code') ?? '';
    const done = await get(portal.location ?? '', cookie);
    await this.background.drain();
    const nonce = cookie.split('=')[1] ?? '';
    return { status: done.status, secrets: [state, auth_code, nonce] };
  }

  state(): Promise<ThreadState | null> {
    return this.rig.store.get<ThreadState>(this.rig.keys.thread(THREAD));
  }

  async toApproval(): Promise<void> {
    for (const line of CAROUSEL_SCRIPT) await this.say(line);
  }
}

describe('linking inside the conversation', () => {
  let bot: LinkedBot;

  beforeEach(async () => {
    bot = await LinkedBot.start();
  });
  afterEach(async () => {
    await bot.background.drain();
    await bot.rig.stop();
  });

  it('the whole flow: link sent at once, linked mid-conversation, music checked when named, one card, submit; no secret in logs, chat or prompts', async () => {
    const [first, ...rest] = CAROUSEL_SCRIPT;
    const opening = await bot.say(first ?? '');
    // The private link goes out with the first message, long before any approval.
    const privateLink = opening.find((r) => r.private_to?.id === 'U_REQ');
    expect(privateLink?.blocks[0]).toMatchObject({ type: 'link_account', reason: 'draft' });
    expect(textOf(opening.filter((r) => !r.private_to))).toContain('I sent rita a private link');
    expect(blocksOf(opening).find((b) => b.type === 'question')).toMatchObject({
      field: 'ad_text',
    });

    const threadReplies = () => bot.replies.filter((r) => !r.private_to);
    const url = bot.lastLink();
    expect(textOf(threadReplies())).not.toContain('/oauth/tiktok/start');
    await bot.say(rest[0] ?? '');
    const { status, secrets } = await bot.follow(url);
    expect(status).toBe(200);
    expect(textOf(threadReplies())).toContain('TikTok account linked for rita');
    expect((await bot.state())?.status).toBe('collecting');

    for (const line of rest.slice(1)) {
      const replies = await bot.say(line);
      // Checked in the turn it is named, now that rita is linked.
      if (line.includes('music_123'))
        expect(textOf(replies)).toContain('TikTok confirmed music music_123');
    }
    const cards = blocksOf(threadReplies()).filter((b) => b.type === 'approval_request');
    expect(cards).toHaveLength(1);
    expect(bot.rig.emulator.counts().campaigns).toBe(0);
    await bot.react('white_check_mark', teammate);
    expect(bot.replies.filter((r) => r.private_to).every((r) => r.private_to?.id === 'U_REQ')).toBe(
      true,
    );
    const result = blocksOf(bot.replies).find((b) => b.type === 'result');
    expect(result).toMatchObject({ advertiser_id: EMULATOR_ADVERTISER_ID });
    expect(textOf(bot.replies)).not.toContain('approval again');
    expect(textOf(bot.replies)).toContain('Your TikTok account is linked: advertiser');
    const confirmation = blocksOf(bot.replies.filter((r) => r.private_to)).find(
      (b) => b.type === 'text' && b.text.includes('is linked'),
    );
    expect(confirmation).toMatchObject({
      actions: [{ action_id: 'unlink_account', label: 'Unlink' }],
    });
    expect(bot.rig.emulator.counts()).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
    expect((await bot.state())?.status).toBe('submitted');

    const token = (
      await bot.rig.linking.access.resolve({
        platform: 'slack',
        workspace_id: 'T1',
        user_id: 'U_REQ',
      })
    )?.access_token;
    expect(token).toMatch(/^emulator-token-/);
    const linkId = new URL(url).searchParams.get('link') ?? '';
    const logs = bot.rig.logs.lines.join('\n');
    const chat = JSON.stringify(bot.replies);
    const prompts = JSON.stringify(bot.model.inputs);
    const audit = JSON.stringify(bot.rig.audit.events);
    expect(logs.length).toBeGreaterThan(1000);
    expect(bot.model.inputs.length).toBe(CAROUSEL_SCRIPT.length);
    for (const secret of [token ?? 'missing', ...secrets, EMULATOR_SECRET]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(logs).not.toContain(secret);
      expect(chat).not.toContain(secret);
      expect(prompts).not.toContain(secret);
      expect(audit).not.toContain(secret);
    }
    expect(logs).not.toContain(linkId);
    expect(JSON.stringify(threadReplies())).not.toContain(linkId);
  });

  it('a teammate asking to link gets their own private link; the requester got one at the start, once', async () => {
    await bot.say('I want to create a campaign called SoluLab for conversions');
    await bot.say('Grow your business with SoluLab blockchain experts');
    await bot.act('link_account', teammate);
    expect(bot.lastLink(teammate)).toContain('/oauth/tiktok/start?link=');
    expect(bot.lastLink(requester)).not.toBe(bot.lastLink(teammate));
    const requesterLinks = blocksOf(bot.replies.filter((r) => r.private_to?.id === 'U_REQ'));
    expect(requesterLinks.filter((b) => b.type === 'link_account')).toHaveLength(1);
  });

  it('without a link: names are kept, nothing is approved, and the card comes once linked and checked', async () => {
    await bot.toApproval();
    const thread = bot.replies.filter((r) => !r.private_to);
    expect(blocksOf(thread).some((b) => b.type === 'approval_request')).toBe(false);
    expect(textOf(thread)).toContain("I'll confirm music music_123 with TikTok once");
    expect(textOf(thread)).toContain('Everything is filled in');
    const refused = await bot.react('white_check_mark', teammate);
    expect(textOf(refused)).toContain('nothing to approve');
    await bot.follow(bot.lastLink());
    const after = textOf(bot.replies.slice(thread.length));
    expect(after).toContain('TikTok confirmed music music_123');
    expect(blocksOf(bot.replies).filter((b) => b.type === 'approval_request')).toHaveLength(1);
    expect((await bot.state())?.draft).toMatchObject({
      music: { kind: 'existing', music_id: 'music_123' },
      image_ids: ['img_summer_1', 'img_summer_2'],
    });
    await bot.react('white_check_mark', teammate);
    expect(bot.rig.emulator.counts().ads).toBe(1);
  });

  it('a music id TikTok refuses is refused right after linking, before any card', async () => {
    await bot.say('I want to create a campaign called SoluLab for conversions');
    await bot.say('Grow your business with SoluLab blockchain experts');
    await bot.say('Learn More');
    await bot.say('Use music_999999');
    expect((await bot.state())?.draft.music).toMatchObject({ pending: true });
    await bot.follow(bot.lastLink());
    expect(textOf(bot.replies)).toContain('TikTok does not know music music_999999');
    expect((await bot.state())?.draft.music).toBeUndefined();
    const last = blocksOf(bot.replies).at(-1);
    expect(last).toMatchObject({ type: 'question', field: 'music' });
  });

  it('several advertisers: the requester picks one in the thread, then the submit goes on', async () => {
    bot.rig.emulator.setPortalGrant({
      advertiser_ids: [EMULATOR_ADVERTISER_ID, EMULATOR_SECOND_ADVERTISER_ID],
      scope: [1, 2, 6],
    });
    await bot.say(CAROUSEL_SCRIPT[0] ?? '');
    await bot.follow(bot.lastLink());
    // Asked at once, so music and media are checked against the chosen advertiser's library.
    const choice = blocksOf(bot.replies).find((b) => b.type === 'advertiser_choice');
    expect(choice).toMatchObject({
      requester_id: 'U_REQ',
      options: [
        { advertiser_id: EMULATOR_ADVERTISER_ID },
        { advertiser_id: EMULATOR_SECOND_ADVERTISER_ID },
      ],
    });
    expect(bot.rig.emulator.counts().campaigns).toBe(0);

    const refused = await bot.act('choose_advertiser', teammate, EMULATOR_SECOND_ADVERTISER_ID);
    expect(textOf(refused)).toContain('Only rita can choose');
    const unknown = await bot.act('choose_advertiser', requester, '999');
    expect(textOf(unknown)).toContain('is not one of your advertiser accounts');

    const chosen = await bot.act('choose_advertiser', requester, EMULATOR_SECOND_ADVERTISER_ID);
    expect(textOf(chosen)).toContain('This ad will use advertiser');
    for (const line of CAROUSEL_SCRIPT.slice(1)) await bot.say(line);
    expect(textOf(bot.replies)).toContain('TikTok confirmed music music_123');
    const submitted = await bot.react('white_check_mark', teammate);
    expect(blocksOf(submitted).find((b) => b.type === 'result')).toMatchObject({
      advertiser_id: EMULATOR_SECOND_ADVERTISER_ID,
    });
    expect((await bot.state())?.advertiser_id).toBe(EMULATOR_SECOND_ADVERTISER_ID);
  });

  it('a token TikTok refuses at submit (40105) marks the link broken and sends a new link', async () => {
    await bot.act('link_account');
    await bot.follow(bot.lastLink());
    const key = { platform: 'slack' as const, workspace_id: 'T1', user_id: 'U_REQ' };
    const token = (await bot.rig.linking.access.resolve(key))?.access_token ?? '';
    await bot.toApproval();
    expect(textOf(bot.replies)).toContain('TikTok confirmed music music_123');

    bot.rig.emulator.revokeToken(token);
    const firstLink = bot.lastLink();
    const replies = await bot.react('white_check_mark', teammate);
    expect(textOf(replies)).toContain("TikTok no longer accepts rita's linked account (code 40105");
    expect(bot.lastLink()).not.toBe(firstLink);
    expect(replies.some((r) => r.private_to?.id === 'U_REQ')).toBe(true);
    expect((await bot.state())?.status).toBe('awaiting_link');
    expect(await bot.rig.linking.access.resolve(key)).toBeNull();
    expect(bot.rig.audit.events.map((e) => e.kind)).toContain('link_invalidated');
    // One refused call (the identity lookup, the first step), no retry loop, nothing created.
    expect(bot.rig.emulator.counts().calls['identity/get/']).toBe(1);
    expect(bot.rig.emulator.counts().campaigns).toBe(0);

    await bot.follow(bot.lastLink());
    expect(blocksOf(bot.replies).find((b) => b.type === 'result')).toBeDefined();
    expect(bot.rig.emulator.counts().campaigns).toBe(1);
  });

  it('unlink revokes at TikTok; the next submit asks to link again', async () => {
    await bot.act('link_account');
    await bot.follow(bot.lastLink());
    const key = { platform: 'slack' as const, workspace_id: 'T1', user_id: 'U_REQ' };
    const token = (await bot.rig.linking.access.resolve(key))?.access_token ?? '';
    const unlinked = await bot.act('unlink_account');
    expect(textOf(unlinked)).toContain('unlinked and its access revoked at TikTok');
    expect(unlinked.every((r) => r.private_to?.id === 'U_REQ')).toBe(true);
    expect(bot.rig.emulator.state.tokens.get(token)?.revoked).toBe(true);

    const before = bot.replies.length;
    await bot.toApproval();
    const since = bot.replies.slice(before);
    expect(textOf(since.filter((r) => r.private_to?.id === 'U_REQ'))).toContain(
      '/oauth/tiktok/start?link=',
    );
    expect(blocksOf(since).some((b) => b.type === 'approval_request')).toBe(false);
    expect((await bot.state())?.status).toBe('collecting');
  });
});
