import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { AuditEvent, AuditLog } from '../../src/auth/audit';
import { createLinking, type Linking } from '../../src/auth/create-linking';
import type { LinkTarget } from '../../src/auth/oauth-flow';
import type { ChatUserKey } from '../../src/engine/access';
import { OAUTH_PATHS } from '../../src/http/oauth-routes';
import { createHttpServer, type HttpServer } from '../../src/http/server';
import { createLogger, type Logger } from '../../src/logging/logger';
import { Keys } from '../../src/store/keys';
import { RedisStateStore } from '../../src/store/redis-state-store';
import { TikTokClient } from '../../src/tiktok/client';
import {
  createTikTokEmulator,
  EMULATOR_APP_ID,
  EMULATOR_SECRET,
  type TikTokEmulator,
} from '../../src/tiktok/emulator';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../support/harness';

/** Every log line written, as text (pino JSON lines). */
export class LogCapture {
  readonly lines: string[] = [];
  readonly logger: Logger;

  constructor(level = 'trace') {
    const stream = new Writable({
      write: (chunk: Buffer, _enc, done) => {
        this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    this.logger = createLogger(level, stream);
  }
}

/** Audit records kept in memory, for assertions. */
export class MemoryAuditLog implements AuditLog {
  readonly events: AuditEvent[] = [];
  record(event: AuditEvent): void {
    this.events.push(event);
  }
}

/** A random 32-byte key setting, `version:base64`. */
export function tokenKey(version: number): string {
  return `${version}:${randomBytes(32).toString('base64')}`;
}

/** Options of {@link LinkingRig.start}. */
export interface RigOptions {
  tokenKeys?: string;
  /** Reuse a prefix and emulator (a restart of the bot with other settings). */
  prefix?: string;
  emulator?: TikTokEmulator;
  now?: () => number;
  /** Also called on each completed link (after it is recorded in `linked`). */
  onLinked?: (target: LinkTarget) => void;
}

/**
 * Per-user linking wired for real: the TikTok emulator over HTTP, Redis, the express server
 * with the OAuth routes on an ephemeral port, a log capture at trace level, audit records.
 */
export class LinkingRig {
  private constructor(
    readonly emulator: TikTokEmulator,
    readonly emulatorUrl: string,
    readonly http: HttpServer,
    readonly baseUrl: string,
    readonly linking: Linking,
    readonly store: RedisStateStore,
    readonly keys: Keys,
    readonly logs: LogCapture,
    readonly audit: MemoryAuditLog,
    /** Every `onLinked` call, in order. */
    readonly linked: LinkTarget[],
    private readonly ownsEmulator: boolean,
  ) {}

  static async start(options: RigOptions = {}): Promise<LinkingRig> {
    const ownsEmulator = !options.emulator;
    const emulator = options.emulator ?? createTikTokEmulator();
    const emulatorUrl = ownsEmulator
      ? await emulator.listen(0)
      : (rigEmulatorUrls.get(emulator) ?? '');
    rigEmulatorUrls.set(emulator, emulatorUrl);
    const logs = new LogCapture();
    const audit = new MemoryAuditLog();
    const store = new RedisStateStore(TEST_REDIS_URL);
    const keys = new Keys(options.prefix ?? `test:link:${randomUUID()}:`);
    const http = createHttpServer({ logger: logs.logger });
    const baseUrl = await http.listen(0);
    const linked: LinkTarget[] = [];
    const linking = createLinking({
      settings: {
        app_id: EMULATOR_APP_ID,
        secret: EMULATOR_SECRET,
        redirect_uri: `${baseUrl}${OAUTH_PATHS.callback}`,
        portal_url: `${emulatorUrl}/portal/auth`,
      },
      tokenKeys: options.tokenKeys ?? tokenKey(1),
      tiktok: new TikTokClient({
        baseUrl: emulatorUrl,
        logger: logs.logger,
        sleep: async () => {},
      }),
      store,
      keys,
      audit,
      logger: logs.logger,
      onLinked: (target) => {
        linked.push(target);
        options.onLinked?.(target);
      },
      ...(options.now ? { now: options.now } : {}),
    });
    http.useOAuth(linking.flow);
    const rig = new LinkingRig(
      emulator,
      emulatorUrl,
      http,
      baseUrl,
      linking,
      store,
      keys,
      logs,
      audit,
      linked,
      ownsEmulator,
    );
    return rig;
  }

  /** Stops the server and store; deletes the keys unless `keepKeys` (for a "restart"). */
  async stop(keepKeys = false): Promise<void> {
    await this.http.close();
    await this.store.close();
    if (!keepKeys) await deleteRedisPrefix(this.keys.prefix);
    if (this.ownsEmulator) await this.emulator.close();
  }

  /** A private link for `user`, as the engine would ask for it. */
  link(user: ChatUserKey & { name?: string }, thread_id = 'slack:T1:C1:1700000000.000100') {
    return this.linking.access.startLink(user, thread_id);
  }
}

const rigEmulatorUrls = new WeakMap<TikTokEmulator, string>();

/** One HTTP response, with cookies set and where it redirects. */
export interface Hop {
  status: number;
  location: string | null;
  setCookies: string[];
  body: string;
}

/** One GET without following redirects, with a `cookie` header when given. */
export async function get(url: string, cookie?: string): Promise<Hop> {
  const res = await fetch(url, { redirect: 'manual', ...(cookie ? { headers: { cookie } } : {}) });
  return {
    status: res.status,
    location: res.headers.get('location'),
    setCookies: res.headers.getSetCookie(),
    body: await res.text(),
  };
}

/** `name=value` of the first Set-Cookie line (what a browser sends back). */
export function cookiePair(hop: Hop): string {
  const line = hop.setCookies[0];
  if (!line) throw new Error('no cookie was set');
  return line.split(';')[0] ?? '';
}

/**
 * Plays a browser through the dance step by step: the start hop, TikTok's (emulator's) page,
 * and returns the callback URL TikTok redirects to, with the cookie the start hop set.
 */
export async function throughPortal(
  linkUrl: string,
): Promise<{ start: Hop; callbackUrl: string; cookie: string }> {
  const start = await get(linkUrl);
  if (start.status !== 302 || !start.location) throw new Error(`start hop: ${start.status}`);
  const portal = await get(start.location);
  if (portal.status !== 302 || !portal.location) throw new Error(`portal: ${portal.status}`);
  return { start, callbackUrl: portal.location, cookie: cookiePair(start) };
}
