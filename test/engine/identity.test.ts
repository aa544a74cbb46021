import { SQUARE_IMAGE_ID } from '../../src/tiktok/emulator';
import { blocksOf, CAROUSEL_SCRIPT, Harness } from '../support/harness';

describe('the identity an approved ad runs under', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('creates a missing identity with a square avatar, and names it on the ad', async () => {
    h = await Harness.start({ settings: { identity: { display_name: 'New Brand' } } });
    const t = h.thread();
    await t.script(CAROUSEL_SCRIPT);
    const replies = await t.act('approve');
    expect(blocksOf(replies).some((b) => b.type === 'result')).toBe(true);

    const created = h.emulator.state
      .identitiesOf((await t.state())?.submission?.advertiser_id ?? '')
      .find((i) => i.display_name === 'New Brand');
    expect(created).toMatchObject({ identity_type: 'CUSTOMIZED_USER', image_uri: SQUARE_IMAGE_ID });
    const ad = [...h.emulator.state.ads.values()].at(-1);
    expect(ad).toMatchObject({ identity_id: created?.identity_id, display_name: 'New Brand' });
  });

  it('sends the existing identity name as display_name', async () => {
    h = await Harness.start();
    const t = h.thread();
    await t.script(CAROUSEL_SCRIPT);
    await t.act('approve');
    const ad = [...h.emulator.state.ads.values()].at(-1);
    expect(ad).toMatchObject({
      identity_id: '7200000000000000001',
      display_name: 'Emulator Brand',
    });
    expect(h.emulator.counts().calls['identity/create/']).toBeUndefined();
  });
});
