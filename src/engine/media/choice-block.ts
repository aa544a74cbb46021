import { type AdDraft, adFormatOf } from '../../ad/draft';
import type { Block } from '../reply';
import { type LibraryItem, MEDIA_PAGE_SIZE } from './library';

/**
 * The media question's pick list: one page (1-based `page`) of `items` (newest first, numbered
 * across pages), several for a carousel, one video for a single-video ad; `selected` are the
 * ids the draft already has (pre-selected in menus). `null` when the library has nothing.
 */
export function mediaChoiceBlock(
  items: LibraryItem[],
  draft: AdDraft,
  page = 1,
): (Block & { type: 'media_choice' }) | null {
  if (items.length === 0) return null;
  const page_count = Math.ceil(items.length / MEDIA_PAGE_SIZE);
  const current = Math.min(Math.max(1, page), page_count);
  const start = (current - 1) * MEDIA_PAGE_SIZE;
  const single = adFormatOf(draft) === 'SINGLE_VIDEO';
  return {
    type: 'media_choice',
    kind: single ? 'video' : 'image',
    multiple: !single,
    items: items
      .slice(start, start + MEDIA_PAGE_SIZE)
      .map((item, i) => ({ ...item, position: start + i + 1 })),
    total: items.length,
    page: current,
    page_count,
    selected: single ? (draft.video_id ? [draft.video_id] : []) : (draft.image_ids ?? []),
  };
}
