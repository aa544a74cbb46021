import { createHash, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { listenFor } from '../http/listen-for';
import type { HttpServer } from '../http/server';
import type { Logger } from '../logging/logger';

/** Options of {@link exposeMetrics}. */
export interface MetricsExposureOptions {
  /** prom-client's handler (Prometheus text format). */
  handler: RequestHandler;
  /** The bot's public HTTP server. */
  http: HttpServer;
  /** `METRICS_PORT`: a port of its own (0 = any free one); unset = none. */
  port?: number | undefined;
  /** The host both servers listen on (`HTTP_HOST`). */
  host: string;
  /** `METRICS_TOKEN`: when set, requests need `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** Whether the public port may serve it without a token (the terminal's loopback server). */
  openOnPublicPort: boolean;
  logger: Logger;
}

/** Where `/metrics` ended up: for the start-up line, and a way to stop its own server. */
export interface MetricsExposure {
  /** e.g. `http://127.0.0.1:9464/metrics`, `/metrics (bearer token)`, or `off (…)`. */
  readonly where: string;
  close(): Promise<void>;
}

/** What the start-up line says when server mode has neither setting. */
export const METRICS_UNSERVED =
  'off: set METRICS_PORT (a port of its own) or METRICS_TOKEN (a bearer token) to serve /metrics';

/**
 * Serves `GET /metrics` where it is not public by accident: on `METRICS_PORT` when set,
 * otherwise on the public port only behind `METRICS_TOKEN` (or in the terminal chat, whose
 * server is the user's own). A Slack or Discord server with neither does not serve it and logs
 * one warning naming both settings. A wrong or missing token gets 401 with
 * `WWW-Authenticate: Bearer` (RFC 6750 §3, https://www.rfc-editor.org/rfc/rfc6750#section-3).
 * @throws StartError when `METRICS_PORT` is taken.
 */
export async function exposeMetrics(options: MetricsExposureOptions): Promise<MetricsExposure> {
  const { handler, token } = options;
  const guarded: RequestHandler[] = token ? [bearerOnly(token), handler] : [handler];
  const suffix = token ? ' (bearer token)' : '';
  if (options.port !== undefined) {
    const app = express();
    app.disable('x-powered-by');
    app.get('/metrics', ...guarded);
    const server = app.listen(options.port, options.host);
    const listening = new Promise<Server>((resolve, reject) => {
      server.once('listening', () => resolve(server));
      server.once('error', reject);
    });
    await listenFor('METRICS_PORT', options.port, options.host, listening);
    const { port } = server.address() as AddressInfo;
    return {
      where: `http://${options.host}:${port}/metrics${suffix}`,
      close: () => closeServer(server),
    };
  }
  if (token || options.openOnPublicPort) {
    options.http.mount(express.Router().get('/metrics', ...guarded));
    return { where: `/metrics${suffix}`, close: async () => {} };
  }
  options.logger.warn(`/metrics is ${METRICS_UNSERVED}`);
  return { where: METRICS_UNSERVED, close: async () => {} };
}

/** Lets a request through only with `Authorization: Bearer <token>` (compared in constant time). */
function bearerOnly(token: string): RequestHandler {
  const wanted = digest(token);
  return (req: Request, res: Response, next: NextFunction) => {
    const given = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
    if (timingSafeEqual(digest(given), wanted)) return next();
    res
      .status(401)
      .set('www-authenticate', 'Bearer realm="metrics"')
      .type('text/plain')
      .send('401: /metrics needs Authorization: Bearer <METRICS_TOKEN>\n');
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
