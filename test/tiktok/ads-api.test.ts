import { MUSIC_DOWNLOAD_FORBIDDEN } from '../../src/tiktok/ads-api';
import { DOWNLOAD_FORBIDDEN_MUSIC_ID, SYSTEM_MUSIC } from '../../src/tiktok/emulator';

// bububa/tiktok-business model/file/music/music.go, `Copyright`: the two download flags.
describe('MUSIC_DOWNLOAD_FORBIDDEN', () => {
  it("is TikTok's flag for music that may not be downloaded, nor a video made with it", () => {
    expect(MUSIC_DOWNLOAD_FORBIDDEN).toBe('MUSIC_FORBID_VIDEO_FORBID');
  });

  it('is the flag the emulator gives its download-forbidden track', () => {
    const track = SYSTEM_MUSIC.find((m) => m.music_id === DOWNLOAD_FORBIDDEN_MUSIC_ID);
    expect(track?.copyright).toBe(MUSIC_DOWNLOAD_FORBIDDEN);
  });
});
