/**
 * The emulator's express app: TikTok's transport rules around the endpoint handlers.
 *
 * - `/open_api/v1.3/<endpoint>/` (trailing slash required). Unknown path or missing slash →
 *   HTTP 404 text "page not found"; wrong method → HTTP 405 text (both non-envelope; TikTok's
 *   exact status/body there is UNCONFIRMED).
 * - Every API outcome is HTTP 200 `{code, message, request_id, data}`; `data: {}` on errors.
 * - `Access-Token` header (no Bearer): missing → 40104, unknown/revoked → 40105; `advertiser_id`
 *   unknown → 40300, not reachable by the token → 40106; scope missing → 40001.
 * - GET values holding JSON (`filtering`, `music_ids`…) are decoded.
 * Plus emulator-only control routes outside /open_api/: `POST /_emulator/faults`,
 * `GET /_emulator/counts`, `GET /_emulator/objects`, `POST /_emulator/duplicates`
 * `{"mode":"replay"|"40050"}`, and the portal page `GET /portal/auth`.
 *
 * Source: docs/tiktok-api.md §1-§3 and §11.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../../logging/logger';
import { EmulatorError, newRequestId } from './envelope';
import { type FaultControl, parseFaultSpec } from './faults';
import { boundaryOf, type MultipartFile, parseMultipart } from './multipart';
import { previewHandler } from './preview';
import type { Route, RouteContext } from './route';
import { adsRoutes } from './routes-ads';
import { creativeRoutes } from './routes-creative';
import { oauthRoutes, portalAuth } from './routes-oauth';
import { statusRoutes } from './routes-status';
import { uploadRoutes } from './routes-upload';
import type { Params } from './rules';
import type { ApiObject, EmulatorState } from './state';

/** Every emulated endpoint, by path relative to `/open_api/v1.3/`. */
export const ROUTES: Readonly<Record<string, Route>> = {
  ...oauthRoutes,
  ...adsRoutes,
  ...statusRoutes,
  ...creativeRoutes,
  ...uploadRoutes,
};

/** What `GET /_emulator/counts` and `emulator.counts()` report. */
export interface EmulatorCounts {
  /** Objects created (idempotent repeats do not count). */
  campaigns: number;
  adgroups: number;
  ads: number;
  /** Successful music uploads. */
  music_uploads: number;
  /** HTTP calls per endpoint (e.g. `campaign/create/`), including failed and faulted ones. */
  calls: Record<string, number>;
}

/** Snapshot of {@link EmulatorCounts}. */
export function countsOf(state: EmulatorState): EmulatorCounts {
  return {
    campaigns: state.campaigns.size,
    adgroups: state.adgroups.size,
    ads: state.ads.size,
    music_uploads: state.musicUploads,
    calls: { ...state.calls },
  };
}

/** What `GET /_emulator/objects` reports: every campaign, ad group and ad, deleted ones too. */
export interface EmulatorObjects {
  campaigns: ApiObject[];
  adgroups: ApiObject[];
  ads: ApiObject[];
}

/** Snapshot of {@link EmulatorObjects}. */
export function objectsOf(state: EmulatorState): EmulatorObjects {
  return {
    campaigns: [...state.campaigns.values()],
    adgroups: [...state.adgroups.values()],
    ads: [...state.ads.values()],
  };
}

/** Whether `scope` (e.g. 201) is granted by `granted` (parents grant children: 2 ⊃ 20 ⊃ 201). */
export function hasScope(granted: readonly number[], scope: number): boolean {
  const text = String(scope);
  return granted.some((g) => text.startsWith(String(g)));
}

function decodeQuery(query: Record<string, unknown>): Params {
  const params: Params = {};
  for (const [key, raw] of Object.entries(query)) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
      try {
        params[key] = JSON.parse(value);
      } catch {
        throw new EmulatorError(40002, `${key}: must be valid JSON.`);
      }
    } else {
      params[key] = value;
    }
  }
  return params;
}

