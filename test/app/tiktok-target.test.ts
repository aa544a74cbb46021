import { describeTikTok, startTikTok } from '../../src/app/tiktok-target';
import { NO_METRICS } from '../../src/metrics/port';
import { LogCapture } from '../auth/linking-support';

describe('startTikTok', () => {
  it('points the client at TIKTOK_BASE_URL and starts no emulator when it is set', async () => {
    const target = await startTikTok(
      { TIKTOK_BASE_URL: 'https://business-api.tiktok.com', EMULATOR_PORT: 0 },
      new LogCapture('silent').logger,
      NO_METRICS,
    );
    expect(target.emulator).toBeUndefined();
    expect(target.baseUrl).toBe('https://business-api.tiktok.com');
    expect(describeTikTok(target)).toBe('TikTok: https://business-api.tiktok.com');
  });

  it('starts the emulator on a loopback port when no base URL is set, and says no real ad is made', async () => {
    const target = await startTikTok(
      { TIKTOK_BASE_URL: undefined, EMULATOR_PORT: 0 },
      new LogCapture('silent').logger,
      NO_METRICS,
    );
    try {
      expect(target.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(describeTikTok(target)).toBe(
        `TikTok: emulator at ${target.baseUrl} (no real ad will be created)`,
      );
      // The emulator answers there: its authorization page refuses an unknown app.
      const res = await fetch(`${target.baseUrl}/portal/auth?app_id=nope`);
      expect({ status: res.status, text: await res.text() }).toEqual({
        status: 400,
        text: 'Invalid app_id',
      });
    } finally {
      await target.emulator?.close();
    }
  });
});
