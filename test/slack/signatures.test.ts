import Redis from 'ioredis';
import { commandRequest, type SignOptions } from '../standins/slack-requests';
import { TEST_REDIS_URL } from '../support/harness';
import { TestLinking } from '../support/test-linking';
import { CHANNEL, SIGNING_SECRET, SlackRig, TEAM } from './slack-rig';

async function keysUnder(prefix: string): Promise<string[]> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    return await redis.keys(`${prefix}*`);
  } finally {
    redis.disconnect();
  }
}

describe('Slack request signatures (checked by Bolt on every request)', () => {
  let rig: SlackRig;
  beforeEach(async () => {
    rig = await SlackRig.start({ access: new TestLinking() });
  });
  afterEach(() => rig.close());

  const command = () =>
    commandRequest({
      team_id: TEAM,
      channel_id: CHANNEL,
      user_id: 'U0ANA',
      text: 'Create a campaign called Summer Sale for traffic',
      response_url: rig.standin.responseUrl(),
    });
  const event = () => rig.messageRequest('1700000000.000100', 'U0ANA', 'hello');

  const bad: Array<[string, SignOptions]> = [
    ['stale (6 minutes old)', { skewSec: -6 * 60 }],
    ['from the future (6 minutes ahead)', { skewSec: 6 * 60 }],
    [
      'tampered after signing',
      { tamper: (raw) => raw.replace('Summer', 'Winter').replace('hello', 'hullo') },
    ],
    ['signed with another secret', { secret: `${SIGNING_SECRET}-not` }],
    ['unsigned', { unsigned: true }],
    ['with a malformed timestamp', { headers: { 'x-slack-request-timestamp': 'yesterday' } }],
  ];

  it.each(bad)('a %s slash command gets 401 and changes nothing', async (_name, options) => {
    const res = await rig.send(command(), options);
    await rig.idle();
    expect(res.status).toBe(401);
    expect(res.body).toBe('');
    expect(rig.standin.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(await keysUnder(rig.keys.prefix)).toEqual([]);
  });

  it.each(bad)('a %s Events API request gets 401 and changes nothing', async (_name, options) => {
    const res = await rig.send(event(), options);
    await rig.idle();
    expect(res.status).toBe(401);
    expect(rig.standin.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(await keysUnder(rig.keys.prefix)).toEqual([]);
  });

  it('the same request, signed correctly now, is accepted and acted on', async () => {
    const res = await rig.command('Create a campaign called Summer Sale for traffic', 'U0ANA');
    expect(res.status).toBe(200);
    expect(rig.standin.callsTo('chat.postMessage').length).toBeGreaterThanOrEqual(2);
    expect((await keysUnder(rig.keys.prefix)).length).toBeGreaterThan(0);
  });

  it('a signed timestamp 4 minutes old is still inside Slack’s 5-minute window', async () => {
    const res = await rig.send(command(), { skewSec: -4 * 60 });
    await rig.idle();
    expect(res.status).toBe(200);
    expect(rig.standin.callsTo('chat.postMessage').length).toBeGreaterThanOrEqual(2);
  });

  it('answers Slack’s url_verification handshake only when signed', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' });
    const ok = await rig.send({ body, contentType: 'application/json' });
    expect(ok).toEqual({ status: 200, body: JSON.stringify({ challenge: 'c-123' }) });
    const unsigned = await rig.send({ body, contentType: 'application/json' }, { unsigned: true });
    expect(unsigned.status).toBe(401);
  });
});
