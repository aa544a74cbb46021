/**
 * A local stand-in for the TikTok Marketing API v1.3 (and its portal authorization page), for
 * tests and for trying the bot without a TikTok app. Speaks the real wire protocol so the real
 * `TikTokClient` talks to it unchanged.
 *
 * Source: docs/tiktok-api.md §11.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import type { Logger } from '../../logging/logger';
import { countsOf, createEmulatorApp, type EmulatorCounts } from './app';
import { FaultControl } from './faults';
import { ALL_SCOPES, EMULATOR_ADVERTISER_ID, EMULATOR_APP_ID, EMULATOR_SECRET } from './fixtures';
import { type AuthGrant, EmulatorState } from './state';

export type { EmulatorCounts } from './app';
export type { FaultKind, FaultSpec } from './faults';
export { FAULT_RESPONSES, FaultControl } from './faults';
export * from './fixtures';
export type { AuthGrant, EmulatorState } from './state';
export { INVALID_CAROUSEL_MUSIC } from './validate-ad';

/** Options of {@link createTikTokEmulator}. */
export interface TikTokEmulatorOptions {
  /** Developer app id it accepts. Default {@link EMULATOR_APP_ID}. */
  appId?: string;
  /** Developer app secret it accepts. Default {@link EMULATOR_SECRET}. */
  secret?: string;
  /** Receives one debug line per call (endpoint, code, request_id); never tokens. */
  logger?: Logger;
  /** Clock in epoch ms (auth-code expiry, create_time). Default `Date.now`. */
  now?: () => number;
}

/** A running (or ready-to-run) emulator. */
export interface TikTokEmulator {
  /** The express app, e.g. to mount elsewhere or use with supertest-like tools. */
  readonly app: express.Express;
  /** The world it serves (inspect in tests; mutate only through helpers). */
  readonly state: EmulatorState;
  /** Fault switches: `faults.set('server')`, `faults.set({kind:'ratelimit', times:5})`. */
  readonly faults: FaultControl;
  /** Listens on `host:port` (port 0 = ephemeral); resolves to the base URL `http://host:port`. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops listening (idempotent). */
  close(): Promise<void>;
  /** Created objects, music uploads and calls per endpoint. */
  counts(): EmulatorCounts;
  /**
   * Issues an access token (default: both seeded advertisers, all scopes) and returns it. Use
   * `scope` to make a token lacking permissions (→ 40001), `advertiser_ids` for 40106 cases.
   */
  seedToken(options?: {
    advertiser_ids?: string[];
    scope?: number[];
    access_token?: string;
  }): string;
  /** Marks a token revoked (→ 40105 afterwards), as if the advertiser cancelled authorization. */
  revokeToken(access_token: string): void;
  /** Issues an auth code as the portal would (single use, `ttlMs` default 1 h). */
  issueAuthCode(ttlMs?: number, grant?: AuthGrant): string;
  /**
   * Sets what the portal page grants from now on (advertiser accounts and scopes), as an
   * advertiser choosing on TikTok's page would; `null` restores the default.
   */
  setPortalGrant(grant: AuthGrant | null): void;
}

/** Creates an emulator over fresh fixtures. Nothing listens until `listen()`. */
export function createTikTokEmulator(options: TikTokEmulatorOptions = {}): TikTokEmulator {
  const state = new EmulatorState({
    appId: options.appId ?? EMULATOR_APP_ID,
    secret: options.secret ?? EMULATOR_SECRET,
    now: options.now ?? Date.now,
  });
  const faults = new FaultControl();
  const logger = options.logger?.child({ component: 'tiktok-emulator' });
  const app = createEmulatorApp(state, faults, logger);
  let server: Server | undefined;

  return {
    app,
    state,
    faults,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise<string>((resolve, reject) => {
        const s = app.listen(port, host, (err?: Error) => {
          if (err) {
            reject(err);
            return;
          }
          server = s;
          const address = s.address() as AddressInfo;
          const shownHost = host.includes(':') ? `[${host}]` : host;
          state.baseUrl = `http://${shownHost}:${address.port}`;
          resolve(state.baseUrl);
        });
        s.once('error', reject);
      });
    },
    close() {
      const s = server;
      server = undefined;
      if (!s) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        s.close((err) => (err ? reject(err) : resolve()));
        s.closeAllConnections();
      });
    },
    counts: () => countsOf(state),
    seedToken: (opts = {}) => state.issueToken(opts),
    revokeToken(access_token) {
      const token = state.tokens.get(access_token);
      if (token) token.revoked = true;
    },
    issueAuthCode: (ttlMs, grant) => state.issueAuthCode(ttlMs, grant),
    setPortalGrant(grant) {
      state.portalGrant = grant ?? {
        advertiser_ids: [EMULATOR_ADVERTISER_ID],
        scope: [...ALL_SCOPES],
      };
    },
  };
}
