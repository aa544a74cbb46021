import { uploadHint } from '../../src/engine/hints';

describe('uploadHint', () => {
  it('tells the terminal to use /upload with an example file of the kind', () => {
    expect(uploadHint('console', 'music')).toBe('type /upload path/to/track.mp3');
    expect(uploadHint('console', 'image')).toBe('type /upload path/to/photo.jpg');
    expect(uploadHint('console', 'video')).toBe('type /upload path/to/clip.mp4');
  });

  it.each(['slack', 'discord'] as const)(
    'tells %s to attach the file in the thread',
    (platform) => {
      expect(uploadHint(platform, 'music')).toBe(
        'attach the MP3 (at most 10 MB) to a message in this thread',
      );
      expect(uploadHint(platform, 'image')).toBe(
        'attach JPEG or PNG images to a message in this thread',
      );
      expect(uploadHint(platform, 'video')).toContain('MP4 or MOV');
      expect(uploadHint(platform, 'video')).not.toContain('/upload');
    },
  );
});
