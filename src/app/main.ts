import { ConfigError, loadConfig, wantsServer } from './config';

/** Resolves on the first SIGINT or SIGTERM; a second one ends the process at once (exit 1). */
function firstSignal(onSecond: () => void): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let seen = false;
    const on = (signal: NodeJS.Signals) => {
      if (seen) onSecond();
      seen = true;
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/**
 * Entry point (`npm start`; the container runs `node dist/src/app/main.js server`). With Slack or
 * Discord settings it runs the bot server until SIGINT/SIGTERM (then stops taking events,
 * finishes work in flight within `SHUTDOWN_GRACE_MS`, and exits 0); otherwise the terminal chat,
 * which on SIGINT/SIGTERM finishes the turn in flight and says whether the draft was kept.
 * With the `server` argument and no platform configured, it prints what to set and exits 1.
 * Exit codes: 0 at end of input, /quit or a signal; 1 on invalid settings, a start-up failure,
 * or a second signal during shutdown.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const second = () => {
    process.stderr.write('Second signal: stopping now, without waiting for work in flight.\n');
    process.exit(1);
  };
  // Each mode loads only its own modules: the terminal never loads discord.js or Bolt.
  if (!wantsServer(config)) {
    if (process.argv.includes('server'))
      throw new ConfigError((await import('./server.js')).NO_PLATFORM_HELP);
    const { runTerminal } = await import('./terminal.js');
    const stop = new AbortController();
    void firstSignal(second).then(() => stop.abort());
    await runTerminal({ input: process.stdin, output: process.stdout, signal: stop.signal });
    return;
  }
  const stopped = firstSignal(second);
  const { runServer } = await import('./server.js');
  const server = await runServer();
  await stopped;
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
