import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 right now (the OS picks it; it is released before returning). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * What a Slack or Discord server under test needs on top of its platform settings: the TikTok
 * emulator said out loud (`TIKTOK_EMULATOR=on`) and a `PUBLIC_URL` that really is its own
 * address (a free `HTTP_PORT` on 127.0.0.1), so account links in DMs can be followed.
 */
export async function emulatedServerEnv(): Promise<{
  HTTP_PORT: string;
  PUBLIC_URL: string;
  TIKTOK_EMULATOR: 'on';
}> {
  const port = await freePort();
  return {
    HTTP_PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    TIKTOK_EMULATOR: 'on',
  };
}
