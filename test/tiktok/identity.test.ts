import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EMULATOR_IDENTITY_ID,
  EMULATOR_IDENTITY_NAME,
  EMULATOR_SECOND_ADVERTISER_ID,
  SQUARE_IMAGE_ID,
} from '../../src/tiktok/emulator';
import { type IdentitySettings, readAvatar, resolveIdentity } from '../../src/tiktok/identity';
import { jpegFile, mp3File, pngFile } from '../support/media-files';
import { AUTH, useEmulator } from './helpers';

const h = useEmulator();
const dir = mkdtempSync(join(tmpdir(), 'identity-test-'));

function file(name: string, data: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

describe('readAvatar', () => {
  it('reads a square PNG or JPEG: bytes, file name and side', () => {
    const png = pngFile(200, 200);
    expect(readAvatar(file('logo.png', png))).toEqual({
      file_name: 'logo.png',
      data: png,
      side: 200,
    });
    expect(readAvatar(file('logo.jpg', jpegFile(512, 512))).side).toBe(512);
  });

  it.each([
    ['tall.png', pngFile(200, 300), 'is 200x300; the identity avatar must be square (1:1)'],
    ['song.mp3', mp3File('x'), 'is not a JPEG or PNG image'],
  ])('refuses %s', (name, data, problem) => {
    const path = file(name, data);
    expect(() => readAvatar(path)).toThrow(`${path} ${problem}`);
  });

  it('names a file that cannot be read', () => {
    const path = join(dir, 'missing.png');
    expect(() => readAvatar(path)).toThrow(new RegExp(`^cannot read ${path}: ENOENT`));
  });
});

// identity/create/ takes display_name and a 1:1 image_uri (SDK IdentityCreateBody.md).
describe('resolveIdentity against the emulator', () => {
  const ctx = (identity: IdentitySettings, advertiser_id = AUTH.advertiser_id) => ({
    ads: h.client,
    auth: { ...AUTH, advertiser_id },
    settings: { identity },
  });

  it('uses a configured identity_id, named as identity/get/ lists it', async () => {
    expect(
      await resolveIdentity(ctx({ identity_id: EMULATOR_IDENTITY_ID, display_name: 'Setting' })),
    ).toEqual({ identity_id: EMULATOR_IDENTITY_ID, display_name: EMULATOR_IDENTITY_NAME });
  });

  it("prefers the id an earlier attempt saved, with the setting's name when it is not listed", async () => {
    expect(await resolveIdentity(ctx({ display_name: 'Setting' }), '7299')).toEqual({
      identity_id: '7299',
      display_name: 'Setting',
    });
  });

  it('finds the listed identity by display name, creating nothing', async () => {
    const before = h.emulator.state.identitiesOf(AUTH.advertiser_id).length;
    expect(await resolveIdentity(ctx({ display_name: EMULATOR_IDENTITY_NAME }))).toEqual({
      identity_id: EMULATOR_IDENTITY_ID,
      display_name: EMULATOR_IDENTITY_NAME,
    });
    expect(h.emulator.state.identitiesOf(AUTH.advertiser_id)).toHaveLength(before);
  });

  it('creates a missing identity with the first square library image as avatar', async () => {
    const made = await resolveIdentity(
      ctx({ display_name: 'Fresh Brand' }, EMULATOR_SECOND_ADVERTISER_ID),
    );
    expect(made.display_name).toBe('Fresh Brand');
    expect(h.emulator.state.identitiesOf(EMULATOR_SECOND_ADVERTISER_ID).at(-1)).toMatchObject({
      identity_id: made.identity_id,
      image_uri: SQUARE_IMAGE_ID,
    });
  });

  it('uploads the configured avatar file and creates the identity with it', async () => {
    const avatar_path = file('brand-avatar.png', pngFile(300, 300, 9));
    const made = await resolveIdentity(ctx({ display_name: 'Uploaded Brand', avatar_path }));
    const record = h.emulator.state.identitiesOf(AUTH.advertiser_id).at(-1);
    expect(record?.identity_id).toBe(made.identity_id);
    const image = h.emulator.state.images.get(String(record?.image_uri));
    expect(image).toMatchObject({ file_name: 'brand-avatar.png', width: 300, height: 300 });
  });

  it('refuses a non-square avatar file before creating anything', async () => {
    const avatar_path = file('wide-avatar.png', pngFile(300, 100));
    const before = h.emulator.state.identitiesOf(AUTH.advertiser_id).length;
    await expect(resolveIdentity(ctx({ display_name: 'Wide Brand', avatar_path }))).rejects.toThrow(
      'the identity avatar must be square (1:1)',
    );
    expect(h.emulator.state.identitiesOf(AUTH.advertiser_id)).toHaveLength(before);
  });
});
