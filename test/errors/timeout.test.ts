import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isFetchTimeout } from '../../src/errors/timeout';

describe('isFetchTimeout', () => {
  it("is true for fetch's own timeout, whatever realm its exception comes from", async () => {
    const server = createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const error = await fetch(url, { signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    server.closeAllConnections();
    server.close();
    expect(isFetchTimeout(error)).toBe(true);
  });

  it('is false for other failures and non-errors', () => {
    expect(isFetchTimeout(new TypeError('fetch failed'))).toBe(false);
    expect(isFetchTimeout(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe(false);
    expect(isFetchTimeout(null)).toBe(false);
    expect(isFetchTimeout('TimeoutError')).toBe(false);
  });
});
