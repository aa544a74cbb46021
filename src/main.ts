import { runTerminal } from './app';
import { ConfigError } from './config';

/**
 * Entry point (`npm start`). With no Slack or Discord settings it runs the terminal chat.
 * Exit codes: 0 at end of input or /quit; 1 on invalid settings or a start-up failure.
 */
async function main(): Promise<void> {
  await runTerminal({ input: process.stdin, output: process.stdout });
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
