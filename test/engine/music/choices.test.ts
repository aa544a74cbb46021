import { type MusicItem, musicListText } from '../../../src/engine/music/choices';

const upload: MusicItem = { id: '7301', file_name: 'jingle.mp3', source: 'upload', duration: 12.4 };
const track: MusicItem = {
  id: 'music_123',
  file_name: 'Upbeat Summer Pop.mp3',
  source: 'library',
  author: 'Loop Studio',
  style: 'POP',
  duration: 35,
};

describe('musicListText', () => {
  it('numbers uploads then library tracks, and says how to pick or upload on the platform', () => {
    const console = musicListText([upload, track], 'console').split('\n');
    expect(console).toEqual([
      "Music you can use (your uploads newest first, then TikTok's commercial music):",
      '#1  7301  jingle.mp3 · your upload · 12 s',
      '#2  music_123  Upbeat Summer Pop.mp3 · Loop Studio · POP · 35 s',
      'Pick by number (e.g. #2), in words (the upbeat one) or by id; or to use your own track, type /upload path/to/track.mp3.',
    ]);
    const slack = musicListText([track], 'slack');
    expect(slack).toContain("Music you can use (TikTok's commercial music):");
    expect(slack).toContain('attach the MP3 (at most 10 MB) to a message in this thread');
    expect(slack).not.toContain('/upload');
  });

  it('with nothing to list, says how to get a track', () => {
    expect(musicListText([], 'discord')).toBe(
      'Your TikTok account has no music for carousels yet, and TikTok listed none from its library: to use your own track, attach the MP3 (at most 10 MB) to a message in this thread.',
    );
  });
});
