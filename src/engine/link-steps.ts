import { type LinkedAccount, userKeyOf } from './access';
import type { ChatUser } from './chat-event';
import type { ThreadState } from './thread-state';
import { type Outcome, type TurnIO, text } from './turn-io';

/**
 * The account-linking steps of a turn: ask a requester with no usable link to link (private
 * link, thread waits in `awaiting_link`), let anyone link or unlink their own account, resume
 * the waiting submit when the OAuth callback reports `account_linked`, and let the requester
 * pick an advertiser when their login reaches several. Tokens never appear in any reply.
 */
export class LinkSteps {
  /**
   * @param submit goes on with an approved draft once its requester is linked.
   * @param resume goes on with a draft still being written once its requester is linked: checks
   *   what was named so far with TikTok and asks what is next.
   */
  constructor(
    private readonly io: TurnIO,
    private readonly submit: (state: ThreadState) => Promise<ThreadState>,
    private readonly resume: (state: ThreadState) => Promise<ThreadState>,
  ) {}

  private requesterAccount(state: ThreadState): Promise<LinkedAccount | null> {
    return this.io.deps.access.resolve(userKeyOf(state, state.requester));
  }

  /** No usable link for the requester: send them a private one and wait (`awaiting_link`). */
  async askToLink(state: ThreadState, reason: 'submit' | 'relink'): Promise<ThreadState> {
    if (!this.io.deps.access.linking) {
      state.status = 'failed';
      await this.io.say(
        text('No TikTok account is linked for you yet, so I cannot submit.', 'error'),
      );
      return state;
    }
    state.status = 'awaiting_link';
    await this.sendLink(
      state.requester,
      reason,
      `I sent ${nameOf(state.requester)} a private link to connect a TikTok advertiser account. I'll submit as soon as it's linked.`,
    );
    return state;
  }

  /**
   * Link before it is needed: when a draft starts and its requester has no usable link, the
   * private link goes out at once (once per draft, remembered in `link_offered`), so music and
   * media can be checked with TikTok while the conversation goes on. No-op without per-user
   * linking or when the link was already offered for this draft.
   */
  async offerEarly(state: ThreadState): Promise<void> {
    if (!this.io.deps.access.linking || state.link_offered) return;
    state.link_offered = true;
    await this.sendLink(
      state.requester,
      'draft',
      `I sent ${nameOf(state.requester)} a private link to connect a TikTok advertiser account. Let's go on meanwhile: once it's linked I check the music and media with TikTok right away.`,
    );
  }

  /** Makes a private link for `user`, says so in the thread, and sends it only to them. */
  private async sendLink(
    user: ChatUser,
    reason: 'draft' | 'submit' | 'requested' | 'relink',
    threadText: string,
  ): Promise<void> {
    const linking = this.io.deps.access.linking;
    if (!linking) return;
    const invite = await linking.startLink(
      { ...userKeyOf(this.io.event, user), ...(user.name ? { name: user.name } : {}) },
      this.io.event.thread_id,
    );
    await this.io.say(text(threadText));
    await this.io.emit({
      thread_id: this.io.event.thread_id,
      private_to: user,
      blocks: [
        {
          type: 'link_account',
          url: invite.url,
          expires_in_minutes: invite.expires_in_minutes,
          reason,
        },
      ],
    });
  }

  /**
   * Asks the requester to pick one of their advertiser accounts. An approved draft waits in
   * `awaiting_link`; a draft still being written stays `collecting` (its checks wait for the pick).
   */
  async askForAdvertiser(state: ThreadState, account: LinkedAccount): Promise<ThreadState> {
    if (state.status !== 'collecting') state.status = 'awaiting_link';
    await this.io.say(
      text(
        `${nameOf(state.requester)}'s TikTok login reaches ${account.advertiser_ids.length} advertiser accounts. ${nameOf(state.requester)}, pick the one for this ad.`,
      ),
      {
        type: 'advertiser_choice',
        requester_id: state.requester.id,
        options: account.advertiser_ids.map((advertiser_id) => {
          const advertiser_name = account.advertiser_names?.[advertiser_id];
          return advertiser_name ? { advertiser_id, advertiser_name } : { advertiser_id };
        }),
      },
    );
    return state;
  }

  /** `link_account`: a private link for whoever asked (not necessarily the requester). */
  async link(saved: ThreadState | null): Promise<Outcome> {
    const user = this.io.event.user;
    if (!this.io.deps.access.linking) {
      await this.io.say(
        text(
          'This bot runs with the TikTok account configured in its settings; per-user linking is not set up here.',
          'warning',
        ),
      );
      return null;
    }
    const waiting = saved?.status === 'awaiting_link' && saved.requester.id === user.id;
    await this.sendLink(
      user,
      'requested',
      waiting
        ? `I sent ${nameOf(user)} a new private link. I'll submit as soon as it's linked.`
        : `I sent ${nameOf(user)} a private link to connect a TikTok advertiser account.`,
    );
    return null;
  }

