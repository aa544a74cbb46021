import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, {
  type Express,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import type { OAuthFlow } from '../auth/oauth-flow';
import type { Logger } from '../logging/logger';
import { healthRouter, type ReadinessCheck } from './health';
import { oauthRouter } from './oauth-routes';
import { page } from './pages';

/** Options of {@link createHttpServer}. */
export interface HttpServerOptions {
  logger: Logger;
}

/** The bot's one HTTP server: OAuth start hop and callback, health check (and, later, Slack). */
export interface HttpServer {
  readonly app: Express;
  /** What `GET /readyz` checks, by name (`redis`, `slack`, `discord`, …); add to it any time. */
  readonly readinessChecks: Map<string, ReadinessCheck>;
  /**
   * Serves TikTok account linking (start hop and callback). May be called after `listen`, since
   * with an ephemeral port the redirect URI is known only then.
   */
  useOAuth(flow: OAuthFlow): void;
  /** Adds a handler (e.g. a platform adapter's express router), before the 404 page. */
  mount(handler: RequestHandler): void;
  /** Listens on `host:port` (0 = ephemeral); resolves to `http://host:port`. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops listening; idempotent. */
  close(): Promise<void>;
}

/** Paths whose requests get one log line each (Slack deliveries, OAuth hops). */
const LOGGED_PATHS = /^\/(slack|oauth)\//;

/**
 * Creates the express app: `GET /healthz` and `GET /readyz` (see `health.ts`), the handlers
 * added with `useOAuth` and `mount`, a plain 404 page otherwise, and an error handler that logs
 * the error (not the request: its URL may hold a code or state) and answers 500 with a
 * reference. Every Slack delivery and OAuth hop is logged at `info` once it is answered:
 * method, path (never the query), status, `duration_ms`, and Slack's `retry_num`.
 */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!LOGGED_PATHS.test(req.path)) return next();
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const retry = req.get('x-slack-retry-num');
      logger.info(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          duration_ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          ...(retry ? { retry_num: Number(retry) } : {}),
        },
        'request',
      );
    });
    next();
  });
  const readinessChecks = new Map<string, ReadinessCheck>();
  app.use(healthRouter(readinessChecks));
  // Handlers added later (after listen) still run before the 404: routers accept new routes.
  const mounted = express.Router();
  app.use(mounted);
  app.use((_req: Request, res: Response) => {
    res
      .status(404)
      .type('html')
      .send(page('Not found', ['There is nothing here.']));
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const ref = randomBytes(4).toString('hex');
    logger.error({ err: error, ref }, 'HTTP request failed');
    res
      .status(500)
      .type('html')
      .send(page('Something went wrong', ['Nothing was changed. Try again in a minute.'], ref));
  });

  let server: Server | undefined;
  return {
    app,
    readinessChecks,
    useOAuth(flow) {
      mounted.use(oauthRouter(flow, logger));
    },
    mount(handler) {
      mounted.use(handler);
    },
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const s = app.listen(port, host);
        s.once('listening', () => {
          server = s;
          const address = s.address() as AddressInfo;
          resolve(`http://${host}:${address.port}`);
        });
        s.once('error', reject);
      });
    },
    async close() {
      const s = server;
      server = undefined;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}
