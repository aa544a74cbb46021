import { musicAnswer } from '../../../src/engine/music/answer';
import { testSettings } from '../../support/harness';
import { AUTH, useEmulator } from '../../tiktok/helpers';

const h = useEmulator();
const settings = testSettings();

describe('musicAnswer (emulator over HTTP)', () => {
  it('unlinked: says the list comes with the link, offers Link account, then the rules', async () => {
    const { block, listed } = await musicAnswer(h.client, null, {}, settings, 'slack');
    expect(listed).toBe(false);
    expect(block.text).toMatch(
      /^The music list comes from your TikTok account, which is not linked yet/,
    );
    expect(block.text).toContain('\nOr, without the list: music makes the ad an image carousel');
    expect(block.actions).toEqual([{ action_id: 'link_account', label: 'Link account' }]);
  });

  it('waiting for the advertiser pick: no link button', async () => {
    const { block } = await musicAnswer(h.client, null, {}, settings, 'slack', 'advertiser');
    expect(block.text).toMatch(/^The music list comes from the advertiser account this ad uses/);
    expect(block.actions).toBeUndefined();
  });

  it('linked: the numbered list from TikTok, with "no music" only for Traffic', async () => {
    const traffic = await musicAnswer(
      h.client,
      AUTH,
      { objective_type: 'TRAFFIC' },
      settings,
      'console',
    );
    expect(traffic.listed).toBe(true);
    expect(traffic.block.text).toMatch(/^Music you can use \(TikTok's commercial music\):\n#1 {2}/);
    expect(traffic.block.text).toContain('#2  music_123  Upbeat Summer Pop.mp3');
    expect(traffic.block.text).toContain('Or say “no music”');
    const conversions = await musicAnswer(
      h.client,
      AUTH,
      { objective_type: 'WEB_CONVERSIONS' },
      settings,
      'console',
    );
    expect(conversions.block.text).not.toContain('no music');
  });

  it('TikTok failing: the rules with the code and to ask again, never a throw', async () => {
    h.emulator.faults.set({ kind: 'server', times: 20 });
    const { block, listed } = await musicAnswer(h.client, AUTH, {}, settings, 'slack');
    expect(listed).toBe(false);
    expect(block.text).toMatch(
      /\(TikTok could not list the music just now, code \d+; ask again in a moment\.\)$/,
    );
  });
});
