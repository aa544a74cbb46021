import type { RequestHandler } from 'express';
import pino from 'pino';
import { AdmissionControl } from '../admission/admission';
import { BoundedTurnModel } from '../admission/bounded-model';
import { LoopLag } from '../admission/loop-lag';
import { AuditTrail } from '../audit/trail';
import { PinoAuditLog } from '../auth/audit';
import { createLinking } from '../auth/create-linking';
import { type AccessResolver, StaticAccessResolver } from '../engine/access';
import { ConversationEngine } from '../engine/engine';
import type { ReplySink } from '../engine/reply';
import { ProcessOwner } from '../engine/submission/owner';
import { SubmissionResumer } from '../engine/submission/resume';
import type { Platform } from '../engine/thread-id';
import { EMULATOR_PORTAL_PATH, mountEmulatorPortal } from '../http/emulator-portal';
import { listenFor } from '../http/listen-for';
import { OAUTH_PATHS } from '../http/oauth-routes';
import { createHttpServer, type HttpServer } from '../http/server';
import {
  DEFAULT_IDLE_COLLECT_POLICY,
  IdleCollector,
  processPorts,
} from '../lifecycle/idle-collect';
import { createWorkTracker, type WorkTracker } from '../lifecycle/work-tracker';
import { createLogger, type Logger } from '../logging/logger';
import { exposeMetrics, type MetricsExposureOptions } from '../metrics/expose';
import { instrumentEngine, instrumentModel, instrumentStore } from '../metrics/instrument';
import { registerLoadGauges } from '../metrics/load-gauges';
import { type Metrics, NO_METRICS } from '../metrics/port';
import { createPrometheusMetrics } from '../metrics/prometheus';
import { GeminiTurnModel } from '../model/gemini-model';
import { probeGemini } from '../model/gemini-probe';
import { OfflineTurnModel } from '../model/offline/offline-model';
import type { TurnModel } from '../model/proposal';
import { UsageTotals } from '../model/usage';
import { publicBase } from '../settings/server-checks';
import { createStateStore } from '../store/create-state-store';
import { Keys } from '../store/keys';
import type { StateStore } from '../store/state-store';
import { TikTokClient } from '../tiktok/client';
import {
  createTikTokEmulator,
  EMULATOR_APP_ID,
  EMULATOR_SECRET,
  type TikTokEmulator,
} from '../tiktok/emulator';
import { BackgroundWork } from './background-work';
import { type Config, linkingMode } from './config';
import { engineSettingsFrom } from './engine-settings';
import { resumeAfterLink } from './resume-after-link';

/**
 * Everything the bot runs on, whatever the chat platform: store, TikTok (real or the emulator
 * in-process), model, accounts (one configured, or per-user linking), the HTTP server (OAuth,
 * health check, Slack), and the engine. Adapters register their reply sink per platform so a
 * completed link can resume its thread there.
 */
export interface Runtime {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: StateStore;
  readonly keys: Keys;
  /** The engine, counted in `metrics` (turns by platform and outcome). */
  readonly engine: ConversationEngine;
  /**
   * The engine behind admission control (`MAX_TURNS_IN_FLIGHT`, `MAX_QUEUED_TURNS`): what
   * chat adapters hand events to. `stats()` / `drain()` for metrics and shutdown.
   */
  readonly admission: AdmissionControl;
  /** The model, bounded to `MAX_MODEL_CALLS_IN_FLIGHT` calls at once (`inFlight`, `peak`). */
  readonly model: BoundedTurnModel;
  /** Token usage summed over every answered model call (Gemini `usageMetadata`). */
  readonly usage: UsageTotals;
  readonly http: HttpServer;
  /** The HTTP server's base URL, e.g. `http://127.0.0.1:3000`. */
  readonly httpBase: string;
  readonly emulator?: TikTokEmulator;
  /** One line on what runs: TikTok target, accounts, model, state. */
  readonly summary: string;
  /** Where replies to each platform's threads go (for work that answers no request). */
  readonly sinks: Map<Platform, ReplySink>;
  readonly background: BackgroundWork;
  /**
   * Resumes submissions whose process died. Adapters call `resumer.start()` once their sinks
   * are registered (the resume is announced in the thread).
   */
  readonly resumer: SubmissionResumer;
  /** Every turn and background job in flight, across adapters: what a shutdown waits for. */
  readonly work: WorkTracker;
  /** Where turns, model and TikTok calls, submissions… are counted (no-op with `METRICS=off`). */
  readonly metrics: Metrics;
  /** Where `GET /metrics` is served, e.g. `http://0.0.0.0:9464/metrics`, or why it is not. */
  readonly metricsAt: string;
  /**
   * Waits for admitted turns and background work, then closes the HTTP server, store, model
   * pool and emulator.
   */
  close(): Promise<void>;
}

