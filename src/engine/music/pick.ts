// A pick from the music list in plain words ("#2", "the second one", "the upbeat one"), made
// only while that list is open and the message names no music id of its own.
import type { ProposalUpdates } from '../../model/proposal';
import type { AdsApi, TikTokAuth } from '../../tiktok/ads-api';
import { pickFromWords } from '../media/pick-words';
import { type MusicItem, musicChoices } from './choices';

/** A music id as TikTok (`7123456…`) or the emulator (`music_pop_2024`) spells one. */
const MUSIC_ID = /^(?:music_[a-z0-9_]+|\d{3,20})$/i;

/**
 * Whether a message may be a pick from the open music list: it sets no other field, chooses
 * neither "no music" nor an upload, and its `music_id` (if any) is words rather than an id
 * (a model may copy "the upbeat one" there).
 */
export function mayPickMusic(updates: ProposalUpdates, listOpen: boolean): boolean {
  if (!listOpen || updates.music === 'none' || updates.music === 'custom') return false;
  if (updates.music_id !== null && MUSIC_ID.test(updates.music_id.trim())) return false;
  return Object.entries(updates).every(
    ([field, value]) => value === null || field === 'music' || field === 'music_id',
  );
}

/**
 * The track `message` picks from the music list as it was shown (same call, same order), or
 * `null` when the words pick none.
 * @throws TikTokApiError when TikTok cannot list the music.
 */
export async function pickMusic(
  message: string,
  ads: AdsApi,
  auth: TikTokAuth,
): Promise<MusicItem | null> {
  const items = await musicChoices(ads, auth);
  return pickFromWords(message, items, true)[0] ?? null;
}
