/**
 * Preview URLs the emulator serves for its library, like TikTok's `image_url`,
 * `video_cover_url` and `preview_url` (docs/tiktok-api.md §9; TikTok's expire after hours,
 * these do not). Uploaded items answer with their own bytes; seeded ones with a small PNG of
 * the same shape (a 20th of the size), so chat thumbnails have something real to show. Uploaded
 * music answers with its MP3 at the track's `url`.
 */
import type { Request, Response } from 'express';
import { solidPng } from './media-bytes';
import type { EmulatorState } from './state';

/** `GET <base>/preview/<kind>/<id>` for a library item. */
export function previewUrl(
  state: EmulatorState,
  kind: 'image' | 'video' | 'cover' | 'music',
  id: string,
): string {
  return `${state.baseUrl ?? 'http://emulator.invalid'}/preview/${kind}/${encodeURIComponent(id)}`;
}

const TYPES: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
};

/** Serves `GET /preview/:kind/:id`; 404 text for an unknown item. */
export function previewHandler(state: EmulatorState) {
  return (req: Request, res: Response): void => {
    const kind = String(req.params.kind);
    const id = String(req.params.id);
    if (kind === 'music') {
      const track = state.music.get(id);
      if (track?.data) res.type('audio/mpeg').send(track.data);
      else res.status(404).type('text/plain').send('page not found');
      return;
    }
    const item = kind === 'image' ? state.images.get(id) : state.videos.get(id);
    if (!item || !['image', 'video', 'cover'].includes(kind)) {
      res.status(404).type('text/plain').send('page not found');
      return;
    }
    if (kind !== 'cover' && item.data) {
      res.type(TYPES[item.format] ?? 'application/octet-stream').send(item.data);
      return;
    }
    const w = Math.max(1, Math.round(item.width / 20));
    const h = Math.max(1, Math.round(item.height / 20));
    res.type('image/png').send(solidPng(w, h, [0x25, 0xf4, 0xee]));
  };
}
