import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a test file server answers for one path: status, content type and body. */
export interface Served {
  status?: number;
  type?: string;
  body?: Buffer | string;
  /** Never answers (for timeouts). */
  hang?: boolean;
}

/** A real HTTP server on 127.0.0.1 that answers by path and remembers each request's headers. */
export async function startFileServer(routes: Record<string, Served>) {
  const seen: Array<{ url: string; headers: IncomingMessage['headers'] }> = [];
  const server: Server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const route = routes[req.url ?? ''];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    if (route.hang) return;
    res.writeHead(route.status ?? 200, {
      'content-type': route.type ?? 'application/octet-stream',
    });
    res.end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
