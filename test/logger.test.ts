import { scrubClientText } from '../src/logging/client-text';
import { LogCapture } from './auth/linking-support';

describe('log redaction (pino redact paths)', () => {
  it('replaces secret fields at the top and one level down, keeping the rest', () => {
    const { logger, lines } = new LogCapture('info');
    logger.info(
      {
        access_token: 'tok-top',
        auth_code: 'code-top',
        state: 'state-top',
        sealed: { ct: 'cipher' },
        req: { headers: { cookie: 'tab_oauth_x=nonce-1', host: 'bot.example.com' } },
        res: { headers: { 'set-cookie': 'tab_oauth_x=nonce-2' } },
        grant: { access_token: 'tok-nested', advertiser_ids: ['7000'] },
        app: { secret: 'app-secret', app_id: 'app-1' },
      },
      'linking',
    );
    const line = lines.join('\n');
    for (const secret of [
      'tok-top',
      'code-top',
      'state-top',
      'cipher',
      'nonce-1',
      'nonce-2',
      'tok-nested',
      'app-secret',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[redacted]');
    expect(line).toContain('bot.example.com');
    expect(line).toContain('7000');
    expect(line).toContain('app-1');
  });
});

describe('secrets inside errors and platform clients’ text', () => {
  it("drops a Redis command's arguments from a logged error and the errors it wraps, keeping its name", () => {
    const { logger, lines } = new LogCapture('info');
    const auth = Object.assign(new Error('WRONGPASS invalid username-password pair'), {
      command: { name: 'hello', args: ['3', 'AUTH', 'default', 'redis-pw-1'] },
    });
    const wrapped = Object.assign(new Error('store down'), {
      errors: [Object.assign(new Error('x'), { command: { name: 'auth', args: ['redis-pw-2'] } })],
    });
    logger.warn({ err: auth }, 'Redis connection error');
    logger.warn({ error: wrapped }, 'wrapped');
    const text = lines.join('\n');
    expect(text).not.toContain('redis-pw-1');
    expect(text).not.toContain('redis-pw-2');
    expect(JSON.parse(lines[0] ?? '{}').err).toMatchObject({
      message: 'WRONGPASS invalid username-password pair',
      command: { name: 'hello', args: '[redacted]' },
    });
  });

  it.each([
    [
      'http request body: {"channel":"D0ANA","text":"http://bot/oauth/tiktok/start?link=L1nk"}',
      'http request body: [body omitted]',
    ],
    ['ack() call begins (body: {"text":"x"})', 'ack() call begins [body omitted]'],
    [
      'GET http://bot/oauth/tiktok/callback?auth_code=C0de&state=St4te done',
      'GET http://bot/oauth/tiktok/callback?auth_code=[redacted]&state=[redacted] done',
    ],
    ['token xoxb-123-456-abc and xapp-1-A0-xyz', 'token [redacted] and [redacted]'],
    ['Authorization: Bot MTIzNDU2Nzg5.abc.def', 'Authorization: Bot [redacted]'],
    ["apiCall('chat.postMessage') start", "apiCall('chat.postMessage') start"],
  ])('scrubs %j', (input, expected) => {
    expect(scrubClientText(input)).toBe(expected);
  });
});
