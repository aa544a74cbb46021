import type { Platform } from './thread-id';

/**
 * How to do things, said the way they work where the sentence is shown: in Slack and Discord a
 * file is attached to a message in the thread; in the terminal it is `/upload PATH`. Every
 * engine text that tells the user how to upload takes its words from here, so no platform is
 * told about something it does not have.
 */
export function uploadHint(platform: Platform, kind: 'music' | 'image' | 'video'): string {
  if (platform === 'console') {
    const example = { music: 'track.mp3', image: 'photo.jpg', video: 'clip.mp4' }[kind];
    return `type /upload path/to/${example}`;
  }
  const what = {
    music: 'the MP3 (at most 10 MB)',
    image: 'JPEG or PNG images',
    video: 'the MP4 or MOV video',
  }[kind];
  return `attach ${what} to a message in this thread`;
}
