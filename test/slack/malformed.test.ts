import Redis from 'ioredis';
import { slackBodyProblem } from '../../adapters/slack/malformed';
import { eventRequest, FORM } from '../standins/slack-requests';
import { TEST_REDIS_URL } from '../support/harness';
import { TestLinking } from '../support/test-linking';
import { SlackRig, TEAM } from './slack-rig';

async function keysUnder(prefix: string): Promise<string[]> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    return await redis.keys(`${prefix}*`);
  } finally {
    redis.disconnect();
  }
}

/** A correctly signed Events API envelope whose `event` is the given JSON text. */
const withEvent = (eventJson: string) => {
  const request = eventRequest(TEAM, { type: 'placeholder' });
  return { ...request, body: request.body.replace('{"type":"placeholder"}', eventJson) };
};

describe('Slack: a signed but malformed request gets 400, not 500', () => {
  let rig: SlackRig;
  beforeEach(async () => {
    rig = await SlackRig.start({ access: new TestLinking() });
  });
  afterEach(() => rig.close());

  it.each([
    ['"event": null', 'null'],
    ['"event": "x"', '"x"'],
    [
      'a reaction whose item is null',
      '{"type":"reaction_added","user":"U0ANA","reaction":"white_check_mark","item":null}',
    ],
  ])('%s → 400, and nothing is stored or posted', async (_name, eventJson) => {
    const res = await rig.send(withEvent(eventJson));
    await rig.idle();
    expect(res.status).toBe(400);
    expect(rig.standin.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(await keysUnder(rig.keys.prefix)).toEqual([]);
  });

  it('an interactivity payload of null → 400', async () => {
    const res = await rig.send({ body: 'payload=null', contentType: FORM });
    expect(res.status).toBe(400);
  });

  it("an interactivity payload of {} → a prompt 400 (not Bolt's 404 after 3 s), nothing stored", async () => {
    const res = await rig.send({ body: 'payload=%7B%7D', contentType: FORM });
    await rig.idle();
    expect(res.status).toBe(400);
    expect(rig.standin.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(await keysUnder(rig.keys.prefix)).toEqual([]);
  });

  it('an events envelope with no event, command or type → 400', async () => {
    const res = await rig.send({ body: '{"team_id":"T0ACME"}', contentType: 'application/json' });
    expect(res.status).toBe(400);
  });

  it('the same envelope with a real event is still accepted (200)', async () => {
    const res = await rig.send(
      withEvent(
        '{"type":"reaction_added","user":"U0ANA","reaction":"tada","item":{"type":"message","channel":"C0MARKETING","ts":"1.2"}}',
      ),
    );
    expect(res.status).toBe(200);
  });

  it('an unsigned malformed request is still 401: the signature is checked first', async () => {
    const res = await rig.send(withEvent('null'), { unsigned: true });
    expect(res.status).toBe(401);
  });
});

describe('slackBodyProblem', () => {
  it('names what is wrong, and passes what Slack sends', () => {
    expect(slackBodyProblem(null)).toBe('the body is not a JSON object');
    expect(slackBodyProblem({ type: 'event_callback', event: null })).toBe(
      '`event` is not an object',
    );
    expect(slackBodyProblem({ event: { type: 'message', channel: null } })).toBe(
      '`event.channel` is null',
    );
    expect(slackBodyProblem({ type: 'event_callback', event: { type: 'message' } })).toBeNull();
    expect(slackBodyProblem({ type: 'block_actions', actions: [] })).toBeNull();
    expect(slackBodyProblem({ command: '/tiktok-ad', text: '' })).toBeNull();
    expect(slackBodyProblem({})).toBe(
      'no `event`, `command`, `type`, `actions` or `name`: not a request Slack sends',
    );
  });
});
