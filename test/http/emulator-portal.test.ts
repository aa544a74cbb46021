import { EMULATOR_PORTAL_PATH, mountEmulatorPortal } from '../../src/http/emulator-portal';
import { createHttpServer, type HttpServer } from '../../src/http/server';
import { silentLogger } from '../../src/logging/logger';
import { createTikTokEmulator, EMULATOR_APP_ID } from '../../src/tiktok/emulator';

let http: HttpServer;
let base: string;

beforeAll(async () => {
  http = createHttpServer({ logger: silentLogger() });
  mountEmulatorPortal(http, createTikTokEmulator({ logger: silentLogger() }));
  base = await http.listen(0);
});
afterAll(async () => {
  await http.close();
});

describe('mountEmulatorPortal over real HTTP', () => {
  it("serves the emulator's authorization page under /tiktok-emulator/portal/auth", async () => {
    expect(EMULATOR_PORTAL_PATH).toBe('/tiktok-emulator/portal/auth');
    const query = new URLSearchParams({
      app_id: EMULATOR_APP_ID,
      state: 'st-1',
      redirect_uri: 'https://ads-bot.example.com/oauth/tiktok/callback',
    });
    const res = await fetch(`${base}${EMULATOR_PORTAL_PATH}?${query}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(
      'https://ads-bot.example.com/oauth/tiktok/callback',
    );
    expect(back.searchParams.get('state')).toBe('st-1');
    expect(back.searchParams.get('auth_code')).toMatch(/\S+/);
  });

  it("passes the emulator's refusal of an unknown app through", async () => {
    const res = await fetch(
      `${base}${EMULATOR_PORTAL_PATH}?app_id=nope&redirect_uri=https://x.example/`,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('Invalid app_id');
  });

  it("does not expose the emulator's API on the bot's server", async () => {
    const res = await fetch(`${base}/tiktok-emulator/open_api/v1.3/oauth2/access_token/`, {
      method: 'POST',
    });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<h1>Not found</h1>');
    expect((await fetch(`${base}/portal/auth?app_id=${EMULATOR_APP_ID}`)).status).toBe(404);
  });
});
