import { randomBytes } from 'node:crypto';
import { AccountLinks } from './account-links';
import { LinkStore } from './link-store';
import { OAuthFlow, type OAuthFlowOptions } from './oauth-flow';
import { parseTokenKeys, TokenCipher } from './token-cipher';

/**
 * What {@link createLinking} wires together: the flow's options (it builds the link store
 * itself) and the key setting.
 */
export interface LinkingOptions extends Omit<OAuthFlowOptions, 'links'> {
  /** `TOKEN_ENCRYPTION_KEYS` (`version:base64,…`); absent only with the emulator. */
  tokenKeys?: string;
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
 * @throws BotError `config_invalid` when `tokenKeys` is malformed (message names the entry, never the key).
 */
export function createLinking(options: LinkingOptions): Linking {
  const throwawayKey = !options.tokenKeys;
  const cipher = new TokenCipher(
    options.tokenKeys ? parseTokenKeys(options.tokenKeys) : [{ version: 1, key: randomBytes(32) }],
  );
  const links = new LinkStore(options.store, options.keys, cipher);
  const { tokenKeys: _keys, ...flowOptions } = options;
  const flow = new OAuthFlow({ ...flowOptions, links });
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
