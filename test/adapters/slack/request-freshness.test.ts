import type { AddressInfo } from 'node:net';
import express from 'express';
import { rejectFutureTimestamps } from '../../../adapters/slack/request-freshness';

const NOW_MS = 1_800_000_000_000;
let base = '';
let server: ReturnType<ReturnType<typeof express>['listen']>;

beforeAll(async () => {
  const app = express();
  app.use(rejectFutureTimestamps(300, () => NOW_MS));
  app.post('/slack/events', (_req, res) => {
    res.status(200).send('bolt');
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const post = (ts?: string) =>
  fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: ts === undefined ? {} : { 'x-slack-request-timestamp': ts },
  });

describe('rejectFutureTimestamps (over HTTP)', () => {
  const now = Math.floor(NOW_MS / 1000);

  it('refuses a timestamp more than 5 minutes ahead with an empty 401', async () => {
    const res = await post(String(now + 301));
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('');
  });

  it('passes the present, the edge of the window, the past and a missing header on to Bolt', async () => {
    for (const ts of [String(now), String(now + 300), String(now - 10_000), undefined, 'garbage']) {
      const res = await post(ts);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('bolt');
    }
  });
});
