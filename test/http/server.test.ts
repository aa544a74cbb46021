import { Writable } from 'node:stream';
import express from 'express';
import { createHttpServer, type HttpServer } from '../../src/http/server';
import { createLogger } from '../../src/logging/logger';

let lines: Array<Record<string, unknown>>;
let http: HttpServer;
let base: string;

beforeEach(async () => {
  lines = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  http = createHttpServer({ logger: createLogger('info', sink) });
  base = await http.listen(0);
});
afterEach(async () => {
  await http.close();
});

/** Lets the response's `finish` log line be written. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createHttpServer over real HTTP', () => {
  it('listens on 127.0.0.1 by default and answers a plain 404 page without x-powered-by', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${base}/nothing`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('x-powered-by')).toBeNull();
    const body = await res.text();
    expect(body).toContain('<h1>Not found</h1>');
    expect(body).toContain('<p>There is nothing here.</p>');
  });

  it('serves handlers mounted after listen, before the 404', async () => {
    http.mount(express.Router().get('/slack/events', (_req, res) => res.json({ ok: 'slack' })));
    const res = await fetch(`${base}/slack/events`);
    expect(await res.json()).toEqual({ ok: 'slack' });
  });

  it('logs Slack and OAuth requests once answered, path without the query, with Slack retry_num', async () => {
    http.mount(
      express.Router().get('/oauth/tiktok/callback', (_req, res) => res.status(400).end()),
    );
    await fetch(`${base}/oauth/tiktok/callback?auth_code=SECRET&state=S`, {
      headers: { 'x-slack-retry-num': '2' },
    });
    await fetch(`${base}/healthz`);
    await settle();
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'GET',
      path: '/oauth/tiktok/callback',
      status: 400,
      retry_num: 2,
      duration_ms: expect.any(Number),
    });
    expect(JSON.stringify(lines)).not.toContain('SECRET');
  });

  it('answers 500 with a reference that matches the logged error, not the request URL', async () => {
    http.mount(
      express.Router().get('/oauth/boom', () => {
        throw new Error('handler exploded');
      }),
    );
    const res = await fetch(`${base}/oauth/boom?state=S3CR3T`);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).toContain('<h1>Something went wrong</h1>');
    expect(body).toContain('Nothing was changed. Try again in a minute.');
    const ref = /Reference: ([0-9a-f]{8})/.exec(body)?.[1];
    await settle();
    const logged = lines.find((l) => l.msg === 'HTTP request failed');
    expect(logged).toMatchObject({ ref, level: 50, err: { message: 'handler exploded' } });
    expect(JSON.stringify(logged)).not.toContain('S3CR3T');
  });

  it('close stops listening and may be called twice', async () => {
    await http.close();
    await http.close();
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it('listen rejects when the port is taken', async () => {
    const port = Number(new URL(base).port);
    const other = createHttpServer({ logger: createLogger('silent') });
    await expect(other.listen(port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
