import { MESSAGE_TEXTS } from '../../../src/engine/turn/message-texts';

describe('MESSAGE_TEXTS', () => {
  it('names the ad already submitted, or "?" when its id is unknown', () => {
    expect(MESSAGE_TEXTS.alreadySubmitted('ad-1')).toBe(
      'This ad was already submitted (ad ad-1). Start a new one with /tiktok-ad.',
    );
    expect(MESSAGE_TEXTS.alreadySubmitted(undefined)).toContain('(ad ?)');
  });

  it('names who must link: the display name, else the id', () => {
    expect(MESSAGE_TEXTS.awaitingLink({ id: 'U1', name: 'Rita' })).toMatch(
      /^The draft is approved and waits for Rita to link a TikTok account/,
    );
    expect(MESSAGE_TEXTS.awaitingLink({ id: 'U1' })).toContain('waits for U1 to link');
  });

  it('a pick with no list open quotes the words and says how to get a list', () => {
    expect(MESSAGE_TEXTS.noListOpen('  #2 ', true)).toBe(
      'There is no list open to pick “#2” from. Say “show me the music” for a numbered music list; the media question shows your library to pick from.',
    );
    expect(MESSAGE_TEXTS.noListOpen('#2', false)).toContain('once it is linked');
  });

  it('every refusal to keep a message says the draft is as it was', () => {
    expect(MESSAGE_TEXTS.nothingUploaded).toMatch(/the draft is as it was\.$/);
    expect(MESSAGE_TEXTS.nothingSaved).toMatch(/the draft is as it was\.$/);
  });
});
