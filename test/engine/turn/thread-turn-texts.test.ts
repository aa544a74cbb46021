import { THREAD_TURN_TEXTS } from '../../../src/engine/turn/thread-turn-texts';

describe('THREAD_TURN_TEXTS', () => {
  it('a lost draft and a missing draft both point at /tiktok-ad', () => {
    expect(THREAD_TURN_TEXTS.draftLost).toMatch(/Start again with \/tiktok-ad\.$/);
    expect(THREAD_TURN_TEXTS.noDraft).toMatch(/Start a new one with \/tiktok-ad\.$/);
  });

  it('each resumed submission says why and that nothing is created twice', () => {
    expect(THREAD_TURN_TEXTS.resumedStoreBack).toMatch(/^Storage answers again/);
    expect(THREAD_TURN_TEXTS.resumedRestart).toMatch(/^The bot restarted while submitting/);
    for (const said of [THREAD_TURN_TEXTS.resumedStoreBack, THREAD_TURN_TEXTS.resumedRestart])
      expect(said).toContain('Nothing is created twice.');
  });
});
