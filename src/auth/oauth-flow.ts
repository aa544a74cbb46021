import { createHash, randomBytes } from 'node:crypto';
import type { ChatUserKey, LinkInvite } from '../engine/access';
import type { ThreadId } from '../engine/thread-id';
import type { Logger } from '../logging/logger';
import type { Keys } from '../store/keys';
import type { StateStore } from '../store/state-store';
import { TikTokApiError } from '../tiktok/errors';
import type { AuditLog } from './audit';
import { chatUserId } from './chat-user';
import { failure, type LinkFailure, type LinkFailureReason } from './link-failures';
import type { LinkStore } from './link-store';
import { missingScopes } from './scopes';
import type { TikTokOAuthApi } from './tiktok-oauth-api';

/** The TikTok developer app and where TikTok sends the advertiser back. */
export interface OAuthSettings {
  app_id: string;
  secret: string;
  /**
   * Our callback, exactly as registered with the TikTok app (ends in `/oauth/tiktok/callback`);
   * the start hop lives next to it. Never taken from a request.
   */
  redirect_uri: string;
  /** TikTok's authorization page, `https://business-api.tiktok.com/portal/auth` (or the emulator's). */
  portal_url: string;
}

/** Whom a link is for, as remembered between the DM and the callback. */
export interface LinkTarget {
  user: ChatUserKey & { name?: string };
  thread_id: ThreadId;
}

/** How long a private link, and each OAuth `state`, is accepted: 10 minutes. */
export const LINK_TTL_MS = 10 * 60 * 1000;

/** Cookie binding the browser that took the start hop to its `state` (value: random nonce). */
export interface BrowserCookie {
  name: string;
  value: string;
  max_age_ms: number;
  path: string;
  secure: boolean;
}

/** The start hop's answer: redirect to TikTok with a cookie, or a failure page. */
export type StartResult =
  | { ok: true; redirect: string; cookie: BrowserCookie }
  | { ok: false; failure: LinkFailure };

/** The callback's answer; `clear_cookie` names the cookie to delete in every case it is known. */
export type CallbackResult = (
  | {
      ok: true;
      target: LinkTarget;
      advertiser_ids: string[];
      advertiser_names: Record<string, string>;
    }
  | { ok: false; failure: LinkFailure }
) & { clear_cookie?: { name: string; path: string } };

interface LinkRecordInFlight extends LinkTarget {
  created_at: number;
}

interface StateRecord extends LinkTarget {
  link_hash: string;
  cookie_hash: string;
  created_at: number;
}

/** Options of {@link OAuthFlow}. */
export interface OAuthFlowOptions {
  settings: OAuthSettings;
  tiktok: TikTokOAuthApi;
  links: LinkStore;
  store: StateStore;
  keys: Keys;
  audit: AuditLog;
  logger: Logger;
  /** Called once a link is saved, so the waiting thread can go on (fire and forget). */
  onLinked?: (target: LinkTarget) => void;
  now?: () => number;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const random = () => randomBytes(16).toString('base64url');

/**
 * TikTok advertiser OAuth for one chat user, following RFC 9700
 * (https://www.rfc-editor.org/rfc/rfc9700; docs/reliability.md §8):
 *
 * 1. `createLink`: a random link id (128 bits) for the DM; Redis keeps only its hash, 10 min.
 * 2. `start` (GET /oauth/tiktok/start?link=…): a fresh `state` and a browser cookie holding a
 *    random nonce (its hash is stored with the state), then a redirect to TikTok's
 *    `portal/auth?app_id&state&redirect_uri`. The link id is never the `state`, so no OAuth
 *    value is ever in chat.
 * 3. `callback` (GET /oauth/tiktok/callback?auth_code&state): the state is consumed once
 *    (GETDEL), must be under 10 minutes old, must come with the start hop's cookie, and its
 *    link must still be open. Then the code is exchanged (`oauth2/access_token/`), advertiser
 *    ids and scopes are checked, the token is sealed for exactly that chat user, the link is
 *    closed, and `onLinked` fires. Any failure stores nothing.
 */
export class OAuthFlow {
  private readonly now: () => number;
  private readonly secureCookie: boolean;
  /** Path of the flow's cookies: the folder holding start and callback (`/oauth/tiktok/`). */
  private readonly cookiePath: string;
  readonly startUrl: string;

  constructor(private readonly options: OAuthFlowOptions) {
    this.now = options.now ?? Date.now;
    const redirect = new URL(options.settings.redirect_uri);
    this.secureCookie = redirect.protocol === 'https:';
    this.startUrl = new URL('start', redirect).toString();
    this.cookiePath = new URL('.', redirect).pathname;
  }

  /** A private link for `target.user`, valid {@link LINK_TTL_MS}; put it only in a DM. */
  async createLink(target: LinkTarget): Promise<LinkInvite> {
    const { store, keys } = this.options;
    const linkId = random();
    const record: LinkRecordInFlight = { ...target, created_at: this.now() };
    await store.set(keys.oauthLink(sha256(linkId)), record, LINK_TTL_MS);
    const url = new URL(this.startUrl);
    url.searchParams.set('link', linkId);
    return { url: url.toString(), expires_in_minutes: LINK_TTL_MS / 60_000 };
  }

