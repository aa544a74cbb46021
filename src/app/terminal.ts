import type { Readable, Writable } from 'node:stream';
import type { FaultKind } from '../../adapters/console/commands';
import { runConsoleChat } from '../../adapters/console/console-chat';
import { renderReply } from '../../adapters/console/render';
import { RepeatFilter } from '../../adapters/console/repeat-filter';
import { visible } from '../../adapters/console/visible';
import type { Reply } from '../engine/reply';
import type { Logger } from '../logging/logger';
import { createTerminalLog, type TerminalLog } from '../logging/terminal-log';
import { loadConfig } from './config';
import { type Runtime, startRuntime } from './runtime';

/** Where the terminal chat reads and writes, and the settings it runs with. */
export interface TerminalOptions {
  env?: NodeJS.ProcessEnv;
  input: Readable;
  output: Writable;
  /**
   * Where logs go (tests). Default: the `LOG_FILE` file, with start-up warnings also printed as
   * `[setup]` lines before the first prompt.
   */
  logger?: Logger;
  /**
   * Aborted on SIGINT/SIGTERM: no further line is read, the turn in flight finishes, and the
   * chat says whether the draft was kept (Redis) or is lost (in memory).
   */
  signal?: AbortSignal;
  /** Called once everything runs, before the first line is read (tests read `httpBase`). */
  onStarted?: (runtime: Runtime) => void;
}

/**
 * Runs the terminal chat (the main job): the same engine the chat platforms use, against the
 * local TikTok emulator unless `TIKTOK_BASE_URL` is set, with the offline model unless
 * `GEMINI_API_KEY` is set, and Redis when `REDIS_URL` is set. Users link their TikTok account
 * through a private link served by the bot's HTTP server (with the emulator, `/open` follows it
 * in the terminal). Resolves at end of input, once linking work in flight has finished.
 * @throws ConfigError on invalid settings; Error when Redis is set but does not answer.
 */
export async function runTerminal(options: TerminalOptions): Promise<void> {
  const config = loadConfig(options.env ?? process.env);
  const log: Pick<TerminalLog, 'logger' | 'setupLines'> = options.logger
    ? { logger: options.logger, setupLines: () => [] }
    : createTerminalLog(config.LOG_LEVEL ?? 'info', config.LOG_FILE);
  const logger = log.logger;
  // Background replies (after linking, resumed submissions) print here, not through the chat
  // loop, so they pass through the same `visible` escaping: a value can never act on the terminal.
  const out = (line: string) => options.output.write(`${visible(line)}\n`);
  const runtime: Runtime = await startRuntime({
    config,
    logger,
    platform: 'console',
    defaultHttpPort: 0,
  });
  try {
    const repeats = new RepeatFilter();
    runtime.sinks.set('console', (reply: Reply) => {
      out(renderReply(repeats.filter(reply)));
    });
    out(`[setup] ${runtime.summary}`);
    for (const line of log.setupLines()) out(line);
    runtime.resumer.start();
    options.onStarted?.(runtime);
    const emulator = runtime.emulator;
    await runConsoleChat({
      engine: runtime.engine,
      repeats,
      input: options.input,
      output: options.output,
      afterLink: () => runtime.background.drain(),
      ...(options.signal ? { signal: options.signal } : {}),
      farewell: config.REDIS_URL
        ? 'Stopped after finishing the last message. Your draft is saved in Redis: start again with the same REDIS_URL and STATE_PREFIX to go on.'
        : 'Stopped after finishing the last message. The draft was kept in memory only and is lost now (set REDIS_URL to keep drafts across restarts).',
      ...(emulator
        ? {
            simulate: async (fault: FaultKind) => {
              if (fault === 'off') emulator.faults.clear();
              else emulator.faults.set(fault);
            },
          }
        : {}),
    });
  } finally {
    await runtime.close();
  }
}
