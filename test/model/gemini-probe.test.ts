import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StartError } from '../../src/lifecycle/start-error';
import { probeGemini } from '../../src/model/gemini-probe';

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

async function listen(handler: (seen: Seen[]) => Parameters<typeof createServer>[1]) {
  const seen: Seen[] = [];
  const server = createServer(handler(seen));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, base, seen };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('probeGemini', () => {
  it('GETs the model under /v1beta/models with the key header; any HTTP answer passes', async () => {
    const { server, base, seen } = await listen((seen) => (req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res.statusCode = 403; // a bad key is judged per call, not at start
      res.end('{"error":{"code":403}}');
    });
    servers.push(server);
    await expect(probeGemini('key-abc', 'models/gemini x', `${base}///`, 5000)).resolves.toBe(
      undefined,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('/v1beta/models/models%2Fgemini%20x');
    expect(seen[0]?.headers['x-goog-api-key']).toBe('key-abc');
  });

  it('stops the start with a StartError naming GEMINI_BASE_URL when nothing listens', async () => {
    const { server, base } = await listen(() => (_req, res) => res.end());
    await new Promise((resolve) => server.close(resolve)); // the port is now closed
    const error = await probeGemini('key-abc', 'gemini-m', base, 5000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartError);
    const message = (error as StartError).message;
    expect(
      message.startsWith(`The model (Gemini) did not answer at ${base}/v1beta/models/gemini-m: `),
    ).toBe(true);
    expect(message).toContain(
      "Check this machine's network and GEMINI_BASE_URL (default https://generativelanguage.googleapis.com), or unset GEMINI_API_KEY to use the offline model.",
    );
    expect(message).not.toContain('key-abc');
  });

  it('gives up after timeoutMs when the server never answers', async () => {
    const { server, base } = await listen(() => () => {
      /* never answers */
    });
    servers.push(server);
    await expect(probeGemini('k', 'gemini-m', base, 200)).rejects.toThrow(
      `The model (Gemini) did not answer at ${base}/v1beta/models/gemini-m: no answer within 0.2 s.`,
    );
  });
});
