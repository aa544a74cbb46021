import { StartError } from '../lifecycle/start-error';
import { named } from '../settings/config-checks';

/**
 * Awaits `listening` and rethrows a listen failure as a {@link StartError} naming `setting`
 * (e.g. `HTTP_PORT`) and its value, with how to fix it, instead of Node's `listen EADDRINUSE:
 * address already in use 127.0.0.1:3000`. Codes: `EADDRINUSE` (taken), `EACCES` (a port below
 * 1024 without the right), `EADDRNOTAVAIL` (`HTTP_HOST` is not an address of this machine);
 * https://nodejs.org/api/errors.html#common-system-errors
 * @example HTTP_PORT=3000: port 3000 on 127.0.0.1 is already in use by another program; stop it or set HTTP_PORT to a free port
 */
export async function listenFor<T>(
  setting: string,
  port: number,
  host: string,
  listening: Promise<T>,
): Promise<T> {
  try {
    return await listening;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${named(setting, port)}: port ${port} on ${host}`;
    if (code === 'EADDRINUSE')
      throw new StartError(
        `${where} is already in use by another program; stop it or set ${setting} to a free port`,
      );
    if (code === 'EACCES')
      throw new StartError(
        `${where} needs privileges this process lacks; set ${setting} to 1024 or above`,
      );
    if (code === 'EADDRNOTAVAIL')
      throw new StartError(
        `${named('HTTP_HOST', host)}: is not an address of this machine; set HTTP_HOST to 127.0.0.1 or 0.0.0.0 (all addresses)`,
      );
    throw error;
  }
}
