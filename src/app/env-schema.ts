import { z } from 'zod';
import { DiscordEnvSchema } from '../../adapters/discord/settings';
import { SlackSettingsSchema } from '../../adapters/slack/settings';
import { DEFAULT_ADMISSION } from '../admission/admission';
import { DEFAULT_MAX_MODEL_CALLS_IN_FLIGHT } from '../admission/bounded-model';
import { DEFAULT_START_TIMEOUT_MS } from '../http/reach';
import { DEFAULT_IDLE_GC_SECONDS } from '../lifecycle/idle-collect';
import { optionalString } from '../settings/env-fields';

/**
 * Every setting the bot reads from the environment, one documented field each, grouped by what
 * it governs; a default is a named constant declared beside its group. Defaults make `npm start`
 * work with no accounts: terminal chat, in-process TikTok emulator, offline model, in-process
 * store. README.md "Settings" lists the same fields for operators.
 */

/** `true`/`false`, also `1`/`0` and `yes`/`no`. */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A TCP port; 0 asks the system for any free one. */
const port = z.coerce.number().int().min(0).max(65535);

export const DEFAULT_LOG_FILE = 'tiktok-ad-bot.log';
export const DEFAULT_STATE_PREFIX = 'tab:';
export const DEFAULT_DRAFT_IDLE_DAYS = 7;

/** Logs and state. */
const LogAndStateSchema = z.object({
  /** pino level. Unset: `info` for the Slack/Discord server and for the terminal chat's `LOG_FILE`. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /**
   * Terminal chat only: the file its JSON log lines are appended to, so the terminal shows only
   * the chat (start-up warnings become `[setup]` lines). Default `tiktok-ad-bot.log` in the
   * working directory. The Slack/Discord server logs JSON to the process output instead.
   */
  LOG_FILE: z.string().min(1).default(DEFAULT_LOG_FILE),
  /**
   * Redis for drafts, locks and event claims, e.g. `redis://127.0.0.1:6379`. Unset: state is
   * kept in memory and lost on exit (a server refuses that unless `ALLOW_MEMORY_STATE=true`).
   */
  REDIS_URL: optionalString,
  /** Prefix of every Redis key, so several bots can share one Redis. */
  STATE_PREFIX: z.string().default(DEFAULT_STATE_PREFIX),
  /** A thread's draft expires after this many idle days (also the Slack message references). */
  DRAFT_IDLE_DAYS: z.coerce.number().positive().default(DEFAULT_DRAFT_IDLE_DAYS),
});

export const DEFAULT_GEMINI_MODEL = 'gemini-3.1-flash-lite';

/** The model that proposes each turn. */
const ModelSchema = z.object({
  /** Use Gemini for the conversation. Unset: the offline model (rules, no network). Secret. */
  GEMINI_API_KEY: optionalString,
  /** The Gemini model id. */
  GEMINI_MODEL: z.string().default(DEFAULT_GEMINI_MODEL),
  /** Another `generateContent` endpoint (tests use a local stand-in). Unset: Google's. */
  GEMINI_BASE_URL: optionalString,
});

export const DEFAULT_TIKTOK_IDENTITY_NAME = 'Our brand';
export const DEFAULT_TIKTOK_OPTIMIZATION_EVENT = 'SHOPPING';
/** The United States. */
export const DEFAULT_TIKTOK_LOCATION_IDS = '6252001';
export const DEFAULT_TIKTOK_CURRENCY = 'USD';
export const DEFAULT_EMULATOR_PORT = 0;

/** Where ads go, and what they are made with. */
const TikTokSchema = z.object({
  /**
   * The Marketing API: `https://business-api.tiktok.com` (production) or
   * `https://sandbox-ads.tiktok.com` (TikTok's sandbox). Unset: the in-process emulator.
   */
  TIKTOK_BASE_URL: optionalString,
  /**
   * `on`: TikTok calls go to the in-process emulator (no real ad is ever created). Unset: on
   * for the terminal chat when `TIKTOK_BASE_URL` is unset, off for Slack and Discord, which
   * then refuse to start without real TikTok settings (a real workspace must not get a stand-in
   * silently). Contradicts `TIKTOK_BASE_URL`.
   */
  TIKTOK_EMULATOR: z.enum(['on', 'off']).optional(),
  /** Instead of per-user linking: one advertiser token for everyone (with `TIKTOK_BASE_URL`). Secret. */
  TIKTOK_ACCESS_TOKEN: optionalString,
  /** The advertiser id that goes with `TIKTOK_ACCESS_TOKEN`. */
  TIKTOK_ADVERTISER_ID: optionalString,
  /** The `CUSTOMIZED_USER` identity ads run under. Unset: found or created by display name. */
  TIKTOK_IDENTITY_ID: optionalString,
  /** Without an identity id: the identity with this display name is used, or created. */
  TIKTOK_IDENTITY_NAME: z.string().default(DEFAULT_TIKTOK_IDENTITY_NAME),
  /**
   * A square JPEG/PNG file uploaded as a created identity's avatar (`image_uri`), checked at
   * start. Unset: the first square library image.
   */
  TIKTOK_IDENTITY_AVATAR: optionalString,
  /** With a pixel, Conversions ad groups optimize for `CONVERT` (else `CLICK`). */
  TIKTOK_PIXEL_ID: optionalString,
  /** The pixel event `CONVERT` ad groups optimize for. */
  TIKTOK_OPTIMIZATION_EVENT: z.string().default(DEFAULT_TIKTOK_OPTIMIZATION_EVENT),
  /** Comma-separated TikTok location ids every ad group targets. */
  TIKTOK_LOCATION_IDS: z.string().default(DEFAULT_TIKTOK_LOCATION_IDS),
  /** The advertiser's currency, for budgets in messages. */
  TIKTOK_CURRENCY: z.string().default(DEFAULT_TIKTOK_CURRENCY),
  /** Port of the in-process emulator (0: any free port). */
  EMULATOR_PORT: port.default(DEFAULT_EMULATOR_PORT),
});

