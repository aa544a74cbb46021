import cookieParser from 'cookie-parser';
import { type Request, type Response, Router } from 'express';
import type { LinkFailure } from '../auth/link-failures';
import type { OAuthFlow } from '../auth/oauth-flow';
import type { Logger } from '../logging/logger';
import { page } from './pages';

/** Paths of the two OAuth routes, relative to where the router is mounted. */
export const OAUTH_PATHS = { start: '/oauth/tiktok/start', callback: '/oauth/tiktok/callback' };

/**
 * The browser end of TikTok account linking (express):
 * - `GET /oauth/tiktok/start?link=<id>`: sets the flow's cookie (HttpOnly, SameSite=Lax, Secure
 *   on https) and answers 302 to TikTok's authorization page.
 * - `GET /oauth/tiktok/callback?auth_code&state`: finishes the link and answers a small page:
 *   200 when linked, 400/403/502 with what to do otherwise. The flow's cookie is cleared in
 *   every case where the state was known.
 * Responses carry `Cache-Control: no-store` and `Referrer-Policy: no-referrer`, so neither the
 * code nor the state leaks through caches or a Referer header.
 */
export function oauthRouter(flow: OAuthFlow, logger: Logger): Router {
  const router = Router();
  router.use(OAUTH_PATHS.start, cookieParser());
  router.use(OAUTH_PATHS.callback, cookieParser());
  const sendFailure = (res: Response, failure: LinkFailure) => {
    res
      .status(failure.status)
      .type('html')
      .send(page(failure.title, [failure.message], failure.ref));
  };
  const noStore = (res: Response) => {
    res.set('Cache-Control', 'no-store');
    res.set('Referrer-Policy', 'no-referrer');
  };

  router.get(OAUTH_PATHS.start, async (req: Request, res: Response) => {
    noStore(res);
    const link = typeof req.query.link === 'string' ? req.query.link : undefined;
    const result = await flow.start(link);
    if (!result.ok) {
      sendFailure(res, result.failure);
      return;
    }
    const { cookie } = result;
    res.cookie(cookie.name, cookie.value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: cookie.secure,
      path: cookie.path,
      maxAge: cookie.max_age_ms,
    });
    res.redirect(302, result.redirect);
  });

  router.get(OAUTH_PATHS.callback, async (req: Request, res: Response) => {
    noStore(res);
    const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
    const result = await flow.callback(req.query as Record<string, unknown>, cookies);
    if (result.clear_cookie)
      res.clearCookie(result.clear_cookie.name, { path: result.clear_cookie.path });
    if (!result.ok) {
      sendFailure(res, result.failure);
      return;
    }
    const { target, advertiser_ids, advertiser_names } = result;
    const accounts = advertiser_ids
      .map((id) => (advertiser_names[id] ? `${advertiser_names[id]} (${id})` : id))
      .join(', ');
    const who = target.user.name ?? target.user.user_id;
    logger.info(
      { platform: target.user.platform, advertisers: advertiser_ids.length },
      'TikTok account linked',
    );
    res
      .status(200)
      .type('html')
      .send(
        page('TikTok account linked', [
          `Advertiser account ${accounts} is now linked to ${who} (${target.user.platform}).`,
          'You can close this tab and go back to the chat.',
        ]),
      );
  });
  return router;
}
