import { scrubClientText } from '../../src/logging/client-text';

describe('scrubClientText', () => {
  it('omits everything from the first quoted body on', () => {
    expect(
      scrubClientText(
        'http request body: {"text":"Link here: https://bot/oauth/tiktok/start?link=abc"}',
      ),
    ).toBe('http request body: [body omitted]');
    expect(scrubClientText('ack() call begins (body: {"type":"block_actions"})')).toBe(
      'ack() call begins [body omitted]',
    );
    expect(scrubClientText('http request result: [1,2]')).toBe(
      'http request result: [body omitted]',
    );
  });

  it('redacts secret query parameters anywhere in the line', () => {
    expect(
      scrubClientText(
        'GET /oauth/tiktok/callback?auth_code=C0DE&state=S7&x=1 and ?link=L1NK&token=t',
      ),
    ).toBe(
      'GET /oauth/tiktok/callback?auth_code=[redacted]&state=[redacted]&x=1 and ?link=[redacted]&token=[redacted]',
    );
    expect(scrubClientText('url https://a/b?Access_Token=zz')).toBe(
      'url https://a/b?Access_Token=[redacted]',
    );
  });

  it('redacts Slack tokens and Authorization values, keeping the scheme', () => {
    expect(scrubClientText('using xoxb-123-456-abcDEF and xapp-1-A0-xyz')).toBe(
      'using [redacted] and [redacted]',
    );
    expect(scrubClientText('header Bearer abcdefgh.ijk and Bot MTIzNDU2Nzg5MA')).toBe(
      'header Bearer [redacted] and Bot [redacted]',
    );
  });

  it('leaves harmless text alone (a short word after Bot, a plain URL)', () => {
    expect(scrubClientText('Bot ready at https://slack.com/api/chat.postMessage')).toBe(
      'Bot ready at https://slack.com/api/chat.postMessage',
    );
  });
});