export const DEFAULT_TIKTOK_PORTAL_URL = 'https://business-api.tiktok.com/portal/auth';
export const DEFAULT_HTTP_HOST = '127.0.0.1';

/** Per-user account linking, and the HTTP server it is served on. */
const LinkingAndHttpSchema = z.object({
  /** The TikTok developer app id; with `TIKTOK_BASE_URL`, turns per-user linking on. */
  TIKTOK_APP_ID: optionalString,
  /** The TikTok developer app secret; required with `TIKTOK_APP_ID`. Secret. */
  TIKTOK_SECRET: optionalString,
  /**
   * The exact callback registered with the TikTok app; when set, must be `PUBLIC_URL` +
   * `/oauth/tiktok/callback`. Unset: that address.
   */
  TIKTOK_REDIRECT_URI: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** TikTok's authorization page (the emulator's own page is used with the emulator). */
  TIKTOK_PORTAL_URL: z.url().default(DEFAULT_TIKTOK_PORTAL_URL),
  /**
   * `version:base64key` pairs, comma-separated; the newest version seals new tokens. Unset:
   * a throwaway key (links are lost on restart). Secret.
   */
  TOKEN_ENCRYPTION_KEYS: optionalString,
  /** Port of the bot's HTTP server. Unset: 3000 for a server, any free port for the terminal. */
  HTTP_PORT: port.optional(),
  /** The address the HTTP server listens on (`0.0.0.0` in a container). */
  HTTP_HOST: z.string().default(DEFAULT_HTTP_HOST),
  /**
   * The bot's address as users' browsers reach it, e.g. `https://ads-bot.example.com` (no
   * default). Account-link pages are sent as `PUBLIC_URL/oauth/tiktok/start…`. Required for
   * Slack and Discord; `https://` unless the host is a loopback address. Terminal default: the
   * local HTTP server's address.
   */
  PUBLIC_URL: optionalString,
  /** A file for audit records, one JSON line each. Unset: the main log, at `info`. */
  AUDIT_LOG: optionalString,
});

/** The daily budget used when nobody names one (a string: `none` makes the bot ask). */
export const DEFAULT_DAILY_BUDGET = '50';
export const DEFAULT_MAX_DAILY_BUDGET = 1000;
/** TikTok's ad group daily minimum in USD (20 × the currency ratio elsewhere). */
export const DEFAULT_MIN_DAILY_BUDGET = 20;

/** Budgets, in `TIKTOK_CURRENCY`. */
const BudgetSchema = z.object({
  /** The daily budget used when nobody names one; `none` (or empty) makes the bot ask. */
  DEFAULT_DAILY_BUDGET: z
    .string()
    .default(DEFAULT_DAILY_BUDGET)
    .transform((v, ctx) => {
      if (v.trim() === '' || v.trim() === 'none') return null;
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be a positive number, or "none" to always ask',
        });
        return z.NEVER;
      }
      return n;
    }),
  /** Our cap: larger daily budgets are refused. */
  MAX_DAILY_BUDGET: z.coerce.number().positive().default(DEFAULT_MAX_DAILY_BUDGET),
  /** Smaller daily budgets are refused (TikTok's ad group minimum). */
  MIN_DAILY_BUDGET: z.coerce.number().positive().default(DEFAULT_MIN_DAILY_BUDGET),
});

export const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;

