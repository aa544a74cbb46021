import { reach } from '../../src/http/reach';
import { StartError } from '../../src/lifecycle/start-error';
import { named } from '../../src/settings/config-checks';

/** Discord's REST base when `DISCORD_API_URL` is unset. */
const DEFAULT_API_URL = 'https://discord.com/api';

/**
 * Asks Discord for the gateway address once (`GET /v10/gateway/bot`, what discord.js asks
 * first) within `timeoutMs` and without retries, so an unreachable Discord or a refused token
 * stops the start with its setting named. https://discord.com/developers/docs/events/gateway#get-gateway-bot
 * @param apiUrl `DISCORD_API_URL`, unset for Discord's own.
 * @throws StartError naming `DISCORD_API_URL` when Discord does not answer, or
 *   `DISCORD_TOKEN` (masked) on 401.
 */
export async function probeDiscord(
  token: string,
  apiUrl: string | undefined,
  timeoutMs: number,
): Promise<void> {
  const base = (apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const res = await reach(
    { service: 'Discord', check: `DISCORD_API_URL (default ${DEFAULT_API_URL})` },
    `${base}/v10/gateway/bot`,
    { headers: { authorization: `Bot ${token}` } },
    timeoutMs,
  );
  await res.body?.cancel();
  if (res.status === 401 || res.status === 403)
    throw new StartError(
      `${named('DISCORD_TOKEN', token)}: Discord refused it (HTTP ${res.status}). Copy the bot token from the Developer Portal: your application → Bot → Reset Token.`,
    );
}
