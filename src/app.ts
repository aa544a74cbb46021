import type { Readable, Writable } from 'node:stream';
import pino from 'pino';
import type { FaultKind } from '../adapters/console/commands';
import { runConsoleChat } from '../adapters/console/console-chat';
import { renderReply } from '../adapters/console/render';
import { PinoAuditLog } from './auth/audit';
import { createLinking } from './auth/create-linking';
import type { LinkTarget } from './auth/oauth-flow';
import { type Config, linkingMode, loadConfig } from './config';
import { type AccessResolver, StaticAccessResolver } from './engine/access';
import { ConversationEngine } from './engine/engine';
import type { Reply } from './engine/reply';
import { engineSettingsFrom } from './engine-settings';
import { OAUTH_PATHS } from './http/oauth-routes';
import { createHttpServer, type HttpServer } from './http/server';
import { createLogger, type Logger } from './logger';
import { GeminiTurnModel } from './model/gemini-model';
import { OfflineTurnModel } from './model/offline-model';
import type { TurnModel } from './model/turn';
import { BackgroundWork, resumeAfterLink } from './resume-after-link';
import { createStateStore } from './store/create-state-store';
import { Keys } from './store/keys';
import type { StateStore } from './store/state-store';
import { TikTokClient } from './tiktok/client';
import {
  createTikTokEmulator,
  EMULATOR_APP_ID,
  EMULATOR_SECRET,
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
  emulator?: TikTokEmulator;
  baseUrl: string;
}

async function tiktokSide(config: Config, logger: Logger): Promise<TikTokSide> {
  if (config.TIKTOK_BASE_URL) {
    return {
      client: new TikTokClient({
        baseUrl: config.TIKTOK_BASE_URL,
        logger: logger.child({ component: 'tiktok' }),
      }),
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

/** The account side: one configured account, or per-user linking with its HTTP server. */
interface AccessSide {
  access: AccessResolver;
  http?: HttpServer;
  /** Shown in the `[setup]` line. */
  description: string;
}

async function accessSide(
  config: Config,
  tiktok: TikTokSide,
  store: StateStore,
  keys: Keys,
  logger: Logger,
  onLinked: (target: LinkTarget) => void,
): Promise<AccessSide> {
  const mode = linkingMode(config);
  if (mode === 'static' && config.TIKTOK_ACCESS_TOKEN && config.TIKTOK_ADVERTISER_ID) {
    return {
      access: new StaticAccessResolver({
        access_token: config.TIKTOK_ACCESS_TOKEN,
        advertiser_id: config.TIKTOK_ADVERTISER_ID,
      }),
      description: `advertiser ${config.TIKTOK_ADVERTISER_ID} for everyone`,
    };
  }
  const http = createHttpServer({ logger: logger.child({ component: 'http' }) });
  const httpBase = await http.listen(config.HTTP_PORT ?? 0, config.HTTP_HOST);
  const emulator = tiktok.emulator;
  const linking = createLinking({
    settings: {
      app_id: emulator ? EMULATOR_APP_ID : (config.TIKTOK_APP_ID ?? ''),
      secret: emulator ? EMULATOR_SECRET : (config.TIKTOK_SECRET ?? ''),
      redirect_uri: config.TIKTOK_REDIRECT_URI ?? `${httpBase}${OAUTH_PATHS.callback}`,
      portal_url: emulator ? `${tiktok.baseUrl}/portal/auth` : config.TIKTOK_PORTAL_URL,
    },
    ...(config.TOKEN_ENCRYPTION_KEYS ? { tokenKeys: config.TOKEN_ENCRYPTION_KEYS } : {}),
    tiktok: tiktok.client,
    store,
    keys,
    audit: new PinoAuditLog(auditLogger(config, logger)),
    logger: logger.child({ component: 'linking' }),
    onLinked,
  });
  http.useOAuth(linking.flow);
  if (linking.throwawayKey)
    logger.warn(
      'TOKEN_ENCRYPTION_KEYS is not set: linked tokens are sealed with a throwaway key and must be linked again after a restart',
    );
  return {
    access: linking.access,
    http,
    description: `each user links TikTok at ${httpBase}${linking.throwawayKey ? ' (throwaway token key)' : ''}`,
  };
}

/** Audit records: to the `AUDIT_LOG` file when set, else the main log (at info). */
function auditLogger(config: Config, logger: Logger): Logger {
  if (!config.AUDIT_LOG) return logger.child({ component: 'audit' });
  return createLogger('info', pino.destination({ dest: config.AUDIT_LOG, mkdir: true }));
}

/**
 * Runs the terminal chat (the main job): the same engine the chat platforms use, against the
 * local TikTok emulator unless `TIKTOK_BASE_URL` is set, with the offline model unless
 * `GEMINI_API_KEY` is set, and Redis when `REDIS_URL` is set. Users link their TikTok account
 * through a private link served by the bot's HTTP server (with the emulator, `/open` follows it
 * in the terminal). Resolves at end of input, once linking work in flight has finished.
 * @throws ConfigError on invalid settings; Error when Redis is set but does not answer.
 */
export async function runTerminal(options: TerminalOptions): Promise<void> {
  const config = loadConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const out = (line: string) => options.output.write(`${line}\n`);
  const background = new BackgroundWork(logger);
  let store: StateStore | undefined;
  let tiktok: TikTokSide | undefined;
  let http: HttpServer | undefined;
  try {
    tiktok = await tiktokSide(config, logger);
    store = await createStateStore({ redisUrl: config.REDIS_URL, logger });
    const model = turnModel(config, logger);
    const keys = new Keys(config.STATE_PREFIX);
    let engine: ConversationEngine | undefined;
    const sink = (reply: Reply) => {
      out(renderReply(reply));
    };
    const side = await accessSide(config, tiktok, store, keys, logger, (target) => {
      if (engine) background.run(resumeAfterLink(engine, target, sink));
    });
    http = side.http;
    out(
      `[setup] TikTok: ${tiktok.emulator ? `local emulator at ${tiktok.baseUrl}` : tiktok.baseUrl} · accounts: ${side.description} · model: ${model.name} · state: ${config.REDIS_URL ? 'Redis' : 'in memory (lost on exit)'}`,
    );
    engine = new ConversationEngine({
      store,
      keys,
      model,
      ads: tiktok.client,
      access: side.access,
      settings: engineSettingsFrom(config, 'console'),
      logger: logger.child({ component: 'engine' }),
    });
    const emulator = tiktok.emulator;
    await runConsoleChat({
      engine,
      input: options.input,
      output: options.output,
      afterLink: () => background.drain(),
      ...(emulator
        ? {
            simulate: async (fault: FaultKind) => {
              if (fault === 'off') emulator.faults.clear();
              else emulator.faults.set(fault);
            },
          }
        : {}),
    });
    await background.drain();
  } finally {
    await http?.close();
    await store?.close();
    await tiktok?.emulator?.close();
  }
}
