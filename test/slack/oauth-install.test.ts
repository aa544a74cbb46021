import { TestLinking } from '../support/test-linking';
import { CHANNEL, SlackRig, TEAM } from './slack-rig';

describe('Slack: many workspaces through the OAuth install', () => {
  let rig: SlackRig;
  afterEach(() => rig.close());

  it('installs through /slack/install and /slack/oauth_redirect, keeps the installation in Redis, and answers with its token', async () => {
    rig = await SlackRig.start({ access: new TestLinking(), oauth: true });

    // Before any install the workspace has no token: a command does nothing.
    await rig.command('Create a campaign called Summer Sale for traffic', 'U0ANA');
    expect(rig.standin.callsTo('chat.postMessage')).toEqual([]);

    const start = await fetch(`${rig.url}/slack/install`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') ?? '');
    expect(authorize.origin + authorize.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorize.searchParams.get('client_id')).toBe('111.222');
    expect(authorize.searchParams.get('scope')?.split(',')).toContain('reactions:read');
    const state = authorize.searchParams.get('state') ?? '';
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    // A callback with a forged state is refused and stores nothing.
    const forged = await fetch(`${rig.url}/slack/oauth_redirect?code=good-code&state=forged`, {
      headers: { cookie },
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(rig.standin.callsTo('oauth.v2.access')).toEqual([]);

    const done = await fetch(
      `${rig.url}/slack/oauth_redirect?code=good-code&state=${encodeURIComponent(state)}`,
      { headers: { cookie } },
    );
    expect(done.status).toBe(200);
    expect(rig.standin.callsTo('oauth.v2.access')).toHaveLength(1);
    const stored = await rig.store.get<{ bot?: { token?: string } }>(
      `${rig.keys.prefix}slack:installation:T:${TEAM}`,
    );
    expect(stored?.bot?.token).toBe(`xoxb-installed-${TEAM}`);

    await rig.command('Create a campaign called Summer Sale for traffic', 'U0ANA');
    const posts = rig.standin.callsTo('chat.postMessage');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(posts.map((p) => p.token))).toEqual(new Set([`xoxb-installed-${TEAM}`]));
    expect(rig.standin.messagesIn(CHANNEL, rig.lastRoot().ts).length).toBeGreaterThan(0);
  });
});