/** Options of {@link startRuntime}. */
export interface RuntimeOptions {
  config: Config;
  logger: Logger;
  /** Decides the self-approval default (`console` allows it). */
  platform: Platform;
  /** HTTP port when `HTTP_PORT` is unset: 0 (any) for the terminal, 3000 for servers. */
  defaultHttpPort: number;
}

/**
 * Starts the shared parts, in dependency order, and closes what it started if a later step
 * fails.
 * @throws Error when Redis is set but does not answer; StartError when a port is taken;
 *   StartError when the model's API does not answer within `START_TIMEOUT_MS`.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, logger } = options;
  const opened: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of opened.reverse()) await close();
  };
  try {
    const prometheus = config.METRICS === 'on' ? createPrometheusMetrics() : undefined;
    const metrics = prometheus?.metrics ?? NO_METRICS;
    const tiktok = await tiktokSide(config, logger, metrics);
    if (tiktok.emulator) opened.push(() => tiktok.emulator?.close() ?? Promise.resolve());
    const rawStore = await createStateStore({ redisUrl: config.REDIS_URL, logger });
    opened.push(() => rawStore.close());
    if (config.GEMINI_API_KEY)
      await probeGemini(
        config.GEMINI_API_KEY,
        config.GEMINI_MODEL,
        config.GEMINI_BASE_URL,
        config.START_TIMEOUT_MS,
      );
    const store = instrumentStore(rawStore, metrics, config.STATE_PREFIX);
    const keys = new Keys(config.STATE_PREFIX);
    const auditLine = new PinoAuditLog(auditLogger(config, logger));
    const work = createWorkTracker();
    const http = createHttpServer({ logger: logger.child({ component: 'http' }) });
    const exposed = prometheus
      ? await exposeMetrics(metricsPlace(config, options, prometheus.handler, http))
      : undefined;
    if (exposed) opened.push(() => exposed.close());
    http.readinessChecks.set('tiktok', async () => ({ ok: true, note: tiktokNote(tiktok) }));
    http.readinessChecks.set('accepting', async () =>
      work.accepting ? true : { ok: false, error: 'shutting down' },
    );
    if (config.REDIS_URL) {
      // One round trip (a GET of a key never written); the check bounds it to 500 ms.
      http.readinessChecks.set('redis', async () => {
        await store.get(keys.readiness());
        return true;
      });
    }
    const port = config.HTTP_PORT ?? options.defaultHttpPort;
    const listened = await listenFor(
      'HTTP_PORT',
      port,
      config.HTTP_HOST,
      http.listen(port, config.HTTP_HOST),
    );
    opened.push(() => http.close());
    const httpBase = listened.replace('//0.0.0.0:', '//localhost:');
    const linkBase = config.PUBLIC_URL ? publicBase(config.PUBLIC_URL) : httpBase;
    if (tiktok.emulator && config.PUBLIC_URL) mountEmulatorPortal(http, tiktok.emulator);
    const sinks = new Map<Platform, ReplySink>();
    const background = new BackgroundWork(logger, work);
    let engine: ConversationEngine | undefined;
    const accounts = accessSide(
      config,
      tiktok,
      store,
      keys,
      logger,
      http,
      linkBase,
      auditLine,
      (target) => {
        const sink = sinks.get(target.user.platform);
        if (engine && sink) background.run(resumeAfterLink(engine, target, sink));
        else
          logger.warn({ platform: target.user.platform }, 'no adapter to resume a linked thread');
      },
    );
    const usage = new UsageTotals();
    const inner = turnModel(config, logger, metrics, usage);
    if (inner.close) opened.push(() => inner.close?.() ?? Promise.resolve());
    const model = new BoundedTurnModel(
      instrumentModel(inner, metrics, config.GEMINI_API_KEY ? config.GEMINI_MODEL : 'offline'),
      config.MAX_MODEL_CALLS_IN_FLIGHT,
    );
    const owner = new ProcessOwner({ store, keys, logger });
    await owner.start();
    opened.push(() => owner.stop());
    const core = new ConversationEngine({
      owner,
      store,
      keys,
      model,
      ads: tiktok.client,
      access: accounts.access,
      settings: engineSettingsFrom(config, options.platform),
      logger: logger.child({ component: 'engine' }),
      auditTrail: new AuditTrail({ store, keys, log: auditLine }),
      metrics,
    });
    engine = instrumentEngine(core, metrics);
    const resumer = new SubmissionResumer({
      store,
      keys,
      owner,
      engine,
      outbox: core.courier,
      sinkFor: (platform) => sinks.get(platform),
      logger: logger.child({ component: 'resumer' }),
    });
    opened.push(() => resumer.stop());
    if (config.IDLE_GC_SECONDS > 0) {
      const log = logger.child({ component: 'memory' });
      const collector = new IdleCollector(
        DEFAULT_IDLE_COLLECT_POLICY,
        processPorts((c) => log.debug({ ...c }, 'collected garbage while idle')),
      ).start(config.IDLE_GC_SECONDS * 1000);
      opened.push(async () => collector.stop());
    }
    const lag = new LoopLag().start();
    opened.push(async () => lag.stop());
    const admission = new AdmissionControl(
      engine,
      { maxTurnsInFlight: config.MAX_TURNS_IN_FLIGHT, maxQueued: config.MAX_QUEUED_TURNS },
      logger.child({ component: 'admission' }),
      {
        lagMs: () => lag.lagMs,
        targetLagMs: OVERLOAD_LAG_MS,
        minInFlight: OVERLOAD_MIN_TURNS,
        startInFlight: OVERLOAD_START_TURNS,
        everyMs: OVERLOAD_TICK_MS,
      },
    );
    opened.push(async () => admission.stop());
    if (prometheus)
      registerLoadGauges(prometheus.registry, {
        admission: () => admission.stats(),
        model: () => ({ inFlight: model.inFlight, limit: model.limit }),
        loopLagMs: () => lag.lagMs,
      });
    const summary = `${tiktokNote(tiktok)} · accounts: ${accounts.description} · model: ${model.name} · state: ${config.REDIS_URL ? 'Redis' : 'in memory (lost on exit)'}`;
    return {
      config,
      logger,
      store,
      keys,
      engine,
      admission,
      model,
      usage,
      http,
      httpBase,
      ...(tiktok.emulator ? { emulator: tiktok.emulator } : {}),
      summary,
      sinks,
      background,
      resumer,
      work,
      metrics,
      metricsAt: exposed?.where ?? 'off (METRICS=off)',
      async close() {
        // Admitted and queued turns are tracked by the adapters (`work`), drained by the server.
        await background.drain();
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * Event-loop lateness (ms, worst of the last 200 ms) above which admission halves the turns in
 * flight (down to this minimum), so fewer turns compete with acks and signature checks for the
 * CPU until the loop catches up (a late loop delays every queued request, acks included).
 */
