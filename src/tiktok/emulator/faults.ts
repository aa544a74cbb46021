/**
 * Fault injection: make the next N Marketing API calls fail like TikTok does when an IP is
 * geo-blocked, a token is revoked mid-session, the backend errors, or the app is throttled.
 * Source of the codes: reference/tiktok-api.md §4.1 and "What an emulator must reproduce".
 */
import { EmulatorError } from './envelope';

/**
 * The kinds of fault the emulator can inject. The four throttling kinds are the rate-limit codes
 * of TikTok's official code table (SDK python_sdk/business_api_client/tiktok_business/
 * tiktok_code.py): `ratelimit` 40100 REQUEST_TOO_FREQUENT, `ratelimit_fc` 40016 BIZ_FC_ERROR,
 * `ratelimit_field` 40132 REQUEST_FREQUENCY_LIMITED, `ratelimit_bl` 61000 TOO_MANY_REQUESTS_BL.
 * (40133, an "advertiser QPS" code seen only in api-evangelist summaries, is not in that table.)
 */
export type FaultKind =
  | 'geo'
  | 'auth'
  | 'server'
  | 'ratelimit'
  | 'ratelimit_fc'
  | 'ratelimit_field'
  | 'ratelimit_bl';

/** The envelope each fault kind answers with. */
export const FAULT_RESPONSES: Readonly<Record<FaultKind, { code: number; message: string }>> = {
  // 41000 BLOCKED; TikTok's exact wording is not public, this text is ours.
  geo: { code: 41000, message: 'Your IP address is in a banned country or region.' },
  auth: { code: 40105, message: 'Access token is incorrect or has been revoked' },
  server: { code: 50000, message: 'System error, please try again later.' },
  // 40100's wording is TikTok's (reference §4.1); the other three texts are ours, after the
  // code names in tiktok_code.py.
  ratelimit: { code: 40100, message: 'Requests made too frequently' },
  ratelimit_fc: { code: 40016, message: 'Business frequency control triggered. Try again later.' },
  ratelimit_field: {
    code: 40132,
    message: 'Request frequency limited for this field value. Try again later.',
  },
  ratelimit_bl: { code: 61000, message: 'Request refused by frequency control. Try again later.' },
};

/**
 * One armed fault: `kind` for the next `times` calls (default 1). With `endpoint` (e.g.
 * `ad/create/`) it hits only that endpoint, and may then also hit `oauth2/*` endpoints, which
 * faults without an endpoint skip.
 */
export interface FaultSpec {
  kind: FaultKind;
  times?: number;
  endpoint?: string;
}

interface Armed {
  kind: FaultKind;
  remaining: number;
  endpoint?: string;
}

function isFaultKind(value: unknown): value is FaultKind {
  return typeof value === 'string' && value in FAULT_RESPONSES;
}

/**
 * Parses a fault request (`'geo'`, `{kind:'server', times:3}`, `'off'` / `{kind:'off'}`).
 * Returns `'off'`, a spec, or an error string.
 */
export function parseFaultSpec(input: unknown): FaultSpec | 'off' | string {
  const raw = typeof input === 'string' ? { kind: input } : input;
  if (typeof raw !== 'object' || raw === null) return 'body must be {kind, times?, endpoint?}';
  const { kind, times, endpoint } = raw as Record<string, unknown>;
  if (kind === 'off') return 'off';
  if (!isFaultKind(kind))
    return `kind must be one of off, ${Object.keys(FAULT_RESPONSES).join(', ')}`;
  const spec: FaultSpec = { kind };
  if (times !== undefined) {
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) {
      return 'times must be a positive integer';
    }
    spec.times = times;
  }
  if (endpoint !== undefined) {
    if (typeof endpoint !== 'string') return 'endpoint must be a string such as "ad/create/"';
    spec.endpoint = endpoint;
  }
  return spec;
}

/** Controls armed faults. Faults fire in the order they were set. */
export class FaultControl {
  #armed: Armed[] = [];

  /** Arms a fault (`'server'` = once; `{kind:'server', times:3}`), or clears all with `'off'`. */
  set(spec: FaultKind | FaultSpec | 'off'): void {
    if (spec === 'off') {
      this.clear();
      return;
    }
    const s = typeof spec === 'string' ? { kind: spec } : spec;
    const armed: Armed = { kind: s.kind, remaining: s.times ?? 1 };
    if (s.endpoint !== undefined) armed.endpoint = s.endpoint;
    this.#armed.push(armed);
  }

  /** Clears every armed fault. */
  clear(): void {
    this.#armed = [];
  }

  /** Armed faults and how many calls each still hits. */
  list(): FaultSpec[] {
    return this.#armed.map((a) => {
      const spec: FaultSpec = { kind: a.kind, times: a.remaining };
      if (a.endpoint !== undefined) spec.endpoint = a.endpoint;
      return spec;
    });
  }

  /**
   * Called once per Marketing API call: consumes one use of the first matching fault and throws
   * its {@link EmulatorError}, or returns when none applies.
   */
  apply(endpoint: string): void {
    const isOauth = endpoint.startsWith('oauth2/');
    const index = this.#armed.findIndex((a) =>
      a.endpoint === undefined ? !isOauth : a.endpoint === endpoint,
    );
    const armed = this.#armed[index];
    if (!armed) return;
    armed.remaining -= 1;
    if (armed.remaining <= 0) this.#armed.splice(index, 1);
    const { code, message } = FAULT_RESPONSES[armed.kind];
    throw new EmulatorError(code, message);
  }
}