/** Running the process: start, shutdown, metrics. */
const OperationsSchema = z.object({
  /** Server mode without REDIS_URL is refused unless this is true (state is then lost on restart). */
  ALLOW_MEMORY_STATE: bool.optional(),
  /**
   * How long each dependency (Slack's `auth.test`, Discord's gateway, the model's API) may take
   * to answer at start before the bot stops with its name and URL, ms.
   */
  START_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(DEFAULT_START_TIMEOUT_MS),
  /** On SIGTERM/SIGINT, how long work in flight may take to finish before Redis is closed, ms. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(DEFAULT_SHUTDOWN_GRACE_MS),
  /** `off` removes `GET /metrics`. */
  METRICS: z.enum(['on', 'off']).default('on'),
  /**
   * Serve `GET /metrics` on its own port (on `HTTP_HOST`), apart from the public one. Unset
   * (default): on the public port only with `METRICS_TOKEN` (the terminal chat's loopback
   * server serves it without).
   */
  METRICS_PORT: port.optional(),
  /**
   * When set (16 characters or more), `GET /metrics` needs `Authorization: Bearer <token>`
   * wherever it is served; unset by default. Secret.
   */
  METRICS_TOKEN: optionalString.pipe(
    z.string().min(16, 'must be at least 16 characters (a random string)').optional(),
  ),
});

export const DEFAULT_APPROVALS_REQUIRED = 1;
export const DEFAULT_MAX_MESSAGE_CHARS = 2000;

/** Who may approve, and how much work and spend is allowed. */
const ApprovalAndLimitsSchema = z.object({
  /** Distinct approvals needed before a draft is submitted. */
  APPROVALS_REQUIRED: z.coerce.number().int().min(1).max(10).default(DEFAULT_APPROVALS_REQUIRED),
  /** Turns run at once per process; more wait in a per-thread queue (the user is told). */
  MAX_TURNS_IN_FLIGHT: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(DEFAULT_ADMISSION.maxTurnsInFlight),
  /** Model calls at once per process (also the Gemini keep-alive pool's sockets). */
  MAX_MODEL_CALLS_IN_FLIGHT: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(DEFAULT_MAX_MODEL_CALLS_IN_FLIGHT),
  /** Events that may wait; past it the user hears "too busy, try again in a minute". */
  MAX_QUEUED_TURNS: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(DEFAULT_ADMISSION.maxQueued),
  /** Seconds between checks for a quiet loop and a grown heap, then a full GC; 0: off. */
  IDLE_GC_SECONDS: z.coerce.number().int().min(0).max(3600).default(DEFAULT_IDLE_GC_SECONDS),
  /**
   * Whether the requester, and whoever changed a payload field, may approve the draft. Unset:
   * true in the terminal (one user), false elsewhere.
   */
  ALLOW_SELF_APPROVAL: bool.optional(),
  /**
   * Comma- or space-separated chat user ids, Discord role ids and Slack user-group ids (`S…`)
   * who may approve. Unset: any teammate but the requester and the editors.
   */
  APPROVERS: optionalString,
  /**
   * Ports other than 443 a landing page may name, comma-separated (e.g. `8443`); default none,
   * so `https://shop.example.com:8443/` is refused.
   */
  LANDING_PAGE_PORTS: z
    .string()
    .trim()
    .default('')
    .refine(
      (v) =>
        v
          .split(/[\s,]+/)
          .every((p) => p === '' || (/^\d{1,5}$/.test(p) && Number(p) <= 65535 && Number(p) > 0)),
      {
        message: 'must be port numbers (1-65535), comma-separated',
      },
    ),
  /** Most daily budget one workspace may launch per UTC day, in `TIKTOK_CURRENCY`. Unset: no cap. */
  WORKSPACE_DAILY_BUDGET_CAP: z.coerce.number().positive().optional(),
  /** Model calls one chat user may cause per clock hour. Unset: no quota. */
  LLM_CALLS_PER_USER_PER_HOUR: z.coerce.number().int().positive().optional(),
  /** Model calls one workspace or guild may cause per clock hour. Unset: no quota. */
  LLM_CALLS_PER_WORKSPACE_PER_HOUR: z.coerce.number().int().positive().optional(),
  /** Longer chat messages are refused and never sent to the model. */
  MAX_MESSAGE_CHARS: z.coerce.number().int().positive().default(DEFAULT_MAX_MESSAGE_CHARS),
});

/**
 * Every setting: the core groups, then the Slack and Discord adapters' own schemas, each
 * declared and documented in its adapter (README "Slack", "Discord").
 */
export const EnvSchema = z.object({
  ...LogAndStateSchema.shape,
  ...ModelSchema.shape,
  ...TikTokSchema.shape,
  ...LinkingAndHttpSchema.shape,
  ...BudgetSchema.shape,
  ...OperationsSchema.shape,
  ...ApprovalAndLimitsSchema.shape,
  ...SlackSettingsSchema.shape,
  ...DiscordEnvSchema.shape,
});

/** The parsed settings. */
export type Config = z.infer<typeof EnvSchema>;
