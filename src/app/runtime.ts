import type { RequestHandler } from 'express';
import pino from 'pino';
import { AdmissionControl } from '../admission/admission';
import { BoundedTurnModel } from '../admission/bounded-model';
import { LoopLag } from '../admission/loop-lag';
import { AuditTrail } from '../audit/trail';
import { PinoAuditLog } from '../auth/audit';
import type { LinkTarget } from '../auth/oauth-flow';
import type { AccessResolver } from '../engine/access';
import { ConversationEngine } from '../engine/engine';
import type { ReplySink } from '../engine/reply';
import type { EngineSettings } from '../engine/settings';
import { ProcessOwner } from '../engine/submission/owner';
import { SubmissionResumer } from '../engine/submission/resume';
import type { Platform } from '../engine/thread-id';
import { mountEmulatorPortal } from '../http/emulator-portal';
import { listenFor } from '../http/listen-for';
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
import { createPrometheusMetrics, type PrometheusMetrics } from '../metrics/prometheus';
import { GeminiTurnModel } from '../model/gemini-model';
import { probeGemini } from '../model/gemini-probe';
import { OfflineTurnModel } from '../model/offline/offline-model';
import type { TurnModel } from '../model/proposal';
import { UsageTotals } from '../model/usage';
import { publicBase } from '../settings/server-checks';
import { createStateStore } from '../store/create-state-store';
import { Keys } from '../store/keys';
import type { StateStore } from '../store/state-store';
import type { TikTokEmulator } from '../tiktok/emulator';
import { chooseAccountAccess } from './account-access';
import { BackgroundWork } from './background-work';
import type { Config } from './config';
import { engineSettingsFrom } from './engine-settings';
import { resumeAfterLink } from './resume-after-link';
import { describeTikTok, startTikTok, type TikTokTarget } from './tiktok-target';

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
  /** The engine's settings, built once from `config` (adapters read the draft TTL and approvers). */
  readonly settings: EngineSettings;
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
 * @throws StartError when Redis is set but does not answer or a port is taken;
 *   StartError when the model's API does not answer within `START_TIMEOUT_MS`.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const opened = new OpenedParts();
  try {
    return await assemble(options, opened);
  } catch (error) {
    await opened.closeAll();
    throw error;
  }
}

/** What has been started so far, closed in reverse order (last started, first closed). */
class OpenedParts {
  private readonly closers: Array<() => Promise<void>> = [];

  add(close: () => Promise<void>): void {
    this.closers.push(close);
  }

  async closeAll(): Promise<void> {
    for (const close of this.closers.splice(0).reverse()) await close();
  }
}

/** The steps of {@link startRuntime}; each registers in `opened` what it started. */
async function assemble(options: RuntimeOptions, opened: OpenedParts): Promise<Runtime> {
  const { config, logger } = options;
  const prometheus = config.METRICS === 'on' ? createPrometheusMetrics() : undefined;
  const metrics = prometheus?.metrics ?? NO_METRICS;
  const tiktok = await startTikTok(config, logger, metrics);
  const { emulator } = tiktok;
  if (emulator) opened.add(() => emulator.close());
  const store = await openStore(config, logger, metrics, opened);
  if (config.GEMINI_API_KEY)
    await probeGemini(
      config.GEMINI_API_KEY,
      config.GEMINI_MODEL,
      config.GEMINI_BASE_URL,
      config.START_TIMEOUT_MS,
    );
  const keys = new Keys(config.STATE_PREFIX);
  const audit = new PinoAuditLog(auditLogger(config, logger));
  const work = createWorkTracker();
  const web = await openHttp({ options, prometheus, tiktok, store, keys, work }, opened);
  const sinks = new Map<Platform, ReplySink>();
  const background = new BackgroundWork(logger, work);
  let engine: ConversationEngine | undefined;
  const accounts = chooseAccountAccess({
    config,
    tiktok,
    store,
    keys,
    logger,
    http: web.http,
    linkBase: web.linkBase,
    audit,
    onLinked: resumeLinkedThread(() => engine, sinks, background, logger),
  });
  const usage = new UsageTotals();
  const model = startModel(config, logger, metrics, usage, opened);
  const settings = engineSettingsFrom(config, options.platform);
  const started = await startEngine(
    { config, logger, store, keys, model, tiktok, settings, audit, metrics, sinks },
    accounts.access,
    opened,
  );
  engine = started.engine;
  const { resumer } = started;
  const admission = startLoadControl(config, logger, engine, model, prometheus, opened);
  return {
    config,
    logger,
    store,
    keys,
    settings,
    engine,
    admission,
    model,
    usage,
    http: web.http,
    httpBase: web.httpBase,
    ...(emulator ? { emulator } : {}),
    summary: `${describeTikTok(tiktok)} · accounts: ${accounts.description} · model: ${model.name} · state: ${config.REDIS_URL ? 'Redis' : 'in memory (lost on exit)'}`,
    sinks,
    background,
    resumer,
    work,
    metrics,
    metricsAt: web.metricsAt,
    async close() {
      // Admitted and queued turns are tracked by the adapters (`work`), drained by the server.
      await background.drain();
      await opened.closeAll();
    },
  };
}