  /** The start hop for link id `linkId` (query `link`). */
  async start(linkId: string | undefined): Promise<StartResult> {
    const { store, keys, settings, audit } = this.options;
    const link_hash = linkId ? sha256(linkId) : '';
    const link = linkId ? await store.get<LinkRecordInFlight>(keys.oauthLink(link_hash)) : null;
    if (!link) return { ok: false, failure: this.fail('unknown_link') };
    const state = random();
    const nonce = random();
    const stateHash = sha256(state);
    const record: StateRecord = {
      user: link.user,
      thread_id: link.thread_id,
      link_hash,
      cookie_hash: sha256(nonce),
      created_at: this.now(),
    };
    // Kept a little past 10 min so a late callback can be told "expired" rather than "unknown".
    await store.set(keys.oauthState(stateHash), record, LINK_TTL_MS * 2);
    audit.record({
      kind: 'link_started',
      user: chatUserId(link.user),
      thread_id: link.thread_id,
      state_ref: stateHash.slice(0, 12),
    });
    const portal = new URL(settings.portal_url);
    portal.searchParams.set('app_id', settings.app_id);
    portal.searchParams.set('state', state);
    portal.searchParams.set('redirect_uri', settings.redirect_uri);
    return {
      ok: true,
      redirect: portal.toString(),
      cookie: {
        name: cookieName(stateHash),
        value: nonce,
        max_age_ms: LINK_TTL_MS,
        path: this.cookiePath,
        secure: this.secureCookie,
      },
    };
  }

  /**
   * The callback. `query` is the request's query (`auth_code`, `state`; `code` is read when
   * `auth_code` is absent), `cookies` the request's cookies by name.
   */
  async callback(
    query: Record<string, unknown>,
    cookies: Record<string, string | undefined>,
  ): Promise<CallbackResult> {
    const { store, keys } = this.options;
    const state = typeof query.state === 'string' && query.state !== '' ? query.state : null;
    if (!state) return { ok: false, failure: this.fail('missing_state') };
    const stateHash = sha256(state);
    const state_ref = stateHash.slice(0, 12);
    const clear_cookie = { name: cookieName(stateHash), path: this.cookiePath };
    const record = await store.getDel<StateRecord>(keys.oauthState(stateHash));
    if (!record) return { ok: false, failure: this.fail('unknown_state', { state_ref }) };
    const who = { user: chatUserId(record.user), state_ref };
    const fail = (reason: LinkFailureReason, detail?: string): CallbackResult => ({
      ok: false,
      failure: this.fail(reason, who, detail),
      clear_cookie,
    });
    if (this.now() - record.created_at > LINK_TTL_MS) return fail('expired_state');
    const nonce = cookies[clear_cookie.name];
    if (!nonce) return fail('no_cookie');
    if (sha256(nonce) !== record.cookie_hash) return fail('cookie_mismatch');
    const linkKey = keys.oauthLink(record.link_hash);
    if (!(await store.get(linkKey))) return fail('link_used');
    const code =
      typeof query.auth_code === 'string'
        ? query.auth_code
        : typeof query.code === 'string'
          ? query.code
          : '';
    if (code === '') return fail('missing_code');
    return { ...(await this.finish(record, code, fail, state_ref)), clear_cookie };
  }

  private async finish(
    record: StateRecord,
    auth_code: string,
    fail: (reason: LinkFailureReason, detail?: string) => CallbackResult,
    state_ref: string,
  ): Promise<CallbackResult> {
    const { tiktok, settings, links, store, keys, audit } = this.options;
    const app = { app_id: settings.app_id, secret: settings.secret };
    let grant: Awaited<ReturnType<TikTokOAuthApi['exchangeAuthCode']>>;
    try {
      grant = await tiktok.exchangeAuthCode({ ...app, auth_code });
    } catch (error) {
      if (error instanceof TikTokApiError && error.tiktok_code === 40110) return fail('bad_code');
      return fail(
        'exchange_failed',
        error instanceof TikTokApiError ? `code ${error.tiktok_code}` : '',
      );
    }
    const missing = missingScopes(grant.scope);
    if (grant.advertiser_ids.length === 0 || missing.length > 0) {
      await tiktok.revokeToken({ ...app, access_token: grant.access_token }).catch(() => {});
      if (grant.advertiser_ids.length === 0) return fail('no_advertiser');
      return fail('missing_scopes', missing.map((s) => `${s.name} (${s.id})`).join(', '));
    }
    const advertiser_names = await tiktok
      .listAuthorizedAdvertisers({ ...app, access_token: grant.access_token })
      .then((list) =>
        Object.fromEntries(
          list
            .filter((a) => grant.advertiser_ids.includes(a.advertiser_id) && a.advertiser_name)
            .map((a) => [a.advertiser_id, a.advertiser_name]),
        ),
      )
      .catch(() => ({}) as Record<string, string>);
    const key_version = await links.save(record.user, { ...grant, advertiser_names });
    await store.delete(keys.oauthLink(record.link_hash));
    const target: LinkTarget = { user: record.user, thread_id: record.thread_id };
    audit.record({
      kind: 'link_completed',
      user: chatUserId(record.user),
      thread_id: record.thread_id,
      state_ref,
      advertiser_ids: grant.advertiser_ids,
      scope: grant.scope,
      key_version,
    });
    this.options.onLinked?.(target);
    return { ok: true, target, advertiser_ids: grant.advertiser_ids, advertiser_names };
  }

  private fail(
    reason: LinkFailureReason,
    who: { user?: string; state_ref?: string } = {},
    detail = '',
  ): LinkFailure {
    const result = failure(reason, detail);
    this.options.audit.record({ kind: 'link_failed', reason, ref: result.ref, ...who });
    this.options.logger.warn({ reason, ref: result.ref, ...who }, 'account link failed');
    return result;
  }
}

/** One cookie per flow, so two links opened in one browser do not overwrite each other. */
function cookieName(stateHash: string): string {
  return `tab_oauth_${stateHash.slice(0, 16)}`;
}
