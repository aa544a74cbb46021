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
import type { Logger } from '../logger';
import { oauthRouter } from './oauth-routes';
import { page } from './pages';

/** Options of {@link createHttpServer}. */
export interface HttpServerOptions {
  logger: Logger;
}

/** The bot's one HTTP server: OAuth start hop and callback, health check (and, later, Slack). */
export interface HttpServer {
  readonly app: Express;
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

/**
 * Creates the express app: `GET /healthz` → `{"ok":true}`, the handlers added with `useOAuth`
 * and `mount`, a plain 404 page otherwise, and an error handler that logs the error (not the
 * request: its URL may hold a code or state) and answers 500 with a reference.
 */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
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
