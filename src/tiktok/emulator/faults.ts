/**
 * Fault injection: make the next N Marketing API calls fail like TikTok does when an IP is
 * geo-blocked, a token is revoked mid-session, the backend errors, or the app is throttled.
 * Source of the codes: docs/tiktok-api.md §4.1 and §11.
 */
import { EmulatorError } from './envelope';

/**
 * The kinds of fault the emulator can inject. The four throttling kinds are the rate-limit codes
 * of TikTok's official code table (SDK python_sdk/business_api_client/tiktok_business/
 * tiktok_code.py): `ratelimit` 40100 REQUEST_TOO_FREQUENT, `ratelimit_fc` 40016 BIZ_FC_ERROR,
 * `ratelimit_field` 40132 REQUEST_FREQUENCY_LIMITED, `ratelimit_bl` 61000 TOO_MANY_REQUESTS_BL.
 * (40133, an "advertiser QPS" code seen only in api-evangelist summaries, is not in that table.)
 * `lose_reply` is different from the others: the call goes through (the object is created) and
 * then the reply is lost, as when a proxy answers 502 after forwarding or a connection drops
 * (`as: '502'`, the default, or `as: 'timeout'`: no answer until the client gives up).
 */
export type FaultKind =
  | 'geo'
  | 'auth'
  | 'server'
  | 'ratelimit'
  | 'ratelimit_fc'
  | 'ratelimit_field'
  | 'ratelimit_bl'
  | 'lose_reply';

/** How a `lose_reply` fault loses the reply. */
export type LostReply = '502' | 'timeout';

/** The envelope each fault kind answers with. */
export const FAULT_RESPONSES: Readonly<Record<FaultKind, { code: number; message: string }>> = {
  // 41000 BLOCKED; TikTok's exact wording is not public, this text is ours.
  geo: { code: 41000, message: 'Your IP address is in a banned country or region.' },
  auth: { code: 40105, message: 'Access token is incorrect or has been revoked' },
  server: { code: 50000, message: 'System error, please try again later.' },
  // 40100's wording is TikTok's (docs/tiktok-api.md §4.1); the other three texts are ours, after
  // the code names in tiktok_code.py.
  ratelimit: { code: 40100, message: 'Requests made too frequently' },
  ratelimit_fc: { code: 40016, message: 'Business frequency control triggered. Try again later.' },
  ratelimit_field: {
    code: 40132,
    message: 'Request frequency limited for this field value. Try again later.',
  },
  ratelimit_bl: { code: 61000, message: 'Request refused by frequency control. Try again later.' },
  // Not an envelope: the reply is replaced by an HTTP 502 page or by silence (see `takeLoss`).
  lose_reply: { code: 0, message: 'OK' },
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
  /** For `lose_reply`: answer HTTP 502 (default) or never answer (`timeout`). */
  as?: LostReply;
}

interface Armed {
  kind: FaultKind;
  remaining: number;
  endpoint?: string;
  as?: LostReply;
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
  const { kind, times, endpoint, as } = raw as Record<string, unknown>;
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
  if (as !== undefined) {
    if (kind !== 'lose_reply' || (as !== '502' && as !== 'timeout'))
      return 'as is "502" or "timeout", and only for kind lose_reply';
    spec.as = as;
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
    if (s.as !== undefined) armed.as = s.as;
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
      if (a.as !== undefined) spec.as = a.as;
      return spec;
    });
  }

  /**
   * Called once per Marketing API call: consumes one use of the first matching fault and throws
   * its {@link EmulatorError}, or returns when none applies.
   */
  apply(endpoint: string): void {
    const armed = this.take(endpoint, (a) => a.kind !== 'lose_reply');
    if (!armed) return;
    const { code, message } = FAULT_RESPONSES[armed.kind];
    throw new EmulatorError(code, message);
  }

  /**
   * Called after a call succeeded: consumes one use of a matching `lose_reply` fault and says
   * how to lose the reply (`'502'` or `'timeout'`), or `undefined` to answer normally.
   */
  takeLoss(endpoint: string): LostReply | undefined {
    const armed = this.take(endpoint, (a) => a.kind === 'lose_reply');
    return armed ? (armed.as ?? '502') : undefined;
  }

  private take(endpoint: string, kind: (a: Armed) => boolean): Armed | undefined {
    const isOauth = endpoint.startsWith('oauth2/');
    const index = this.#armed.findIndex(
      (a) => kind(a) && (a.endpoint === undefined ? !isOauth : a.endpoint === endpoint),
    );
    const armed = this.#armed[index];
    if (!armed) return undefined;
    armed.remaining -= 1;
    if (armed.remaining <= 0) this.#armed.splice(index, 1);
    return armed;
  }
}