const OVERLOAD_LAG_MS = 30;
const OVERLOAD_MIN_TURNS = 1;
/**
 * Slow start: a burst after a quiet moment starts this many turns, and one more per tick while
 * every place is taken and the loop keeps up (8 → 64 places in about 1.4 s). Starting all 64 in
 * the instant a burst arrives made the acks of that burst wait behind 64 turns' first steps
 * (figures: docs/performance.md §3.2).
 */
const OVERLOAD_START_TURNS = 8;
const OVERLOAD_TICK_MS = 25;

/**
 * Where `/metrics` goes: `METRICS_PORT`, or the public port behind `METRICS_TOKEN`; open on the
 * public port only in the terminal chat (its server is the user's own).
 */
function metricsPlace(
  config: Config,
  options: RuntimeOptions,
  handler: RequestHandler,
  http: HttpServer,
): MetricsExposureOptions {
  return {
    handler,
    http,
    port: config.METRICS_PORT,
    host: config.HTTP_HOST,
    token: config.METRICS_TOKEN,
    openOnPublicPort: options.platform === 'console',
    logger: options.logger,
  };
}

/**
 * What TikTok is, for `/readyz` and the start-up line: `TikTok: emulator at <url> (no real ad
 * will be created)` or `TikTok: <base URL>`.
 */
