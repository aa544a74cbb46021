import { resumeAfterLink } from '../../../src/engine/music/after-link';
import { stateOf } from '../../support/thread-states';
import { AUTH, useEmulator } from '../../tiktok/helpers';
import { turnRig } from '../turn/turn-rig';

const h = useEmulator();
const account = () => ({ access_token: AUTH.access_token, advertiser_ids: [AUTH.advertiser_id] });

describe('resumeAfterLink (emulator over HTTP)', () => {
  it('no music list was asked for: just the next question', async () => {
    const rig = turnRig({ account: account(), ads: h.client });
    const next = await resumeAfterLink(rig.steps, stateOf());
    expect(next.last_question).toBe('campaign_name');
    expect(next.music_listed).toBeUndefined();
    expect(rig.said()).not.toContain('music list');
  });

  it('asked before linking: the numbered list now, then the next question', async () => {
    const rig = turnRig({ account: account(), ads: h.client });
    const state = stateOf({ music_list_wanted: true });
    const next = await resumeAfterLink(rig.steps, state);
    expect(next.music_list_wanted).toBeUndefined();
    expect(next.music_listed).toBe(true);
    expect(rig.said()).toMatch(
      /^You asked for the music list before linking; here it is\.\nMusic you can use/,
    );
    expect(next.last_question).toBe('campaign_name');
  });

  it('music already chosen: the wish is dropped, no list', async () => {
    const rig = turnRig({ account: account(), ads: h.client });
    const state = stateOf({ music_list_wanted: true, draft: { music: { kind: 'none' } } });
    const next = await resumeAfterLink(rig.steps, state);
    expect(next.music_list_wanted).toBeUndefined();
    expect(next.music_listed).toBeUndefined();
    expect(rig.said()).not.toContain('here it is');
  });
});
