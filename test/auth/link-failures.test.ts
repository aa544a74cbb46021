import { failure, type LinkFailureReason } from '../../src/auth/link-failures';

const NEW_LINK = 'Ask the bot for a new link (the Link account button, or /link).';

describe('failure', () => {
  it('gives the page for a reason with a fresh 8-hex reference', () => {
    const page = failure('expired_state');
    expect(page).toEqual({
      reason: 'expired_state',
      status: 400,
      title: 'This sign-in took too long',
      message: `Sign-ins must finish within 10 minutes. ${NEW_LINK}`,
      ref: expect.stringMatching(/^[0-9a-f]{8}$/),
    });
    expect(failure('expired_state').ref).not.toBe(page.ref);
  });

  it('appends the detail in parentheses', () => {
    expect(failure('missing_scopes', 'upload music, read music').message).toBe(
      `Keep every permission ticked on TikTok's page. Nothing was linked. ${NEW_LINK} (upload music, read music)`,
    );
  });

  it.each<[LinkFailureReason, number, string]>([
    ['unknown_link', 400, 'This link no longer works'],
    ['missing_state', 400, 'This page was opened without its sign-in details'],
    ['unknown_state', 400, 'This sign-in was already used or is unknown'],
    ['no_cookie', 403, 'Finish in the browser where you opened the link'],
    ['cookie_mismatch', 403, 'Finish in the browser where you opened the link'],
    ['link_used', 400, 'This link was already used'],
    ['missing_code', 400, 'TikTok did not send an authorization'],
    ['bad_code', 400, 'TikTok did not accept this authorization'],
    ['no_advertiser', 400, 'No advertiser account was shared'],
    ['exchange_failed', 502, 'TikTok could not finish the sign-in'],
  ])('%s answers HTTP %i titled "%s" and says how to get a new link', (reason, status, title) => {
    const page = failure(reason);
    expect(page).toMatchObject({ reason, status, title });
    expect(page.message.endsWith(NEW_LINK)).toBe(true);
  });

  it('tells the two cookie failures apart by their message', () => {
    expect(failure('no_cookie').message).toBe(
      `For your safety, linking must end in the same browser it started in. ${NEW_LINK}`,
    );
    expect(failure('cookie_mismatch').message).toBe(
      `This browser did not start this sign-in. ${NEW_LINK}`,
    );
  });
});
