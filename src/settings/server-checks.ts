import { named } from './config-checks';

/**
 * Settings a Slack or Discord server needs on top of the terminal chat's, refused at start with
 * the setting named and the fix: where ads go (real TikTok, or the emulator said out loud), and
 * the public address account links use. One line per problem, as in `config-checks.ts`.
 */

/** The parsed values {@link deploymentProblems} looks at. */
export interface DeploymentSettings {
  TIKTOK_BASE_URL?: string | undefined;
  TIKTOK_EMULATOR?: 'on' | 'off' | undefined;
  TIKTOK_REDIRECT_URI?: string | undefined;
  PUBLIC_URL?: string | undefined;
  HTTP_PORT?: number | undefined;
  METRICS_PORT?: number | undefined;
}

/** The path TikTok sends the browser back to (`src/http/oauth-routes.ts`). */
const CALLBACK_PATH = '/oauth/tiktok/callback';

/** What to set for real TikTok (the hosts as README "Settings" lists them for `TIKTOK_BASE_URL`). */
export const TIKTOK_SETTINGS_HELP =
  "set TIKTOK_BASE_URL=https://business-api.tiktok.com (or TikTok's sandbox https://sandbox-ads.tiktok.com) with TIKTOK_APP_ID, TIKTOK_SECRET, TIKTOK_REDIRECT_URI and TOKEN_ENCRYPTION_KEYS (each user links their own account) or TIKTOK_ACCESS_TOKEN and TIKTOK_ADVERTISER_ID (one account for everyone); or TIKTOK_EMULATOR=on to try the bot against the in-process emulator (no real ad is created)";

/** Whether TikTok calls go to the in-process emulator under these settings. */
export function usesEmulator(config: DeploymentSettings): boolean {
  return !config.TIKTOK_BASE_URL && config.TIKTOK_EMULATOR !== 'off';
}

/** `localhost`, `127.0.0.0/8` and `::1`: addresses only this machine reaches. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** `PUBLIC_URL` without a trailing slash, e.g. `https://ads-bot.example.com`. */
export function publicBase(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, '');
}

/**
 * Problems with where ads go and where links point:
 * - server mode with neither `TIKTOK_BASE_URL` nor `TIKTOK_EMULATOR=on` (a real workspace must
 *   not silently get the emulator), or both set;
 * - `TIKTOK_EMULATOR=off` with no `TIKTOK_BASE_URL` (nowhere to send ads);
 * - server mode without `PUBLIC_URL`; a `PUBLIC_URL` that is not `https://` (or `http://` on a
 *   loopback host), since link pages carry OAuth codes;
 * - a `TIKTOK_REDIRECT_URI` that is not `PUBLIC_URL/oauth/tiktok/callback` (the start page is
 *   derived from it, so links would point elsewhere);
 * - `METRICS_PORT` equal to `HTTP_PORT`.
 */
export function deploymentProblems(config: DeploymentSettings, serverMode: boolean): string[] {
  const problems = tiktokTargetProblems(config, serverMode);
  const url = config.PUBLIC_URL;
  if (serverMode && !url) {
    problems.push(
      `${named('PUBLIC_URL', undefined)}: Slack or Discord is configured, so account links need the address users' browsers reach the bot at; set PUBLIC_URL, e.g. PUBLIC_URL=https://ads-bot.example.com`,
    );
  }
  if (url) problems.push(...publicUrlProblems(url));
  const redirect = config.TIKTOK_REDIRECT_URI;
  if (url && redirect && !publicUrlProblems(url).length) {
    const wanted = `${publicBase(url)}${CALLBACK_PATH}`;
    if (redirect !== wanted)
      problems.push(
        `${named('TIKTOK_REDIRECT_URI', redirect)}: must be ${JSON.stringify(wanted)} (PUBLIC_URL and the callback path), also registered as the redirect URL of your TikTok app`,
      );
  }
  const port = config.METRICS_PORT;
  if (port !== undefined && port !== 0 && port === config.HTTP_PORT) {
    problems.push(
      `${named('METRICS_PORT', port)}: must differ from ${named('HTTP_PORT', config.HTTP_PORT)}, or /metrics is public again`,
    );
  }
  return problems;
}

function tiktokTargetProblems(config: DeploymentSettings, serverMode: boolean): string[] {
  if (config.TIKTOK_BASE_URL && config.TIKTOK_EMULATOR === 'on')
    return [
      `${named('TIKTOK_EMULATOR', 'on')}: contradicts ${named('TIKTOK_BASE_URL', config.TIKTOK_BASE_URL)}; unset one of them`,
    ];
  if (config.TIKTOK_BASE_URL) return [];
  if (config.TIKTOK_EMULATOR === 'off')
    return [`${named('TIKTOK_EMULATOR', 'off')} and no TIKTOK_BASE_URL: ${TIKTOK_SETTINGS_HELP}`];
  if (serverMode && config.TIKTOK_EMULATOR !== 'on')
    return [
      `${named('TIKTOK_BASE_URL', undefined)}: Slack or Discord is configured, so ads must go to real TikTok: ${TIKTOK_SETTINGS_HELP}`,
    ];
  return [];
}

function publicUrlProblems(text: string): string[] {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return [`${named('PUBLIC_URL', text)}: must be a URL such as https://ads-bot.example.com`];
  }
  if (url.protocol === 'https:' && url.hostname) return [];
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return [];
  return [
    `${named('PUBLIC_URL', text)}: must be an https:// URL (http:// only for a loopback address such as http://127.0.0.1:3000), since account-link pages carry OAuth codes`,
  ];
}
