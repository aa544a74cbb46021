// The music list people pick from when they have no music id ("I don't know any music IDs"):
// the account's uploads newest first, then TikTok's commercial library, numbered from 1.
import type { AdsApi, MusicInfo, TikTokAuth } from '../../tiktok/ads-api';
import { uploadHint } from '../hints';
import type { Pickable } from '../media/pick-words';
import type { Platform } from '../thread-id';

/** One track offered to pick from. `duration` in seconds. */
export interface MusicItem extends Pickable {
  /** The track's `music_id`. */
  id: string;
  file_name: string;
  /** `upload`: the advertiser's own (`sources` USER); `library`: TikTok's (`sources` SYSTEM). */
  source: 'upload' | 'library';
  author?: string;
  style?: string;
  duration?: number;
}

/** How many tracks the list shows, and what "#n" and words pick from. */
export const MUSIC_LIST_SIZE = 10;

function toItem(music: MusicInfo, source: MusicItem['source']): MusicItem {
  const about = [music.author, music.style].filter((w) => w !== undefined).join(' ');
  return {
    id: music.music_id,
    file_name: music.file_name ?? music.music_id,
    source,
    ...(music.author ? { author: music.author } : {}),
    ...(music.style ? { style: music.style } : {}),
    ...(music.duration !== undefined ? { duration: music.duration } : {}),
    ...(about ? { about } : {}),
  };
}

/**
 * The first {@link MUSIC_LIST_SIZE} tracks a carousel can use: the advertiser's uploads newest
 * first (by `create_time`), then TikTok's commercial library in TikTok's order. The same call
 * gives the same list, so "#2" picks what the list showed as #2.
 * @throws TikTokApiError when TikTok cannot list the music.
 */
export async function musicChoices(ads: AdsApi, auth: TikTokAuth): Promise<MusicItem[]> {
  const { uploads, library } = await ads.listMusic(auth);
  const newestFirst = [...uploads].sort((a, b) =>
    (b.create_time ?? '').localeCompare(a.create_time ?? ''),
  );
  const seen = new Set(newestFirst.map((m) => m.music_id));
  return [
    ...newestFirst.map((m) => toItem(m, 'upload')),
    ...library.filter((m) => !seen.has(m.music_id)).map((m) => toItem(m, 'library')),
  ].slice(0, MUSIC_LIST_SIZE);
}

/** One numbered line: `#2  music_123  Upbeat Summer Pop.mp3 · Emulator Band · POP · 35 s`. */
function line(item: MusicItem, position: number): string {
  const parts = [
    item.file_name,
    item.source === 'upload' ? 'your upload' : item.author,
    item.style,
    item.duration !== undefined ? `${Math.round(item.duration)} s` : undefined,
  ].filter((p) => p !== undefined && p !== '');
  return `#${position}  ${item.id}  ${parts.join(' · ')}`;
}

/**
 * The list as text for every platform: a title, one numbered line per track, and how to pick
 * (by number, in words or by id) or upload instead. With no tracks, how to get one.
 */
export function musicListText(items: MusicItem[], platform: Platform): string {
  const upload = `to use your own track, ${uploadHint(platform, 'music')}`;
  if (items.length === 0)
    return `Your TikTok account has no music for carousels yet, and TikTok listed none from its library: ${upload}.`;
  const uploads = items.some((i) => i.source === 'upload');
  const library = items.some((i) => i.source === 'library');
  const what =
    uploads && library
      ? "your uploads newest first, then TikTok's commercial music"
      : uploads
        ? 'your uploads, newest first'
        : "TikTok's commercial music";
  return [
    `Music you can use (${what}):`,
    ...items.map((item, i) => line(item, i + 1)),
    `Pick by number (e.g. #2), in words (the upbeat one) or by id; or ${upload}.`,
  ].join('\n');
}
