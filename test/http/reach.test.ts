import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { maskedUrl, reach, withinTime } from '../../src/http/reach';
import { StartError } from '../../src/lifecycle/start-error';

const NAME = { service: 'Slack', check: 'SLACK_API_URL (default https://slack.com/api/)' };

let server: Server;
let base: string;
const paths: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    paths.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    if (req.url === '/hang') return; // never answers
    res.statusCode = req.url === '/missing' ? 404 : 200;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('maskedUrl', () => {
  it('hides a password and leaves other URLs as they are', () => {
    expect(maskedUrl('https://user:s3cret@api.example.com/x')).toBe(
      'https://user:***@api.example.com/x',
    );
    expect(maskedUrl('https://api.example.com/x')).toBe('https://api.example.com/x');
    expect(maskedUrl('not a url')).toBe('not a url');
  });
});

describe('reach', () => {
  it('resolves with any HTTP answer, sending the request as given', async () => {
    const res = await reach(
      NAME,
      `${base}/missing`,
      { headers: { authorization: 'Bearer t' } },
      5000,
    );
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('ok');
    expect(paths).toContain('GET /missing Bearer t');
  });

  it('throws a StartError naming the service, masked URL, cause and setting when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await reach(NAME, `http://127.0.0.1:${port}/api`, {}, 5000).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StartError);
    expect((error as Error).message).toBe(
      `Slack did not answer at http://127.0.0.1:${port}/api: connect ECONNREFUSED 127.0.0.1:${port}. Check this machine's network and SLACK_API_URL (default https://slack.com/api/).`,
    );
  });

  it('never shows a password in the URL, also when fetch quotes the URL in its refusal', async () => {
    const error = await reach(NAME, `${base.replace('//', '//u:s3cret@')}/api`, {}, 5000).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StartError);
    const message = (error as Error).message;
    expect(
      message.startsWith(`Slack did not answer at ${base.replace('//', '//u:***@')}/api: `),
    ).toBe(true);
    expect(message).not.toContain('s3cret');
  });

  it('gives up after timeoutMs, saying so in seconds', async () => {
    await expect(reach(NAME, `${base}/hang`, {}, 150)).rejects.toThrow(
      `Slack did not answer at ${base}/hang: no answer within 0.15 s. Check this machine's network and SLACK_API_URL (default https://slack.com/api/).`,
    );
  });
});

describe('withinTime', () => {
  afterEach(() => jest.useRealTimers());

  it('passes the work through when it ends in time, and its failure as it is', async () => {
    await expect(withinTime(Promise.resolve(7), 1000, 'late')).resolves.toBe(7);
    const own = new Error('own failure');
    await expect(withinTime(Promise.reject(own), 1000, 'late')).rejects.toBe(own);
  });

  it('throws a StartError with the message once the time passes', async () => {
    jest.useFakeTimers();
    const pending = withinTime(new Promise(() => {}), 2000, 'Discord did not log in within 2 s');
    const failed = pending.catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(1999);
    let settled = false;
    void failed.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    const error = await failed;
    expect(error).toBeInstanceOf(StartError);
    expect((error as Error).message).toBe('Discord did not log in within 2 s');
  });
});
