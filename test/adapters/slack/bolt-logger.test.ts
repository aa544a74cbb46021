import { Writable } from 'node:stream';
import { LogLevel } from '@slack/bolt';
import { boltLogger } from '../../../adapters/slack/bolt-logger';
import { createLogger } from '../../../src/logging/logger';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: boltLogger(createLogger('trace', stream)) };
}

describe('boltLogger', () => {
  it("puts Bolt's positional messages into one pino line at the same level", async () => {
    const { lines, logger } = capture();
    logger.warn('http request failed', 429, new Error('rate limited'));
    logger.debug('listener', { ok: true });
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [40, 'http request failed 429 rate limited'],
      [20, 'listener [body omitted]'],
    ]);
  });

  it('never logs request bodies, tokens or link ids, at any level', async () => {
    const { lines, logger } = capture();
    logger.debug(
      'http request body: {"channel":"D1","text":"Open https://bot.example.com/link/start?link=SECRETLINKID"}',
    );
    logger.info('calling with Bearer xoxb-1234-5678-abcdefgh');
    logger.error('redirect to https://x.example.com/cb?code=AUTHCODE123&state=STATE456');
    await new Promise((r) => setImmediate(r));
    const all = JSON.stringify(lines);
    for (const secret of ['SECRETLINKID', 'xoxb-1234', 'AUTHCODE123', 'STATE456'])
      expect(all).not.toContain(secret);
    expect(lines[0]?.msg).toBe('http request body: [body omitted]');
    expect(lines[2]?.msg).toBe(
      'redirect to https://x.example.com/cb?code=[redacted]&state=[redacted]',
    );
  });

  it('keeps the level Bolt sets', () => {
    const { logger } = capture();
    expect(logger.getLevel()).toBe(LogLevel.INFO);
    logger.setLevel(LogLevel.DEBUG);
    expect(logger.getLevel()).toBe(LogLevel.DEBUG);
  });
});
