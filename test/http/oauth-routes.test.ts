import { failure } from '../../src/auth/link-failures';
import type { CallbackResult, OAuthFlow, StartResult } from '../../src/auth/oauth-flow';
import { OAUTH_PATHS } from '../../src/http/oauth-routes';
import { createHttpServer, type HttpServer } from '../../src/http/server';
import { silentLogger } from '../../src/logging/logger';

/** A flow that answers what the test sets, and records what the routes passed it. */
class ScriptedFlow {
  startResult: StartResult = { ok: false, failure: failure('unknown_link') };
  callbackResult: CallbackResult = { ok: false, failure: failure('unknown_state') };
  readonly starts: Array<string | undefined> = [];
  readonly callbacks: Array<{ query: Record<string, unknown>; cookies: Record<string, unknown> }> =
    [];
  async start(link: string | undefined): Promise<StartResult> {
    this.starts.push(link);
    return this.startResult;
  }
  async callback(query: Record<string, unknown>, cookies: Record<string, unknown>) {
    this.callbacks.push({ query: { ...query }, cookies: { ...cookies } });
    return this.callbackResult;
  }
}

let flow: ScriptedFlow;
let http: HttpServer;
let base: string;

beforeEach(async () => {
  flow = new ScriptedFlow();
  http = createHttpServer({ logger: silentLogger() });
  http.useOAuth(flow as unknown as OAuthFlow);
  base = await http.listen(0);
});
afterEach(async () => {
  await http.close();
});

const get = (path: string, init: RequestInit = {}) =>
  fetch(`${base}${path}`, { redirect: 'manual', ...init });

describe('OAuth routes over real HTTP', () => {
  it('names the two paths', () => {
    expect(OAUTH_PATHS).toEqual({
      start: '/oauth/tiktok/start',
      callback: '/oauth/tiktok/callback',
    });
  });

  it('start: sets the flow cookie and redirects to TikTok, uncached and without a referrer', async () => {
    flow.startResult = {
      ok: true,
      redirect: 'https://business-api.tiktok.com/portal/auth?app_id=a&state=s',
      cookie: {
        name: 'tab_oauth',
        value: 'nonce1',
        max_age_ms: 600_000,
        path: '/oauth/tiktok/',
        secure: true,
      },
    };
    const res = await get(`${OAUTH_PATHS.start}?link=L1`);
    expect(flow.starts).toEqual(['L1']);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(
      'https://business-api.tiktok.com/portal/auth?app_id=a&state=s',
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^tab_oauth=nonce1; Max-Age=600; Path=\/oauth\/tiktok\/; Expires=.+; HttpOnly; Secure; SameSite=Lax$/,
    );
  });

  it('start: shows the failure page with its status, title, message and reference', async () => {
    flow.startResult = { ok: false, failure: { ...failure('unknown_link'), ref: 'abcd1234' } };
    const res = await get(OAUTH_PATHS.start);
    expect(flow.starts).toEqual([undefined]);
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.text();
    expect(body).toContain('<h1>This link no longer works</h1>');
    expect(body).toContain('Links work for 10 minutes');
    expect(body).toContain('Reference: abcd1234');
  });

  it('start: ignores a repeated link parameter (not a string)', async () => {
    await get(`${OAUTH_PATHS.start}?link=a&link=b`);
    expect(flow.starts).toEqual([undefined]);
  });

  it('callback: passes query and cookies, clears the cookie and names the linked accounts', async () => {
    flow.callbackResult = {
      ok: true,
      target: {
        user: { platform: 'slack', workspace_id: 'T1', user_id: 'U1', name: 'alice' },
        thread_id: 'slack:T1:C1:1.2' as never,
      },
      advertiser_ids: ['7001', '7002'],
      advertiser_names: { '7001': 'Shop <A>' },
      clear_cookie: { name: 'tab_oauth', path: '/oauth/tiktok/' },
    };
    const res = await get(`${OAUTH_PATHS.callback}?auth_code=C&state=S`, {
      headers: { cookie: 'tab_oauth=nonce1; other=x' },
    });
    expect(flow.callbacks).toEqual([
      { query: { auth_code: 'C', state: 'S' }, cookies: { tab_oauth: 'nonce1', other: 'x' } },
    ]);
    expect(res.status).toBe(200);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('set-cookie')).toMatch(
      /^tab_oauth=; Path=\/oauth\/tiktok\/; Expires=Thu, 01 Jan 1970/,
    );
    const body = await res.text();
    expect(body).toContain('<h1>TikTok account linked</h1>');
    expect(body).toContain(
      '<p>Advertiser account Shop &lt;A&gt; (7001), 7002 is now linked to alice (slack).</p>',
    );
    expect(body).toContain('<p>You can close this tab and go back to the chat.</p>');
  });

  it('callback: names the user by id when no name is known', async () => {
    flow.callbackResult = {
      ok: true,
      target: {
        user: { platform: 'discord', workspace_id: 'G', user_id: 'U9' },
        thread_id: 't' as never,
      },
      advertiser_ids: ['7001'],
      advertiser_names: {},
    };
    const body = await (await get(OAUTH_PATHS.callback)).text();
    expect(body).toContain('Advertiser account 7001 is now linked to U9 (discord).');
  });

  it('callback: a failure clears the cookie too and answers its status', async () => {
    flow.callbackResult = {
      ok: false,
      failure: { ...failure('cookie_mismatch'), ref: 'feedbeef' },
      clear_cookie: { name: 'tab_oauth', path: '/oauth/tiktok/' },
    };
    const res = await get(`${OAUTH_PATHS.callback}?auth_code=C&state=S`);
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toMatch(/^tab_oauth=;/);
    const body = await res.text();
    expect(body).toContain('<h1>Finish in the browser where you opened the link</h1>');
    expect(body).toContain('Reference: feedbeef');
    expect(body).not.toContain('auth_code');
  });

  it('callback: no cookie to clear when the flow names none', async () => {
    const res = await get(OAUTH_PATHS.callback);
    expect(res.status).toBe(400);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});
