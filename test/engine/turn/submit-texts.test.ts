import { SUBMIT_TEXTS } from '../../../src/engine/turn/submit-texts';

describe('SUBMIT_TEXTS', () => {
  it('lists the missing fields in order', () => {
    expect(SUBMIT_TEXTS.missing(['ad_text', 'budget'])).toBe(
      'The draft is missing ad_text, budget; it cannot be submitted yet.',
    );
  });

  it("a refused link names the requester, TikTok's code and message, and promises no duplicates", () => {
    expect(
      SUBMIT_TEXTS.linkRefused({ id: 'U1', name: 'Rita' }, 40105, 'Access token expired'),
    ).toBe(
      "TikTok no longer accepts Rita's linked account (code 40105: Access token expired). I won't retry with it; anything already created is kept and will not be created twice.",
    );
    expect(SUBMIT_TEXTS.linkRefused({ id: 'U1' }, 40102, 'x')).toContain("accepts U1's linked");
  });

  it('the checks at submit say nothing was sent and approval is needed again', () => {
    expect(SUBMIT_TEXTS.nothingSent).toBe(
      'Nothing was sent to TikTok. Once this is fixed, the draft needs approval again.',
    );
  });
});
