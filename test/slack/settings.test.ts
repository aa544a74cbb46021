import { SlackSettingsSchema, slackAuthFrom } from '../../adapters/slack';

const parse = (env: Record<string, string>) => SlackSettingsSchema.parse(env);

describe('Slack settings', () => {
  it('is off when nothing is set, and adds the Web API URL’s trailing slash', () => {
    expect(slackAuthFrom(parse({}))).toBeNull();
    expect(parse({ SLACK_API_URL: 'http://127.0.0.1:9/api' }).SLACK_API_URL).toBe(
      'http://127.0.0.1:9/api/',
    );
    expect(parse({}).SLACK_COMMAND).toBe('/tiktok-ad');
  });

  it('chooses one workspace or OAuth installs, and names what is missing', () => {
    expect(slackAuthFrom(parse({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }))).toEqual({
      kind: 'token',
      botToken: 'xoxb-1',
    });
    expect(
      slackAuthFrom(
        parse({
          SLACK_SIGNING_SECRET: 's',
          SLACK_CLIENT_ID: 'c',
          SLACK_CLIENT_SECRET: 'cs',
          SLACK_STATE_SECRET: 'st',
        }),
      ),
    ).toEqual({ kind: 'oauth', clientId: 'c', clientSecret: 'cs', stateSecret: 'st' });
    expect(() => slackAuthFrom(parse({ SLACK_BOT_TOKEN: 'xoxb-1' }))).toThrow(
      /SLACK_SIGNING_SECRET is required/,
    );
    expect(() => slackAuthFrom(parse({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'c' }))).toThrow(
      /SLACK_CLIENT_SECRET/,
    );
    expect(() => slackAuthFrom(parse({ SLACK_APP_TOKEN: 'xapp-1' }))).toThrow(
      /SLACK_BOT_TOKEN is required/,
    );
    expect(() => parse({ SLACK_COMMAND: 'tiktok' })).toThrow();
  });
});
