import { type Request, type Response, Router } from 'express';

/** One readiness check's answer: `ok`, and when not, a short reason (never a secret). */
export interface CheckResult {
  ok: boolean;
  /** How long the check took, ms. */
  ms: number;
  error?: string;
  /** What an operator should know even when ok, e.g. `TikTok: emulator (no real ad will be created)`. */
  note?: string;
}

/** A readiness check: resolves to whether that dependency is usable now. May throw (= not ok). */
export type ReadinessCheck = () => Promise<
  boolean | { ok: boolean; error?: string; note?: string }
>;

/** What `/readyz` answers, e.g. `{"ready":false,"checks":{"redis":{"ok":false,…}}}`. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

/** How long one readiness check may take before it counts as failed, ms. */
export const CHECK_TIMEOUT_MS = 500;

/**
 * Runs every check at once, each bounded by `timeoutMs` (a dependency that does not answer in
 * time is as good as down for a load balancer). `ready` only when every check passed.
 */
export async function readiness(
  checks: ReadonlyMap<string, ReadinessCheck>,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<Readiness> {
  const entries = await Promise.all(
    [...checks].map(async ([name, check]): Promise<[string, CheckResult]> => {
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<{ ok: false; error: string }>((resolve) => {
        timer = setTimeout(
          () => resolve({ ok: false, error: `no answer within ${timeoutMs} ms` }),
          timeoutMs,
        );
      });
      let outcome: { ok: boolean; error?: string; note?: string };
      try {
        const answer = await Promise.race([check(), timeout]);
        outcome = typeof answer === 'boolean' ? { ok: answer } : answer;
      } catch (error) {
        outcome = { ok: false, error: (error as { message?: string })?.message ?? String(error) };
      } finally {
        clearTimeout(timer);
      }
      const result: CheckResult = { ok: outcome.ok, ms: Date.now() - started };
      if (!outcome.ok) result.error = outcome.error ?? 'not ready';
      if (outcome.note) result.note = outcome.note;
      return [name, result];
    }),
  );
  const result: Readiness = { ready: entries.every(([, r]) => r.ok), checks: {} };
  for (const [name, r] of entries) result.checks[name] = r;
  return result;
}

/**
 * `GET /healthz`: the process is alive and serving HTTP (`{"ok":true}`; it checks nothing else,
 * so an orchestrator restarts only a hung process). `GET /readyz`: whether the bot can do its
 * work now: 200 with each check when all pass, 503 when one fails (e.g. Redis stopped, the
 * Discord gateway not READY, or shutting down), so a load balancer sends traffic elsewhere.
 */
export function healthRouter(checks: ReadonlyMap<string, ReadinessCheck>): Router {
  const router = Router();
  router.get('/healthz', (_req: Request, res: Response) => {
    res.json({ ok: true });
  });
  router.get('/readyz', async (_req: Request, res: Response) => {
    const result = await readiness(checks);
    res.status(result.ready ? 200 : 503).json(result);
  });
  return router;
}