function decodeBody(req: Request): { params: Params; files: Record<string, MultipartFile> } {
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const boundary = boundaryOf(req.get('content-type'));
  if (/^multipart\/form-data/i.test(req.get('content-type') ?? '') && boundary) {
    try {
      const form = parseMultipart(body, boundary);
      return { params: form.fields, files: form.files };
    } catch (err) {
      throw new EmulatorError(40002, `Malformed multipart body: ${(err as Error).message}`);
    }
  }
  if (body.length === 0) return { params: {}, files: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new EmulatorError(40002, 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new EmulatorError(40002, 'The request body must be a JSON object.');
  }
  return { params: parsed as Params, files: {} };
}

/** Runs the transport checks and the handler; returns `data` or throws EmulatorError. */
function run(state: EmulatorState, route: Route, req: Request): unknown {
  const { params, files } =
    route.method === 'GET'
      ? { params: decodeQuery(req.query as Record<string, unknown>), files: {} }
      : decodeBody(req);
  const ctx: RouteContext = { state, params, files };
  if (route.auth) {
    const header = req.get('access-token')?.trim();
    if (!header) {
      throw new EmulatorError(
        40104,
        'Access token is null, you should set it in http header with key Access-Token.',
      );
    }
    const token = state.tokens.get(header);
    if (!token || token.revoked) {
      throw new EmulatorError(40105, 'Access token is incorrect or has been revoked');
    }
    ctx.token = token;
  }
  if (route.advertiser) {
    const id = params.advertiser_id;
    if (id === undefined || id === null || id === '') {
      throw new EmulatorError(40002, 'Missing required field(s): advertiser_id.');
    }
    const advertiser = state.advertisers.get(String(id));
    if (!advertiser) throw new EmulatorError(40300, `Advertiser ${String(id)} does not exist.`);
    if (ctx.token && !ctx.token.advertiser_ids.includes(advertiser.advertiser_id)) {
      throw new EmulatorError(
        40106,
        `The access token is not authorized for advertiser ${advertiser.advertiser_id}.`,
      );
    }
    ctx.advertiser = advertiser;
  }
  if (route.scope !== undefined && ctx.token && !hasScope(ctx.token.scope, route.scope)) {
    throw new EmulatorError(
      40001,
      `advertiser does not grant you ${req.baseUrl}${req.path}:${route.method} permission`,
    );
  }
  return route.handle(ctx);
}

/** Builds the express app over `state` and `faults`. */
export function createEmulatorApp(
  state: EmulatorState,
  faults: FaultControl,
  logger?: Logger,
): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.get('/portal/auth', portalAuth(state));
  app.get('/preview/:kind/:id', previewHandler(state));
  app.use('/_emulator', controlRouter(state, faults));
  app.use(
    '/open_api/v1.3',
    express.raw({ type: () => true, limit: '64mb' }),
    marketingApi(state, faults, logger),
  );
  app.use((_req: Request, res: Response) => {
    res.status(404).type('text/plain').send('page not found');
  });
  app.use(unreadableBody);
  return app;
}

/**
 * The test controls under `/_emulator/`: `POST faults` (a fault spec, or `"off"`), `GET counts`
 * (calls and objects made), `GET objects`, `POST duplicates` (`{mode: "replay" | "40050"}`:
 * how a repeated `request_id` is answered).
 */
function controlRouter(state: EmulatorState, faults: FaultControl): express.Router {
  const router = express.Router();
  router.post('/faults', express.json(), (req: Request, res: Response) => {
    const spec = parseFaultSpec(req.body);
    if (typeof spec === 'string' && spec !== 'off') {
      res.status(400).json({ error: spec });
      return;
    }
    faults.set(spec);
    res.json({ faults: faults.list() });
  });
  router.get('/counts', (_req: Request, res: Response) => {
    res.json(countsOf(state));
  });
  router.get('/objects', (_req: Request, res: Response) => {
    res.json(objectsOf(state));
  });
  router.post('/duplicates', express.json(), (req: Request, res: Response) => {
    const mode = (req.body as { mode?: unknown } | undefined)?.mode;
    if (mode !== 'replay' && mode !== '40050') {
      res.status(400).json({ error: 'mode must be "replay" or "40050"' });
      return;
    }
    state.duplicateMode = mode;
    res.json({ mode });
  });
  return router;
}

/**
 * The Marketing API endpoints of {@link ROUTES}: each call is counted, faults applied, and the
 * outcome answered in TikTok's envelope (`{code, message, request_id, data}`, HTTP 200, header
 * `X-Tt-Logid`). A lost reply (fault) answers 502 or never; a handler that crashes answers
 * 50000 "System error.". Paths not in the table fall through (404); a wrong method is 405.
 */
function marketingApi(state: EmulatorState, faults: FaultControl, logger?: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const endpoint = req.path.replace(/^\//, '');
    const route = Object.hasOwn(ROUTES, endpoint) ? ROUTES[endpoint] : undefined;
    if (!route) {
      next();
      return;
    }
    if (req.method !== route.method) {
      res.status(405).set('Allow', route.method).type('text/plain').send('method not allowed');
      return;
    }
    const request_id = newRequestId();
    state.countCall(endpoint);
    let outcome: { code: number; message: string; data: unknown };
    try {
      faults.apply(endpoint);
      const data = run(state, route, req);
      const lost = faults.takeLoss(endpoint);
      if (lost === '502') {
        res.status(502).type('text/html').send('<html><body>502 Bad Gateway</body></html>');
        return;
      }
      // 'timeout': the work is done; the reply never comes. The socket closes when the client
      // gives up or the emulator stops (`closeAllConnections`).
      if (lost === 'timeout') return;
      outcome = { code: 0, message: 'OK', data };
    } catch (err) {
      outcome = { ...failureOf(err, endpoint, request_id, logger), data: {} };
    }
    logger?.debug({ endpoint, code: outcome.code, request_id }, 'emulator call');
    const { code, message, data } = outcome;
    res.status(200).set('X-Tt-Logid', request_id).json({ code, message, request_id, data });
  };
}

/** The envelope code and message for a handler's failure: its own, or 50000 when it crashed. */
function failureOf(
  err: unknown,
  endpoint: string,
  request_id: string,
  logger?: Logger,
): { code: number; message: string } {
  if (err instanceof EmulatorError) return { code: err.tiktok_code, message: err.message };
  logger?.error({ err, endpoint, request_id }, 'emulator handler crashed');
  return { code: 50000, message: 'System error.' };
}

/** Body parser failures (too large, unreadable) still answer like the API does. */
function unreadableBody(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  const tooLarge = (err as { type?: string }).type === 'entity.too.large';
  res.status(200).json({
    code: tooLarge ? 40907 : 40002,
    message: tooLarge ? 'The file is too large.' : 'The request body could not be read.',
    request_id: newRequestId(),
    data: {},
  });
}
