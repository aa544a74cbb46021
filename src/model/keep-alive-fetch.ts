import { Agent, fetch as undiciFetch } from 'undici';

/**
 * A `fetch` for `@google/genai`'s `httpOptions.fetch` that sends every model call through one
 * keep-alive connection pool (an undici `Agent`), instead of the SDK's default of Node's
 * global fetch with a dispatcher whose pool grows a socket per concurrent request
 * (@google/genai 2.32.0 `dist/node/index.mjs`: `includeExtraHttpOptionsToRequestInit` only
 * adds its own dispatcher when no `fetch` is given).
 *
 * - `connections`: sockets per origin at most; requests beyond it queue in the pool. Match it
 *   to the model-call bound (`MAX_MODEL_CALLS_IN_FLIGHT`) so no call waits for a socket.
 * - `keepAliveTimeoutMs`: how long an idle socket is kept (default 30 s).
 * Header and body timeouts are left to the SDK's per-attempt `timeout` (its abort signal).
 * `close()` ends the pool's sockets (at shutdown).
 */
export interface KeepAliveFetch {
  fetch: typeof globalThis.fetch;
  /** The pool, e.g. to count open sockets in the bench. */
  agent: Agent;
  close(): Promise<void>;
}

export function keepAliveFetch(options: {
  connections: number;
  keepAliveTimeoutMs?: number;
}): KeepAliveFetch {
  const agent = new Agent({
    connections: options.connections,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  const fetch = ((
    input: Parameters<typeof undiciFetch>[0],
    init?: Parameters<typeof undiciFetch>[1],
  ) => undiciFetch(input, { ...init, dispatcher: agent })) as unknown as typeof globalThis.fetch;
  return { fetch, agent, close: () => agent.close() };
}
