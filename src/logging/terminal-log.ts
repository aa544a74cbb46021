import { resolve } from 'node:path';
import pino from 'pino';
import { createLogger, type Logger } from './logger';

/** The terminal chat's logging: JSON lines to a file, start-up warnings as readable text. */
export interface TerminalLog {
  readonly logger: Logger;
  /** Absolute path of the log file. */
  readonly file: string;
  /**
   * What to print before the first prompt: each warning or error logged since the log was
   * created, as one readable `[setup] …` line (`msg`, plus the error's message when one was
   * logged), then `[setup] Logs: <file> (LOG_FILE)`. From this call on nothing is collected:
   * later lines go to the file only.
   */
  setupLines(): string[];
}

/**
 * Logging for the terminal chat, where the terminal is the conversation: every line at `level`
 * and above goes to `file` (appended, directories created) as pino JSON, and nothing to stdout
 * or stderr. Warnings logged while the bot starts (no Redis, a throwaway token key…) are kept
 * so the chat can print them as `[setup]` lines before the first prompt.
 */
export function createTerminalLog(level: string, file: string): TerminalLog {
  const path = resolve(file);
  const notes: string[] = [];
  let collecting = true;
  const collector = {
    write(line: string) {
      if (collecting) notes.push(readable(line));
    },
  };
  const streams = pino.multistream([
    { level: 'trace', stream: pino.destination({ dest: path, mkdir: true, sync: true }) },
    { level: 'warn', stream: collector },
  ]);
  return {
    logger: createLogger(level, streams),
    file: path,
    setupLines() {
      collecting = false;
      return [...notes.splice(0), `Logs: ${path} (LOG_FILE)`].map((note) => `[setup] ${note}`);
    },
  };
}

/** `msg (err.message)` of one pino JSON line; the line itself if it is not JSON. */
function readable(line: string): string {
  try {
    const entry = JSON.parse(line) as { msg?: unknown; err?: { message?: unknown } };
    const why = typeof entry.err?.message === 'string' ? ` (${entry.err.message})` : '';
    return `${String(entry.msg ?? '')}${why}`;
  } catch {
    return line.trim();
  }
}