function tiktokNote(tiktok: TikTokSide): string {
  return tiktok.emulator
    ? `TikTok: emulator at ${tiktok.baseUrl} (no real ad will be created)`
    : `TikTok: ${tiktok.baseUrl}`;
}

/** The TikTok side: the emulator started in-process when no TikTok base URL is set. */
interface TikTokSide {
  client: TikTokClient;
  emulator?: TikTokEmulator;
  baseUrl: string;
}

async function tiktokSide(config: Config, logger: Logger, metrics: Metrics): Promise<TikTokSide> {
  if (config.TIKTOK_BASE_URL) {
    return {
      client: new TikTokClient({ baseUrl: config.TIKTOK_BASE_URL, logger, metrics }),
      baseUrl: config.TIKTOK_BASE_URL,
    };
  }
  const emulator = createTikTokEmulator({ logger });
  const baseUrl = await emulator.listen(config.EMULATOR_PORT);
  return {
    client: new TikTokClient({
      baseUrl,
      logger,
      metrics,
      retry: { attempts: 3, baseDelayMs: 200, maxDelayMs: 1000 },
    }),
    emulator,
    baseUrl,
  };
}

/** The configured model; Gemini's keep-alive pool is sized to the model-call bound. */
function turnModel(
  config: Config,
  logger: Logger,
  metrics: Metrics,
  usage: UsageTotals,
): TurnModel & { close?: () => Promise<void> } {
  if (!config.GEMINI_API_KEY) return new OfflineTurnModel();
  return new GeminiTurnModel({
    apiKey: config.GEMINI_API_KEY,
    model: config.GEMINI_MODEL,
    ...(config.GEMINI_BASE_URL ? { baseUrl: config.GEMINI_BASE_URL } : {}),
    logger,
    metrics,
    connections: config.MAX_MODEL_CALLS_IN_FLIGHT,
    onUsage: usage.record,
  });
}

/** One configured account for everyone, or per-user linking served on `http`. */
function accessSide(
  config: Config,
  tiktok: TikTokSide,
  store: StateStore,
  keys: Keys,
  logger: Logger,
  http: HttpServer,
  linkBase: string,
  auditLine: PinoAuditLog,
  onLinked: Parameters<typeof createLinking>[0]['onLinked'],
): { access: AccessResolver; description: string } {
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
      portal_url: emulatorPortal(config, tiktok, linkBase),
    },
    ...(config.TOKEN_ENCRYPTION_KEYS ? { tokenKeys: config.TOKEN_ENCRYPTION_KEYS } : {}),
    tiktok: tiktok.client,
    store,
    keys,
    audit: auditLine,
    logger: logger.child({ component: 'linking' }),
    ...(onLinked ? { onLinked } : {}),
  });
  http.useOAuth(linking.flow);
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
function emulatorPortal(config: Config, tiktok: TikTokSide, linkBase: string): string {
  if (!tiktok.emulator) return config.TIKTOK_PORTAL_URL;
  return config.PUBLIC_URL ? `${linkBase}${EMULATOR_PORTAL_PATH}` : `${tiktok.baseUrl}/portal/auth`;
}

/** Audit records: to the `AUDIT_LOG` file when set, else the main log (at info). */
function auditLogger(config: Config, logger: Logger): Logger {
  if (!config.AUDIT_LOG) return logger.child({ component: 'audit' });
  return createLogger('info', pino.destination({ dest: config.AUDIT_LOG, mkdir: true }));
}
