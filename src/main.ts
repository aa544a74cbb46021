import { runTerminal } from './app';
import { ConfigError, loadConfig } from './config';
import { runServer, wantsServer } from './server';

/**
 * Entry point (`npm start`). With Slack or Discord settings it runs the bot server until
 * SIGINT/SIGTERM (then stops taking events, finishes work in flight, and exits 0); otherwise
 * the terminal chat. Exit codes: 0 at end of input, /quit or a signal; 1 on invalid settings or
 * a start-up failure.
 */
async function main(): Promise<void> {
  if (!wantsServer(loadConfig())) {
    await runTerminal({ input: process.stdin, output: process.stdout });
    return;
  }
  const server = await runServer();
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message =
      error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  },
);