  /** `unlink_account`: revokes and deletes the asker's link; a later submit asks again. */
  async unlink(): Promise<void> {
    const user = this.io.event.user;
    const linking = this.io.deps.access.linking;
    const say = (message: string, tone: 'info' | 'success' | 'warning') =>
      this.io.emit({
        thread_id: this.io.event.thread_id,
        private_to: user,
        blocks: [text(message, tone)],
      });
    if (!linking) {
      await say(
        'This bot uses the TikTok account from its settings; there is no personal link to remove.',
        'warning',
      );
      return;
    }
    const outcome = await linking.unlink(userKeyOf(this.io.event, user));
    if (outcome === 'not_linked') await say('You have no TikTok account linked.', 'info');
    else if (outcome === 'revoked')
      await say(
        'Your TikTok account was unlinked and its access revoked at TikTok. The next submit will ask you to link again.',
        'success',
      );
    else if (outcome === 'revoke_failed')
      await say(
        "Your TikTok link was removed here, but TikTok did not confirm the revoke. To be sure, remove the app's access in TikTok Ads Manager.",
        'warning',
      );
    else
      await say(
        'Your TikTok link was removed (TikTok had already stopped accepting it).',
        'success',
      );
  }

  /** `account_linked` (from our OAuth callback): confirm privately, and resume a waiting submit. */
  async linked(saved: ThreadState | null): Promise<Outcome> {
    const user = this.io.event.user;
    const account = await this.io.deps.access.resolve(userKeyOf(this.io.event, user));
    if (!account) return null;
    const names = account.advertiser_ids.map((id) => {
      const name = account.advertiser_names?.[id];
      return name ? `${name} (${id})` : id;
    });
    await this.io.emit({
      thread_id: this.io.event.thread_id,
      private_to: user,
      blocks: [
        text(
          `Your TikTok account is linked: advertiser ${names.join(', ')}. Not you, or done? Unlink disconnects it.`,
          'success',
          [{ action_id: 'unlink_account', label: 'Unlink' }],
        ),
      ],
    });
    if (!saved || saved.requester.id !== user.id) return null;
    if (saved.status === 'awaiting_link') {
      await this.io.say(text(`TikTok account linked for ${nameOf(user)}.`, 'success'));
      return this.submit(structuredClone(saved));
    }
    if (saved.status !== 'collecting') return null;
    await this.io.say(text(`TikTok account linked for ${nameOf(user)}.`, 'success'));
    const state: ThreadState = structuredClone(saved);
    if (!chosenAdvertiser(account, state)) return this.askForAdvertiser(state, account);
    return this.resume(state);
  }

  /** `choose_advertiser`: the requester picks which of their advertiser accounts the ad uses. */
  async chooseAdvertiser(saved: ThreadState, advertiser_id: string): Promise<Outcome> {
    if (this.io.event.user.id !== saved.requester.id) {
      await this.io.say(
        text(
          `Only ${nameOf(saved.requester)} can choose the advertiser account: their TikTok login is the one used.`,
          'warning',
        ),
      );
      return null;
    }
    const account = await this.requesterAccount(saved);
    if (!account) {
      await this.io.say(
        text('Link your TikTok account first.', 'warning', [
          { action_id: 'link_account', label: 'Link account' },
        ]),
      );
      return null;
    }
    if (!account.advertiser_ids.includes(advertiser_id)) {
      await this.io.say(
        text(
          `${advertiser_id || 'That'} is not one of your advertiser accounts (${account.advertiser_ids.join(', ')}).`,
          'warning',
        ),
      );
      return null;
    }
    const state: ThreadState = structuredClone(saved);
    state.advertiser_id = advertiser_id;
    await this.io.say(text(`This ad will use advertiser ${advertiser_id}.`, 'success'));
    if (state.status === 'collecting') return this.resume(state);
    if (
      state.status === 'awaiting_link' &&
      state.approvals.length >= this.io.deps.settings.approvals_required
    )
      return this.submit(state);
    return state;
  }
}

/** The advertiser a submit uses: the draft's pick when still reachable, else the only one. */
export function chosenAdvertiser(account: LinkedAccount, state: ThreadState): string | null {
  if (state.advertiser_id && account.advertiser_ids.includes(state.advertiser_id))
    return state.advertiser_id;
  return account.advertiser_ids.length === 1 ? (account.advertiser_ids[0] ?? null) : null;
}

export function nameOf(user: ChatUser): string {
  return user.name ?? user.id;
}
