import { randomUUID } from 'node:crypto';
import { emptyUpdates } from '../../src/model/proposal';
import { GeminiStandIn } from '../standins/gemini-standin';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../support/harness';
import { ChildBot, until } from './child-bot';

jest.setTimeout(40_000);

describe('the terminal chat on SIGTERM: the message in progress finishes, then it says what was kept', () => {
  let gemini: GeminiStandIn;
  const prefix = `test:terminal-signal:${randomUUID()}:`;
  beforeAll(async () => {
    gemini = await GeminiStandIn.start();
  });
  afterAll(async () => {
    await gemini.close();
    await deleteRedisPrefix(prefix);
  });

  it.each([
    ['in memory: the draft is lost', {}, 'The draft was kept in memory only and is lost now'],
    [
      'with Redis: the draft is saved',
      { REDIS_URL: TEST_REDIS_URL, STATE_PREFIX: prefix },
      'Your draft is saved in Redis',
    ],
  ])('%s', async (_what, env, farewell) => {
    // The model takes 1.5 s to answer: the signal arrives while the turn is in flight.
    gemini.enqueue({
      kind: 'turn',
      delayMs: 1500,
      turn: {
        message: 'Nice name.',
        intent: 'provide_details',
        updates: { ...emptyUpdates(), campaign_name: 'Summer Sale' },
      },
    });
    const bot = ChildBot.start({ GEMINI_API_KEY: 'test-key', GEMINI_BASE_URL: gemini.url, ...env });
    try {
      // Model turns only: the start-up reachability check (a GET) is not one.
      const turns = () => gemini.requests.filter((r) => r.method === 'POST').length;
      const asked = turns();
      bot.proc.stdin?.write('Call the campaign Summer Sale\n');
      await until('the model request', () => turns() > asked);
      bot.proc.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      const reply = bot.stdout.indexOf('Nice name.');
      expect(reply).toBeGreaterThan(0);
      expect(bot.stdout).toMatch(/objective/i);
      expect(bot.stdout.indexOf(farewell)).toBeGreaterThan(reply);
    } finally {
      bot.kill();
    }
  });
});
