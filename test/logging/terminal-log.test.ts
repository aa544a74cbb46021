import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTerminalLog } from '../../src/logging/terminal-log';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'terminal-log-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The JSON lines written to `file`. */
function fileLines(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe('createTerminalLog', () => {
  it('writes every line at the level and above to the file, creating its folders', () => {
    const file = join(dir, 'nested', 'logs', 'bot.log');
    const log = createTerminalLog('info', file);
    expect(log.file).toBe(file);
    log.logger.debug('not at this level');
    log.logger.info({ thread: 't1' }, 'turn done');
    log.logger.error('boom');
    expect(fileLines(file).map((l) => [l.level, l.msg])).toEqual([
      [30, 'turn done'],
      [50, 'boom'],
    ]);
    expect(fileLines(file)[0]?.thread).toBe('t1');
  });

  it('collects warnings and errors for [setup] lines, then stops collecting', () => {
    const file = join(dir, 'bot.log');
    const log = createTerminalLog('info', file);
    log.logger.info('started');
    log.logger.warn('Redis is not set: using the in-memory store');
    log.logger.error({ err: new Error('ECONNREFUSED 127.0.0.1:6379') }, 'store check failed');
    expect(log.setupLines()).toEqual([
      '[setup] Redis is not set: using the in-memory store',
      '[setup] store check failed (ECONNREFUSED 127.0.0.1:6379)',
      `[setup] Logs: ${file} (LOG_FILE)`,
    ]);
    log.logger.warn('later warning');
    expect(log.setupLines()).toEqual([`[setup] Logs: ${file} (LOG_FILE)`]);
    expect(fileLines(file).map((l) => l.msg)).toContain('later warning');
  });

  it('resolves a relative file name to an absolute path', () => {
    const log = createTerminalLog('warn', join(dir, '.', 'x', '..', 'bot.log'));
    expect(log.file).toBe(join(dir, 'bot.log'));
  });
});
