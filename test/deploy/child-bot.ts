import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = join(__dirname, '../../dist/src/app/main.js');

/** The built bot (`node dist/src/app/main.js`) running as a real child process. */
export class ChildBot {
  /** stderr, one entry per line (JSON log lines, or plain text). */
  readonly errLines: string[] = [];
  stdout = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(readonly proc: ChildProcess) {
    let partial = '';
    proc.stderr?.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      this.errLines.push(...parts);
    });
    proc.stdout?.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString('utf8');
    });
    this.exited = new Promise((resolve) =>
      proc.once('exit', (code, signal) => {
        if (partial) this.errLines.push(partial);
        resolve({ code, signal });
      }),
    );
  }

  /**
   * Starts `node dist/src/app/main.js [...args]` with `env` only (plus PATH), stdin a pipe.
   * The parent's settings never leak in.
   */
  static start(env: NodeJS.ProcessEnv, args: string[] = []): ChildBot {
    const proc = spawn(process.execPath, [MAIN, ...args], {
      // A terminal chat logs to LOG_FILE; keep test runs' logs out of the working tree.
      env: { PATH: process.env.PATH, LOG_FILE: join(tmpdir(), 'tiktok-ad-bot-tests.log'), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new ChildBot(proc);
  }

  /** Parsed JSON log lines so far. */
  logs(): Array<Record<string, unknown>> {
    return this.errLines.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  /** Waits for a log line matching `test`, or fails (with the logs) after `timeoutMs`. */
  async waitForLog(
    what: string,
    test: (line: Record<string, unknown>) => boolean,
    timeoutMs = 15_000,
  ): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logs().find(test);
      if (found) return found;
      if (Date.now() > deadline || this.proc.exitCode !== null)
        throw new Error(`no log line "${what}"; stderr:\n${this.errLines.join('\n')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits for the start-up line and returns the HTTP base URL it names. */
  async started(): Promise<string> {
    const line = await this.waitForLog('bot running', (l) =>
      String(l.msg).startsWith('bot running'),
    );
    return String(line.http);
  }

  /** Kills the child if it still runs (cleanup after a failed test). */
  kill(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function until<T>(
  what: string,
  check: () => T | undefined | false,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
