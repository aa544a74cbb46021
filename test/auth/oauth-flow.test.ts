import { chatUserId } from '../../src/auth/chat-user';
import type { ChatUserKey } from '../../src/engine/access';
import { EMULATOR_ADVERTISER_ID, EMULATOR_SECOND_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { cookiePair, get, LinkingRig, throughPortal } from './linking-support';

const alice: ChatUserKey & { name: string } = {
  platform: 'slack',
  workspace_id: 'T1',
  user_id: 'U_ALICE',
  name: 'alice',
};

/** A callback URL with its query changed (`null` deletes a parameter). */
function withQuery(url: string, changes: Record<string, string | null>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) u.searchParams.delete(k);
    else u.searchParams.set(k, v);
  }
  return u.toString();
}

describe('account linking over HTTP (start hop → TikTok portal → callback)', () => {
  let rig: LinkingRig;
  let clock: number;

  beforeEach(async () => {
    clock = Date.now();
    rig = await LinkingRig.start({ now: () => clock });
  });
  afterEach(async () => {
    await rig.stop();
  });

  async function storedLink(user: ChatUserKey = alice) {
    return rig.store.get(rig.keys.link(chatUserId(user)));
  }

  it('links the chat user: redirect to portal/auth, cookie bound, token sealed, thread resumed', async () => {
    const invite = await rig.link(alice, 'slack:T1:C1:1700000000.000100');
    expect(invite.expires_in_minutes).toBe(10);
    expect(invite.url).toMatch(new RegExp(`^${rig.baseUrl}/oauth/tiktok/start\\?link=`));

    const start = await get(invite.url);
    expect(start.status).toBe(302);
    const portal = new URL(start.location ?? '');
    expect(`${portal.origin}${portal.pathname}`).toBe(`${rig.emulatorUrl}/portal/auth`);
    expect(portal.searchParams.get('app_id')).toBe('emulator-app');
    expect(portal.searchParams.get('redirect_uri')).toBe(`${rig.baseUrl}/oauth/tiktok/callback`);
    const state = portal.searchParams.get('state') ?? '';
    expect(state.length).toBeGreaterThanOrEqual(22);
    expect(invite.url).not.toContain(state);
    expect(start.setCookies[0]).toMatch(/HttpOnly/);
    expect(start.setCookies[0]).toMatch(/SameSite=Lax/);
    expect(start.setCookies[0]).toMatch(/Path=\/oauth\/tiktok\//);

    const back = await get(start.location ?? '');
    const done = await get(back.location ?? '', cookiePair(start));
    expect(done.status).toBe(200);
    expect(done.body).toContain('TikTok account linked');
    expect(done.body).toContain(EMULATOR_ADVERTISER_ID);
    expect(done.setCookies.join()).toMatch(/tab_oauth_[0-9a-f]{16}=;/);

    const account = await rig.linking.access.resolve(alice);
    expect(account?.advertiser_ids).toEqual([EMULATOR_ADVERTISER_ID]);
    const issued = [...rig.emulator.state.tokens.keys()].at(-1) ?? '';
    expect(account?.access_token).toBe(issued);
    expect(JSON.stringify(await storedLink())).not.toContain(issued);
    expect(rig.linked).toEqual([{ user: alice, thread_id: 'slack:T1:C1:1700000000.000100' }]);
    expect(rig.audit.events.map((e) => e.kind)).toEqual(['link_started', 'link_completed']);
    expect(rig.audit.events[1]).toMatchObject({
      user: 'slack:T1:U_ALICE',
      advertiser_ids: [EMULATOR_ADVERTISER_ID],
      key_version: 1,
    });
  });

  it('an unknown or missing link id at the start hop gets a page and sets no cookie', async () => {
    for (const url of [
      `${rig.baseUrl}/oauth/tiktok/start?link=nope`,
      `${rig.baseUrl}/oauth/tiktok/start`,
    ]) {
      const hop = await get(url);
      expect(hop.status).toBe(400);
      expect(hop.body).toContain('This link no longer works');
      expect(hop.setCookies).toEqual([]);
    }
  });

  describe('refused callbacks: a clear page, and nothing stored', () => {
    afterEach(async () => {
      expect(await storedLink()).toBeNull();
      expect(rig.linked).toEqual([]);
    });

    it('missing state', async () => {
      const { callbackUrl, cookie } = await throughPortal((await rig.link(alice)).url);
      const hop = await get(withQuery(callbackUrl, { state: null }), cookie);
      expect(hop.status).toBe(400);
      expect(hop.body).toContain('opened without its sign-in details');
    });

    it('unknown state', async () => {
      const { callbackUrl, cookie } = await throughPortal((await rig.link(alice)).url);
      const hop = await get(withQuery(callbackUrl, { state: 'forged-state-value' }), cookie);
      expect(hop.status).toBe(400);
      expect(hop.body).toContain('already used or is unknown');
    });

    it('expired state (older than 10 minutes)', async () => {
      const { callbackUrl, cookie } = await throughPortal((await rig.link(alice)).url);
      clock += 10 * 60 * 1000 + 1;
      const hop = await get(callbackUrl, cookie);
      expect(hop.status).toBe(400);
      expect(hop.body).toContain('took too long');
    });

    it('a valid state without the start-hop cookie, or with another browser’s', async () => {
      const first = await throughPortal((await rig.link(alice)).url);
      const noCookie = await get(first.callbackUrl);
      expect(noCookie.status).toBe(403);
      expect(noCookie.body).toContain('same browser');

      const second = await throughPortal((await rig.link(alice)).url);
      const [name] = second.cookie.split('=');
      const forged = await get(second.callbackUrl, `${name}=someone-elses-nonce`);
      expect(forged.status).toBe(403);
      expect(forged.body).toContain('did not start this sign-in');
    });

    it('a bad auth_code (TikTok 40110)', async () => {
      const { callbackUrl, cookie } = await throughPortal((await rig.link(alice)).url);
      const hop = await get(withQuery(callbackUrl, { auth_code: 'not-a-real-code' }), cookie);
      expect(hop.status).toBe(400);
      expect(hop.body).toContain('40110');
    });

    it('missing auth_code (the user cancelled on TikTok)', async () => {
      const { callbackUrl, cookie } = await throughPortal((await rig.link(alice)).url);
      const hop = await get(withQuery(callbackUrl, { auth_code: null }), cookie);
      expect(hop.status).toBe(400);
      expect(hop.body).toContain('did not send an authorization');
    });

    it('missing scopes: the token TikTok issued is revoked again', async () => {
      rig.emulator.setPortalGrant({ advertiser_ids: [EMULATOR_ADVERTISER_ID], scope: [1, 20] });
      const { callbackUrl, cookie } = await throughPortal((await rig.link(alice)).url);
      const hop = await get(callbackUrl, cookie);
      expect(hop.status).toBe(400);
      expect(hop.body).toContain('fewer permissions');
      expect(hop.body).toContain('create ad groups (211)');
      expect(hop.body).not.toContain('create campaigns');
      const issued = [...rig.emulator.state.tokens.values()].at(-1);
      expect(issued?.revoked).toBe(true);
      expect(rig.audit.events.at(-1)).toMatchObject({
        kind: 'link_failed',
        reason: 'missing_scopes',
      });
    });

    it('no advertiser account granted', async () => {
      rig.emulator.setPortalGrant({ advertiser_ids: [], scope: [1, 2, 6] });
      const { callbackUrl, cookie } = await throughPortal((await rig.link(alice)).url);
      const hop = await get(callbackUrl, cookie);
      expect(hop.status).toBe(400);
      expect(hop.body).toContain('No advertiser account was shared');
    });
  });

  it('a state works once: the replayed callback is refused and changes nothing', async () => {
    const { callbackUrl, cookie } = await throughPortal((await rig.link(alice)).url);
    expect((await get(callbackUrl, cookie)).status).toBe(200);
    const before = JSON.stringify(await storedLink());
    const replay = await get(callbackUrl, cookie);
    expect(replay.status).toBe(400);
    expect(replay.body).toContain('already used or is unknown');
    expect(JSON.stringify(await storedLink())).toBe(before);
    expect(rig.linked).toHaveLength(1);
  });

  it('a reused auth_code (40110) in a fresh flow is refused and keeps the first link', async () => {
    const first = await throughPortal((await rig.link(alice)).url);
    expect((await get(first.callbackUrl, first.cookie)).status).toBe(200);
    const before = JSON.stringify(await storedLink());
    const usedCode = new URL(first.callbackUrl).searchParams.get('auth_code') ?? '';
    const second = await throughPortal((await rig.link(alice)).url);
    const hop = await get(withQuery(second.callbackUrl, { auth_code: usedCode }), second.cookie);
    expect(hop.status).toBe(400);
    expect(hop.body).toContain('40110');
    expect(JSON.stringify(await storedLink())).toBe(before);
  });

  it('a link opened in two browsers links once; the second finish is told it was used', async () => {
    const invite = await rig.link(alice);
    const a = await throughPortal(invite.url);
    const b = await throughPortal(invite.url);
    expect((await get(a.callbackUrl, a.cookie)).status).toBe(200);
    const late = await get(b.callbackUrl, b.cookie);
    expect(late.status).toBe(400);
    expect(late.body).toContain('already used');
    expect((await get(invite.url)).status).toBe(400);
  });

  it('several advertisers: all are kept with their names for the thread to pick from', async () => {
    rig.emulator.setPortalGrant({
      advertiser_ids: [EMULATOR_ADVERTISER_ID, EMULATOR_SECOND_ADVERTISER_ID],
      scope: [1, 2, 6],
    });
    const { callbackUrl, cookie } = await throughPortal((await rig.link(alice)).url);
    const done = await get(callbackUrl, cookie);
    expect(done.status).toBe(200);
    const account = await rig.linking.access.resolve(alice);
    expect(account?.advertiser_ids).toEqual([
      EMULATOR_ADVERTISER_ID,
      EMULATOR_SECOND_ADVERTISER_ID,
    ]);
    expect(Object.keys(account?.advertiser_names ?? {})).toHaveLength(2);
  });

  it('the token is stored for the chat user the link was made for, not for others', async () => {
    const bob = { ...alice, user_id: 'U_BOB', name: 'bob' };
    const { callbackUrl, cookie } = await throughPortal((await rig.link(alice)).url);
    await get(callbackUrl, cookie);
    expect(await rig.linking.access.resolve(alice)).not.toBeNull();
    expect(await rig.linking.access.resolve(bob)).toBeNull();
    expect(await rig.linking.access.resolve({ ...alice, workspace_id: 'T2' })).toBeNull();
  });
});
