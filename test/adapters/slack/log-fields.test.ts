import { slackErrorCode } from '../../../adapters/slack/log-fields';

describe('slackErrorCode', () => {
  it("reads Slack's error code from a Web API refusal", () => {
    expect(
      slackErrorCode({
        code: 'slack_webapi_platform_error',
        data: { ok: false, error: 'not_in_channel' },
      }),
    ).toBe('not_in_channel');
    expect(slackErrorCode({ code: 'slack_webapi_platform_error', data: {} })).toBe('unknown');
  });

  it('is undefined for anything that is not a refusal', () => {
    expect(slackErrorCode(new Error('socket hang up'))).toBeUndefined();
    expect(slackErrorCode({ code: 'slack_webapi_request_error' })).toBeUndefined();
    expect(slackErrorCode(null)).toBeUndefined();
  });
});
