import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { keepAliveFetch } from '../../src/model/keep-alive-fetch';

/** A local server that answers every request with the remote port of its socket. */
let server: Server;
let url: string;
const sockets = new Set<number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const port = req.socket.remotePort ?? 0;
    sockets.add(port);
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({ port, method: req.method, body, key: req.headers['x-goog-api-key'] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1beta/models/m:generateContent`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => sockets.clear());

describe('keepAliveFetch', () => {
  it('sends method, headers and body through, and keeps one socket alive for calls in a row', async () => {
    const pool = keepAliveFetch({ connections: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i++) {
        const res = await pool.fetch(url, {
          method: 'POST',
          headers: { 'x-goog-api-key': 'k-1' },
          body: `call ${i}`,
        });
        expect(res.status).toBe(200);
        answers.push(
          (await res.json()) as { port: number; method: string; body: string; key: string },
        );
      }
      expect(answers.map((a) => [a.method, a.body, a.key])).toEqual([
        ['POST', 'call 0', 'k-1'],
        ['POST', 'call 1', 'k-1'],
        ['POST', 'call 2', 'k-1'],
      ]);
      expect(sockets.size).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('opens at most `connections` sockets for concurrent calls', async () => {
    const pool = keepAliveFetch({ connections: 2 });
    try {
      const bodies = await Promise.all(
        Array.from({ length: 6 }, async () => (await pool.fetch(url)).json()),
      );
      expect(bodies).toHaveLength(6);
      expect(sockets.size).toBeLessThanOrEqual(2);
      expect(sockets.size).toBeGreaterThanOrEqual(1);
    } finally {
      await pool.close();
    }
  });

  it('refuses calls once closed', async () => {
    const pool = keepAliveFetch({ connections: 1, keepAliveTimeoutMs: 1000 });
    await (await pool.fetch(url)).arrayBuffer();
    await pool.close();
    expect(pool.agent.closed).toBe(true);
    await expect(pool.fetch(url)).rejects.toThrow();
  });
});
