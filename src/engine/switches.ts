// Changes that make another field required or wrong (Traffic → Conversions without music, music
// added to a single video, music removed from a carousel): the change is taken, the field it
// broke is cleared, and what the draft now needs is said, so the next question asks for it.
import { type AdDraft, adFormatOf } from '../ad/draft';
import { crossFieldViolations } from '../ad/draft-rules';
import type { Violation } from '../ad/violation';

/** What settling a turn's switches adds to the turn's reply. */
export interface Settled {
  /** Changes refused (the field keeps its old value), each with the rule it broke. */
  violations: Violation[];
  /**
   * What a taken change cleared and what the draft needs now, e.g. "Conversions ads need music,
   * so “no music” no longer fits … Still needed now: music, then images." Shown before the
   * next question; the draft is not ready until the cleared fields are given again.
   */
  follow_ups: string[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Settles `next` (the draft after this turn's field changes; mutated) against the rules across
 * fields, comparing with `before` (the saved draft):
 * - Conversions with "no music" (a product rule, see `crossFieldViolations`): when this turn
 *   chose "no music" itself, that choice is refused and the old music kept; when the objective
 *   was switched to Conversions over an earlier "no music", the switch is taken, "no music"
 *   is cleared, and so is a single video (with music the ad is an image carousel).
 * - Media that no longer fits the format the music implies (a video once there is music,
 *   images once there is none) are cleared, naming them and what to pick instead.
 */
export function settleSwitches(before: AdDraft, next: AdDraft): Settled {
  const violations: Violation[] = [];
  const follow_ups: string[] = [];
  const broken = crossFieldViolations(next);
  if (broken.length > 0) {
    if (!same(next.music, before.music)) {
      violations.push(...broken);
      if (before.music) next.music = before.music;
      else delete next.music;
    } else {
      delete next.music;
      // Conversions always has music, so always a carousel: a single video cannot stay.
      const media = next.video_id ? describeMedia(next) : null;
      if (media) clearMedia(next);
      follow_ups.push(
        media
          ? `Conversions ads need music, so “no music” no longer fits; with music the ad is an image carousel, so ${media} set aside too. Still needed now: music, then carousel images.`
          : 'Conversions ads need music, so “no music” no longer fits. Still needed now: music.',
      );
    }
  }
  if (!mediaFitsFormat(next)) {
    const media = describeMedia(next);
    clearMedia(next);
    if (media) {
      follow_ups.push(
        adFormatOf(next) === 'CAROUSEL_ADS'
          ? `With music the ad is an image carousel, so ${media} set aside. Still needed now: carousel images.`
          : `Without music the ad is a single video, so ${media} set aside. Still needed now: one video.`,
      );
    }
  }
  return { violations, follow_ups };
}

/** False when the chosen media no longer suit the format the music implies. */
function mediaFitsFormat(draft: AdDraft): boolean {
  const format = adFormatOf(draft);
  if (format === 'CAROUSEL_ADS') return !draft.video_id;
  if (format === 'SINGLE_VIDEO') return !draft.image_ids || !!draft.video_id;
  return true;
}

/**
 * "the video vid_1 (cover img_1) was", "the images img_1, img_2 were" (to be followed by
 * "set aside"), or `null` when none is chosen.
 */
function describeMedia(draft: AdDraft): string | null {
  if (draft.video_id) {
    const cover = draft.image_ids?.[0];
    return `the video ${draft.video_id}${cover ? ` (cover ${cover})` : ''} was`;
  }
  const images = draft.image_ids ?? [];
  if (images.length === 0) return null;
  return images.length === 1
    ? `the image ${images[0]} was`
    : `the images ${images.join(', ')} were`;
}

/** Clears the chosen media; ids still to look up stay (the lookup checks them against the format). */
function clearMedia(draft: AdDraft): void {
  delete draft.image_ids;
  delete draft.video_id;
}