/**
 * What a completed account link does: the thread that asked for it goes on through its
 * platform's sink, as background work; with no engine yet or no adapter for that platform, a
 * warning is logged instead.
 */
function resumeLinkedThread(
  engine: () => ConversationEngine | undefined,
  sinks: ReadonlyMap<Platform, ReplySink>,
  background: BackgroundWork,
  logger: Logger,
): (target: LinkTarget) => void {
  return (target) => {
    const current = engine();
    const sink = sinks.get(target.user.platform);
    if (current && sink) background.run(resumeAfterLink(current, target, sink));
    else logger.warn({ platform: target.user.platform }, 'no adapter to resume a linked thread');
  };
}

/** What the engine is built from. */
interface EngineParts {
  config: Config;
  logger: Logger;
  store: StateStore;
  keys: Keys;
  model: BoundedTurnModel;
  tiktok: TikTokTarget;
  settings: EngineSettings;
  audit: PinoAuditLog;
  metrics: Metrics;
  /** Where resumed submissions announce themselves, per platform (filled by the adapters). */
  sinks: ReadonlyMap<Platform, ReplySink>;
}

/**
 * The engine (counted in `metrics`) with this process's ownership of submissions, and the
 * resumer that finishes submissions a dead process left behind (started by the adapters once
 * their sinks are registered).
 */
async function startEngine(
  parts: EngineParts,
  access: AccessResolver,
  opened: OpenedParts,
): Promise<{ engine: ConversationEngine; resumer: SubmissionResumer }> {
  const { store, keys, logger, metrics, sinks } = parts;
  const owner = new ProcessOwner({ store, keys, logger });
  await owner.start();
  opened.add(() => owner.stop());
  const core = new ConversationEngine({
    owner,
    store,
    keys,
    model: parts.model,
    ads: parts.tiktok.client,
    access,
    settings: parts.settings,
    logger: logger.child({ component: 'engine' }),
    auditTrail: new AuditTrail({ store, keys, log: parts.audit }),
    metrics,
  });
  const engine = instrumentEngine(core, metrics);
  const resumer = new SubmissionResumer({
    store,
    keys,
    owner,
    engine,
    outbox: core.courier,
    sinkFor: (platform) => sinks.get(platform),
    logger: logger.child({ component: 'resumer' }),
  });
  opened.add(() => resumer.stop());
  return { engine, resumer };
}

/** The state store (Redis when `REDIS_URL` is set, else in memory), counted in `metrics`. */
async function openStore(
  config: Config,
  logger: Logger,
  metrics: Metrics,
  opened: OpenedParts,
): Promise<StateStore> {
  const raw = await createStateStore({ redisUrl: config.REDIS_URL, logger });
  opened.add(() => raw.close());
  return instrumentStore(raw, metrics, config.STATE_PREFIX);
}

/** What {@link openHttp} serves. */
interface HttpParts {
  options: RuntimeOptions;
  prometheus: PrometheusMetrics | undefined;
  tiktok: TikTokTarget;
  store: StateStore;
  keys: Keys;
  work: WorkTracker;
}

/**
 * The HTTP server, listening on `HTTP_PORT` (default: `options.defaultHttpPort`) with its
 * readiness checks (TikTok, intake, Redis) and `/metrics`; the emulator's authorization page is
 * mounted on it when the emulator runs behind a `PUBLIC_URL`.
 * @returns the server, its base URL, the base account links use, and where `/metrics` is.
 */
