import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/port';
import { TikTokClient } from '../tiktok/client';
import { createTikTokEmulator, type TikTokEmulator } from '../tiktok/emulator';
import type { Config } from './config';

/**
 * Where the bot's TikTok calls go: the configured `TIKTOK_BASE_URL`, or the emulator started
 * in-process when that is unset.
 */
export interface TikTokTarget {
  client: TikTokClient;
  /** Set when the calls go to the in-process emulator (closed with the runtime). */
  emulator?: TikTokEmulator;
  /** The Marketing API base URL, e.g. `https://business-api.tiktok.com` or the emulator's. */
  baseUrl: string;
}

/**
 * Retries against the in-process emulator: its injected faults (`/fault` in the terminal)
 * answer at once, so three quick attempts show a retry without slowing a trial down.
 */
const EMULATOR_RETRY = { attempts: 3, baseDelayMs: 200, maxDelayMs: 1000 };

/**
 * The TikTok client for these settings; with no `TIKTOK_BASE_URL`, first starts the emulator on
 * `EMULATOR_PORT` (0: any free port).
 */
export async function startTikTok(
  config: Pick<Config, 'TIKTOK_BASE_URL' | 'EMULATOR_PORT'>,
  logger: Logger,
  metrics: Metrics,
): Promise<TikTokTarget> {
  if (config.TIKTOK_BASE_URL) {
    return {
      client: new TikTokClient({ baseUrl: config.TIKTOK_BASE_URL, logger, metrics }),
      baseUrl: config.TIKTOK_BASE_URL,
    };
  }
  const emulator = createTikTokEmulator({ logger });
  const baseUrl = await emulator.listen(config.EMULATOR_PORT);
  return {
    client: new TikTokClient({ baseUrl, logger, metrics, retry: EMULATOR_RETRY }),
    emulator,
    baseUrl,
  };
}

/**
 * What TikTok is, for `/readyz` and the start-up line: `TikTok: emulator at <url> (no real ad
 * will be created)` or `TikTok: <base URL>`.
 */
export function describeTikTok(tiktok: Pick<TikTokTarget, 'emulator' | 'baseUrl'>): string {
  return tiktok.emulator
    ? `TikTok: emulator at ${tiktok.baseUrl} (no real ad will be created)`
    : `TikTok: ${tiktok.baseUrl}`;
}
