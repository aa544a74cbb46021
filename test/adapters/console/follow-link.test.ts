import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { followLink } from '../../../adapters/console/follow-link';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/start') {
      res.writeHead(302, { location: '/authorize', 'set-cookie': 'state=abc; HttpOnly; Path=/' });
      res.end();
      return;
    }
    if (url.pathname === '/authorize') {
      res.writeHead(302, {
        location: `/callback?from=${encodeURIComponent(req.headers.cookie ?? '')}`,
      });
      res.end();
      return;
    }
    if (url.pathname === '/callback') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<h1>Linked &amp; ready</h1><p class="x">Cookie was ${url.searchParams.get('from')}.</p><p>Back to chat.</p>`,
      );
      return;
    }
    if (url.pathname === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('nothing here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('followLink (over HTTP)', () => {
  it('follows redirects carrying cookies as a browser would, and reads the page', async () => {
    expect(await followLink(`${base}/start`)).toEqual({
      status: 200,
      title: 'Linked & ready',
      text: 'Cookie was state=abc. Back to chat.',
    });
  });

  it('reports a page without a heading by its status, and stops after 5 redirects', async () => {
    expect(await followLink(`${base}/missing`)).toEqual({
      status: 404,
      title: 'HTTP 404',
      text: 'nothing here',
    });
    await expect(followLink(`${base}/loop`)).rejects.toThrow('Too many redirects');
  });
});
