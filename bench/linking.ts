import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createLinking } from '../src/auth/create-linking';
import { OAUTH_PATHS } from '../src/http/oauth-routes';
import { createHttpServer } from '../src/http/server';
import { silentLogger } from '../src/logging/logger';
import { Keys } from '../src/store/keys';
import { RedisStateStore } from '../src/store/redis-state-store';
import { TikTokClient } from '../src/tiktok/client';
import { createTikTokEmulator, EMULATOR_APP_ID, EMULATOR_SECRET } from '../src/tiktok/emulator';

const LINKS = 200;
const LOOKUPS = 2000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function hop(url: string, cookie?: string): Promise<Response> {
  return fetch(url, { redirect: 'manual', ...(cookie ? { headers: { cookie } } : {}) });
}

/**
 * Account linking figures: one whole link (DM link made → start hop → emulator portal →
 * callback with code exchange, scope check, advertiser names, sealing) p50/p99, and the cost of
 * resolving a linked user's token (Redis GET + AES-256-GCM open) against a bare Redis GET, as a
 * ratio measured in the same run.
 */
export async function linkingFigures(redisUrl: string): Promise<void> {
  const emulator = createTikTokEmulator();
  const emulatorUrl = await emulator.listen(0);
  const store = new RedisStateStore(redisUrl);
  const keys = new Keys(`bench:link:${randomUUID()}:`);
  const http = createHttpServer({ logger: silentLogger() });
  const base = await http.listen(0);
  const linking = createLinking({
    settings: {
      app_id: EMULATOR_APP_ID,
      secret: EMULATOR_SECRET,
      redirect_uri: `${base}${OAUTH_PATHS.callback}`,
      portal_url: `${emulatorUrl}/portal/auth`,
    },
    tokenKeys: `1:${randomBytes(32).toString('base64')}`,
    tiktok: new TikTokClient({ baseUrl: emulatorUrl }),
    store,
    keys,
    audit: { record: () => {} },
    logger: silentLogger(),
  });
  http.useOAuth(linking.flow);
  const admin = new Redis(redisUrl);
  try {
    const times: number[] = [];
    for (let i = 0; i < LINKS; i++) {
      const user = { platform: 'slack' as const, workspace_id: 'T1', user_id: `U${i}` };
      const started = performance.now();
      const invite = await linking.access.startLink(user, 'slack:T1:C1:1.1');
      const start = await hop(invite.url);
      const cookie = (start.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
      const portal = await hop(start.headers.get('location') ?? '');
      const done = await hop(portal.headers.get('location') ?? '', cookie);
      await done.text();
      if (done.status !== 200) throw new Error(`link ${i} failed: ${done.status}`);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);

    const user = { platform: 'slack' as const, workspace_id: 'T1', user_id: 'U0' };
    const linkKey = keys.link('slack:T1:U0');
    let t = performance.now();
    for (let i = 0; i < LOOKUPS; i++) await admin.get(linkKey);
    const bareGet = (performance.now() - t) / LOOKUPS;
    t = performance.now();
    for (let i = 0; i < LOOKUPS; i++) await linking.access.resolve(user);
    const resolve = (performance.now() - t) / LOOKUPS;
    console.log(
      `Account linking: whole link (3 HTTP hops, code exchange, seal) p50 ${percentile(times, 50).toFixed(2)} ms   p99 ${percentile(times, 99).toFixed(2)} ms over ${LINKS} links`,
    );
    console.log(
      `Linked token lookup (Redis GET + AES-256-GCM open) ${(resolve * 1000).toFixed(0)} µs vs bare Redis GET ${(bareGet * 1000).toFixed(0)} µs → ${(resolve / bareGet).toFixed(2)}x`,
    );
  } finally {
    const left = await admin.keys(`${keys.prefix}*`);
    if (left.length) await admin.del(...left);
    admin.disconnect();
    await http.close();
    await store.close();
    await emulator.close();
  }
}
