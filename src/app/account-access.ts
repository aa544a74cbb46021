import type { PinoAuditLog } from '../auth/audit';
import { createLinking } from '../auth/create-linking';
import type { LinkTarget } from '../auth/oauth-flow';
import { type AccessResolver, StaticAccessResolver } from '../engine/access';
import { EMULATOR_PORTAL_PATH } from '../http/emulator-portal';
import { OAUTH_PATHS } from '../http/oauth-routes';
import type { HttpServer } from '../http/server';
import type { Logger } from '../logging/logger';
import type { Keys } from '../store/keys';
import type { StateStore } from '../store/state-store';
import { EMULATOR_APP_ID, EMULATOR_SECRET } from '../tiktok/emulator';
import { type Config, linkingMode } from './config';
import type { TikTokTarget } from './tiktok-target';

/** What {@link chooseAccountAccess} needs. */
export interface AccountAccessOptions {
  config: Config;
  tiktok: TikTokTarget;
  store: StateStore;
  keys: Keys;
  logger: Logger;
  /** Where per-user linking serves its OAuth start and callback pages. */
  http: HttpServer;
  /** The address users' browsers reach `http` at: `PUBLIC_URL`, else the local server's. */
  linkBase: string;
  audit: PinoAuditLog;
  /** Called once a user completes a link (the thread that asked for it goes on). */
  onLinked: (target: LinkTarget) => void;
}

/** Whose TikTok account each request uses, and one line saying so for the start-up summary. */
export interface AccountAccess {
  access: AccessResolver;
  /** e.g. `advertiser 7000… for everyone` or `each user links TikTok at https://…`. */
  description: string;
}

/**
 * One configured account for everyone (`TIKTOK_ACCESS_TOKEN` and `TIKTOK_ADVERTISER_ID`
 * against real TikTok with no app id), or per-user linking served on `http`. Linking without
 * `TOKEN_ENCRYPTION_KEYS` seals tokens with a throwaway key, and warns so.
 */
export function chooseAccountAccess(options: AccountAccessOptions): AccountAccess {
  const { config, tiktok, linkBase, logger } = options;
  if (
    linkingMode(config) === 'static' &&
    config.TIKTOK_ACCESS_TOKEN &&
    config.TIKTOK_ADVERTISER_ID
  ) {
    return {
      access: new StaticAccessResolver({
        access_token: config.TIKTOK_ACCESS_TOKEN,
        advertiser_id: config.TIKTOK_ADVERTISER_ID,
      }),
      description: `advertiser ${config.TIKTOK_ADVERTISER_ID} for everyone`,
    };
  }
  const emulator = tiktok.emulator;
  const linking = createLinking({
    settings: {
      app_id: emulator ? EMULATOR_APP_ID : (config.TIKTOK_APP_ID ?? ''),
      secret: emulator ? EMULATOR_SECRET : (config.TIKTOK_SECRET ?? ''),
      redirect_uri: config.TIKTOK_REDIRECT_URI ?? `${linkBase}${OAUTH_PATHS.callback}`,
      portal_url: authorizationPage(config, tiktok, linkBase),
    },
    ...(config.TOKEN_ENCRYPTION_KEYS ? { tokenKeys: config.TOKEN_ENCRYPTION_KEYS } : {}),
    tiktok: tiktok.client,
    store: options.store,
    keys: options.keys,
    audit: options.audit,
    logger: logger.child({ component: 'linking' }),
    onLinked: options.onLinked,
  });
  options.http.useOAuth(linking.flow);
  if (linking.throwawayKey)
    logger.warn(
      'TOKEN_ENCRYPTION_KEYS is not set: linked tokens are sealed with a throwaway key and must be linked again after a restart',
    );
  return {
    access: linking.access,
    description: `each user links TikTok at ${linkBase}${linking.throwawayKey ? ' (throwaway token key)' : ''}`,
  };
}

/**
 * The authorization page links send users to: TikTok's portal; with the emulator, its page on
 * the bot's own server at `PUBLIC_URL` when set (a browser elsewhere reaches that), else on the
 * emulator's loopback port (the terminal chat, on this machine).
 */
export function authorizationPage(
  config: Pick<Config, 'TIKTOK_PORTAL_URL' | 'PUBLIC_URL'>,
  tiktok: Pick<TikTokTarget, 'emulator' | 'baseUrl'>,
  linkBase: string,
): string {
  if (!tiktok.emulator) return config.TIKTOK_PORTAL_URL;
  return config.PUBLIC_URL ? `${linkBase}${EMULATOR_PORTAL_PATH}` : `${tiktok.baseUrl}/portal/auth`;
}
