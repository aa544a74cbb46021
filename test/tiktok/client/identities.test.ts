import { IdentityCalls } from '../../../src/tiktok/client/identities';
import { TikTokTransport } from '../../../src/tiktok/client/transport';
import {
  EMULATOR_IDENTITY_ID,
  EMULATOR_IDENTITY_NAME,
  EMULATOR_SECOND_ADVERTISER_ID,
  SQUARE_IMAGE_ID,
} from '../../../src/tiktok/emulator';
import { AUTH, apiError, useEmulator } from '../helpers';

const h = useEmulator();

const identities = () =>
  new IdentityCalls(new TikTokTransport({ baseUrl: h.baseUrl, sleep: async () => {} }));

describe('IdentityCalls against the emulator', () => {
  it("lists the advertiser's CUSTOMIZED_USER identities", async () => {
    expect(await identities().listIdentities(AUTH)).toEqual([
      { identity_id: EMULATOR_IDENTITY_ID, display_name: EMULATOR_IDENTITY_NAME },
    ]);
  });

  it('creates an identity with a square avatar, listed afterwards for that advertiser only', async () => {
    const second = { ...AUTH, advertiser_id: EMULATOR_SECOND_ADVERTISER_ID };
    const created = await identities().createIdentity(second, 'Acme Shop', SQUARE_IMAGE_ID);
    expect(created.display_name).toBe('Acme Shop');
    expect(created.identity_id).toMatch(/^\d{19}$/);
    expect(await identities().listIdentities(second)).toContainEqual(created);
    expect(await identities().listIdentities(AUTH)).not.toContainEqual(created);
  });

  it('sends image_uri only when given: without it the emulator, like the SDK, refuses', async () => {
    const err = await apiError(identities().createIdentity(AUTH, 'No avatar'));
    expect(err.tiktok_code).toBe(40002);
    expect(err.tiktok_message).toBe('Missing required field(s): image_uri.');
  });

  it('passes on the refusal of a non-square avatar', async () => {
    const err = await apiError(identities().createIdentity(AUTH, 'Tall avatar', 'img_summer_1'));
    expect(err.tiktok_message).toBe(
      "image_uri: the avatar's width and height ratio must be 1:1 (got 1080x1920).",
    );
  });
});
