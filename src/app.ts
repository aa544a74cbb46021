import type { Readable, Writable } from 'node:stream';
import type { FaultKind } from '../adapters/console/commands';
import { runConsoleChat } from '../adapters/console/console-chat';
import { type Config, loadConfig } from './config';
import { StaticAccessResolver } from './engine/access';
import { ConversationEngine } from './engine/engine';
import { engineSettingsFrom } from './engine-settings';
import { createLogger, type Logger } from './logger';
import { GeminiTurnModel } from './model/gemini-model';
import { OfflineTurnModel } from './model/offline-model';
import type { TurnModel } from './model/turn';
import { createStateStore } from './store/create-state-store';
import { Keys } from './store/keys';
import type { StateStore } from './store/state-store';
import type { TikTokAuth } from './tiktok/ads-api';
import { TikTokClient } from './tiktok/client';
import {
  createTikTokEmulator,
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
  type TikTokEmulator,
} from './tiktok/emulator';

/** Where the terminal chat reads and writes, and the settings it runs with. */
export interface TerminalOptions {
  env?: NodeJS.ProcessEnv;
  input: Readable;
  output: Writable;
  /** Log destination (default stderr). */
  logger?: Logger;
}

/** The TikTok side: the emulator started in-process when no TikTok base URL is set. */
interface TikTokSide {
  client: TikTokClient;
  auth: TikTokAuth;
  emulator?: TikTokEmulator;
  baseUrl: string;
}

async function tiktokSide(config: Config, logger: Logger): Promise<TikTokSide> {
  if (config.TIKTOK_BASE_URL && config.TIKTOK_ACCESS_TOKEN && config.TIKTOK_ADVERTISER_ID) {
    return {
      client: new TikTokClient({
        baseUrl: config.TIKTOK_BASE_URL,
        logger: logger.child({ component: 'tiktok' }),
      }),
      auth: {
        access_token: config.TIKTOK_ACCESS_TOKEN,
        advertiser_id: config.TIKTOK_ADVERTISER_ID,
      },
      baseUrl: config.TIKTOK_BASE_URL,
    };
  }
  const emulator = createTikTokEmulator({ logger });
  const baseUrl = await emulator.listen(config.EMULATOR_PORT);
  return {
    client: new TikTokClient({
      baseUrl,
      logger: logger.child({ component: 'tiktok' }),
      retry: { attempts: 3, baseDelayMs: 200, maxDelayMs: 1000 },
    }),
    auth: { access_token: EMULATOR_ACCESS_TOKEN, advertiser_id: EMULATOR_ADVERTISER_ID },
    emulator,
    baseUrl,
  };
}

function turnModel(config: Config, logger: Logger): TurnModel {
  if (!config.GEMINI_API_KEY) return new OfflineTurnModel();
  return new GeminiTurnModel({
    apiKey: config.GEMINI_API_KEY,
    model: config.GEMINI_MODEL,
    ...(config.GEMINI_BASE_URL ? { baseUrl: config.GEMINI_BASE_URL } : {}),
    logger: logger.child({ component: 'gemini' }),
  });
}

/**
 * Runs the terminal chat (the main job): the same engine the chat platforms use, against the
 * local TikTok emulator unless `TIKTOK_BASE_URL` is set, with the offline model unless
 * `GEMINI_API_KEY` is set, and Redis when `REDIS_URL` is set. Resolves at end of input.
 * @throws ConfigError on invalid settings; Error when Redis is set but does not answer.
 */
export async function runTerminal(options: TerminalOptions): Promise<void> {
  const config = loadConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const out = (line: string) => options.output.write(`${line}\n`);
  let store: StateStore | undefined;
  let tiktok: TikTokSide | undefined;
  try {
    tiktok = await tiktokSide(config, logger);
    store = await createStateStore({ redisUrl: config.REDIS_URL, logger });
    const model = turnModel(config, logger);
    out(
      `[setup] TikTok: ${tiktok.emulator ? `local emulator at ${tiktok.baseUrl}` : tiktok.baseUrl} · model: ${model.name} · state: ${config.REDIS_URL ? 'Redis' : 'in memory (lost on exit)'}`,
    );
    const engine = new ConversationEngine({
      store,
      keys: new Keys(config.STATE_PREFIX),
      model,
      ads: tiktok.client,
      access: new StaticAccessResolver(tiktok.auth),
      settings: engineSettingsFrom(config, 'console'),
      logger: logger.child({ component: 'engine' }),
    });
    const emulator = tiktok.emulator;
    await runConsoleChat({
      engine,
      input: options.input,
      output: options.output,
      ...(emulator
        ? {
            simulate: async (fault: FaultKind) => {
              if (fault === 'off') emulator.faults.clear();
              else emulator.faults.set(fault);
            },
          }
        : {}),
    });
  } finally {
    await store?.close();
    await tiktok?.emulator?.close();
  }
}
