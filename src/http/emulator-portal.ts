import { type NextFunction, type Request, type Response, Router } from 'express';
import type { TikTokEmulator } from '../tiktok/emulator';
import type { HttpServer } from './server';

/** Where the emulator's authorization page is served on the bot's own HTTP server. */
export const EMULATOR_PORTAL_PATH = '/tiktok-emulator/portal/auth';

/**
 * Serves the emulator's authorization page (`GET /portal/auth`) on the bot's HTTP server, under
 * {@link EMULATOR_PORTAL_PATH}, so a link opened in a user's browser reaches it at `PUBLIC_URL`
 * rather than at the emulator's own loopback port. Only the portal page: the emulator's API
 * stays on its loopback port.
 */
export function mountEmulatorPortal(http: HttpServer, emulator: TikTokEmulator): void {
  const prefix = EMULATOR_PORTAL_PATH.slice(0, -'/portal/auth'.length);
  http.mount(
    Router().use(prefix, (req: Request, res: Response, next: NextFunction) => {
      if (req.path !== '/portal/auth') return next();
      emulator.app(req, res, next);
    }),
  );
}