async function openHttp(
  parts: HttpParts,
  opened: OpenedParts,
): Promise<{ http: HttpServer; httpBase: string; linkBase: string; metricsAt: string }> {
  const { options, prometheus, tiktok, store, keys, work } = parts;
  const { config, logger } = options;
  const http = createHttpServer({ logger: logger.child({ component: 'http' }) });
  const exposed = prometheus
    ? await exposeMetrics(metricsPlace(config, options, prometheus.handler, http))
    : undefined;
  if (exposed) opened.add(() => exposed.close());
  http.readinessChecks.set('tiktok', async () => ({ ok: true, note: describeTikTok(tiktok) }));
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
  opened.add(() => http.close());
  const httpBase = listened.replace('//0.0.0.0:', '//localhost:');
  if (tiktok.emulator && config.PUBLIC_URL) mountEmulatorPortal(http, tiktok.emulator);
  return {
    http,
    httpBase,
    linkBase: config.PUBLIC_URL ? publicBase(config.PUBLIC_URL) : httpBase,
    metricsAt: exposed?.where ?? 'off (METRICS=off)',
  };
}

/**
 * The configured model (Gemini, whose keep-alive pool is sized to the model-call bound, or the
 * offline one), counted in `metrics` and bounded to `MAX_MODEL_CALLS_IN_FLIGHT` calls at once.
 */
function startModel(
  config: Config,
  logger: Logger,
  metrics: Metrics,
  usage: UsageTotals,
  opened: OpenedParts,
): BoundedTurnModel {
  const inner: TurnModel & { close?: () => Promise<void> } = config.GEMINI_API_KEY
    ? new GeminiTurnModel({
        apiKey: config.GEMINI_API_KEY,
        model: config.GEMINI_MODEL,
        ...(config.GEMINI_BASE_URL ? { baseUrl: config.GEMINI_BASE_URL } : {}),
        logger,
        metrics,
        connections: config.MAX_MODEL_CALLS_IN_FLIGHT,
        onUsage: usage.record,
      })
    : new OfflineTurnModel();
  const close = inner.close?.bind(inner);
  if (close) opened.add(close);
  return new BoundedTurnModel(
    instrumentModel(inner, metrics, config.GEMINI_API_KEY ? config.GEMINI_MODEL : 'offline'),
    config.MAX_MODEL_CALLS_IN_FLIGHT,
  );
}

/**
 * Admission control in front of `engine` (`MAX_TURNS_IN_FLIGHT`, `MAX_QUEUED_TURNS`, fewer
 * turns while the event loop lags), the loop-lag probe it reads, the idle garbage collector
 * (`IDLE_GC_SECONDS`), and the load gauges on `/metrics`.
 */
function startLoadControl(
  config: Config,
  logger: Logger,
  engine: ConversationEngine,
  model: BoundedTurnModel,
  prometheus: PrometheusMetrics | undefined,
  opened: OpenedParts,
): AdmissionControl {
  if (config.IDLE_GC_SECONDS > 0) {
    const log = logger.child({ component: 'memory' });
    const collector = new IdleCollector(
      DEFAULT_IDLE_COLLECT_POLICY,
      processPorts((c) => log.debug({ ...c }, 'collected garbage while idle')),
    ).start(config.IDLE_GC_SECONDS * 1000);
    opened.add(async () => collector.stop());
  }
  const lag = new LoopLag().start();
  opened.add(async () => lag.stop());
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
  opened.add(async () => admission.stop());
  if (prometheus)
    registerLoadGauges(prometheus.registry, {
      admission: () => admission.stats(),
      model: () => ({ inFlight: model.inFlight, limit: model.limit }),
      loopLagMs: () => lag.lagMs,
    });
  return admission;
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

/** Audit records: to the `AUDIT_LOG` file when set, else the main log (at info). */
/**
 * Where audit records go: the `AUDIT_LOG` file, else the main log as `component: audit`. Either
 * way at `info` whatever `LOG_LEVEL` says, so a quieter main log never drops audit records.
 */
export function auditLogger(config: Pick<Config, 'AUDIT_LOG'>, logger: Logger): Logger {
  if (!config.AUDIT_LOG) return logger.child({ component: 'audit' }, { level: 'info' });
  return createLogger('info', pino.destination({ dest: config.AUDIT_LOG, mkdir: true }));
}
