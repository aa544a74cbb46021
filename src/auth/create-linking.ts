import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger';
import type { Keys } from '../store/keys';
import type { StateStore } from '../store/state-store';
import { AccountLinks } from './account-links';
import type { AuditLog } from './audit';
import { LinkStore } from './link-store';
import { type LinkTarget, OAuthFlow, type OAuthSettings } from './oauth-flow';
import type { TikTokOAuthApi } from './tiktok-oauth-api';
import { parseTokenKeys, TokenCipher } from './token-cipher';

/** What {@link createLinking} wires together. */
export interface LinkingOptions {
  settings: OAuthSettings;
  /** `TOKEN_ENCRYPTION_KEYS` (`version:base64,…`); absent only with the emulator. */
  tokenKeys?: string;
  tiktok: TikTokOAuthApi;
  store: StateStore;
  keys: Keys;
  audit: AuditLog;
  logger: Logger;
  onLinked?: (target: LinkTarget) => void;
  /** Clock in ms (tests move it to expire a state). */
  now?: () => number;
}

/** Per-user linking, ready to hand to the engine (`access`) and the HTTP server (`flow`). */
export interface Linking {
  access: AccountLinks;
  flow: OAuthFlow;
  /** True when no key was configured and a throwaway one seals tokens (emulator only). */
  throwawayKey: boolean;
}

/**
 * Builds per-user TikTok linking. Without `tokenKeys` a random throwaway key is generated and
 * `throwawayKey` is set: tokens sealed with it do not open after a restart (users link again).
 * Production settings validation (`loadConfig`) makes sure real TikTok never runs that way.
 * @throws Error when `tokenKeys` is malformed (message names the entry, never the key).
 */
export function createLinking(options: LinkingOptions): Linking {
  const throwawayKey = !options.tokenKeys;
  const cipher = new TokenCipher(
    options.tokenKeys ? parseTokenKeys(options.tokenKeys) : [{ version: 1, key: randomBytes(32) }],
  );
  const links = new LinkStore(options.store, options.keys, cipher);
  const flow = new OAuthFlow({
    settings: options.settings,
    tiktok: options.tiktok,
    links,
    store: options.store,
    keys: options.keys,
    audit: options.audit,
    logger: options.logger,
    ...(options.onLinked ? { onLinked: options.onLinked } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const access = new AccountLinks({
    links,
    flow,
    tiktok: options.tiktok,
    app: { app_id: options.settings.app_id, secret: options.settings.secret },
    audit: options.audit,
    logger: options.logger,
  });
  return { access, flow, throwawayKey };
}
