import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { Posted } from './standins';

/**
 * A bench child (`child.ts`) in its own Node process with `--expose-gc`, and a request/answer
 * channel over IPC. `kill()` ends only this child, by its pid.
 */
/** Children still running, ended when the bench exits (also on an error). */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

function nodeArgs(): string[] {
  return (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

export class Child {
  private seq = 0;
  private readonly waiting = new Map<number, (answer: Record<string, unknown>) => void>();
  onPost: ((posted: Posted) => void) | undefined;

  private constructor(readonly process: ChildProcess) {
    process.on('message', (message: Record<string, unknown>) => {
      if (message.post) {
        this.onPost?.(message.post as Posted);
        return;
      }
      const id = message.id as number | undefined;
      if (id === undefined) return;
      this.waiting.get(id)?.(message);
      this.waiting.delete(id);
    });
  }

  /** Starts `role` with `env` and waits until it says it is ready. */
  static async start(role: 'bot' | 'bare' | 'standins', env: NodeJS.ProcessEnv): Promise<Child> {
    const child = fork(join(__dirname, 'child.js'), [role], {
      env,
      // BENCH_NODE_ARGS (e.g. `--prof` or `--cpu-prof`): extra node flags for the bot child only.
      execArgv: ['--expose-gc', ...(role === 'bot' ? nodeArgs() : [])],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    live.add(child);
    child.once('exit', () => live.delete(child));
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: { ready?: boolean }) => {
        if (!message.ready) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve();
      };
      const onExit = (code: number | null) => reject(new Error(`${role} child exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
    return new Child(child);
  }

  /** Sends `{op, ...args}` and resolves with the child's answer. */
  ask<T = Record<string, unknown>>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    this.seq += 1;
    const id = this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (answer) => {
        if (answer.error) reject(new Error(String(answer.error)));
        else resolve(answer as T);
      });
      this.process.send({ id, op, ...args });
    });
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  /** Ends the child (SIGKILL: the bench does not wait for queued turns to drain). */
  async kill(): Promise<void> {
    if (this.process.exitCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGKILL');
    await exited;
  }
}
