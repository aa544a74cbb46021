import { createServer } from 'node:net';
import { listenFor } from '../../src/http/listen-for';
import { StartError } from '../../src/lifecycle/start-error';

/** A listen failure as Node reports it. */
const failed = (code: string) =>
  Promise.reject(Object.assign(new Error(`listen ${code}`), { code }));

describe('listenFor', () => {
  it('passes the listening value through', async () => {
    await expect(listenFor('HTTP_PORT', 3000, '127.0.0.1', Promise.resolve('ok'))).resolves.toBe(
      'ok',
    );
  });

  it('names the setting and the port when it is taken', async () => {
    const error = await listenFor('HTTP_PORT', 3000, '127.0.0.1', failed('EADDRINUSE')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StartError);
    expect((error as StartError).message).toBe(
      'HTTP_PORT="3000": port 3000 on 127.0.0.1 is already in use by another program; stop it or set HTTP_PORT to a free port',
    );
  });

  it('says a low port needs privileges', async () => {
    await expect(listenFor('METRICS_PORT', 80, '0.0.0.0', failed('EACCES'))).rejects.toThrow(
      'METRICS_PORT="80": port 80 on 0.0.0.0 needs privileges this process lacks; set METRICS_PORT to 1024 or above',
    );
  });

  it('names HTTP_HOST when the host is not an address of this machine', async () => {
    await expect(listenFor('HTTP_PORT', 3000, '10.9.9.9', failed('EADDRNOTAVAIL'))).rejects.toThrow(
      'HTTP_HOST="10.9.9.9": is not an address of this machine; set HTTP_HOST to 127.0.0.1 or 0.0.0.0 (all addresses)',
    );
  });

  it('rethrows any other failure as it is', async () => {
    const other = Object.assign(new Error('boom'), { code: 'EOTHER' });
    await expect(listenFor('HTTP_PORT', 1, 'h', Promise.reject(other))).rejects.toBe(other);
  });

  it('turns a real port clash into the StartError', async () => {
    const first = createServer();
    await new Promise<void>((resolve) => first.listen(0, '127.0.0.1', resolve));
    const port = (first.address() as { port: number }).port;
    const second = createServer();
    const listening = new Promise((resolve, reject) => {
      second.once('listening', resolve);
      second.once('error', reject);
    });
    second.listen(port, '127.0.0.1');
    await expect(listenFor('HTTP_PORT', port, '127.0.0.1', listening)).rejects.toThrow(
      `HTTP_PORT="${port}": port ${port} on 127.0.0.1 is already in use by another program`,
    );
    await new Promise((resolve) => first.close(resolve));
  });
});
