import type { AdDraft, DraftField, MusicChoice } from '../ad/draft';
import { adFormatOf, DRAFT_FIELDS } from '../ad/draft';
import {
  type Checked,
  checkAdText,
  checkBudget,
  checkCallToAction,
  checkCampaignName,
  checkLandingPageUrl,
  checkObjective,
} from '../ad/field-rules';
import { checkCarouselImages, checkSingleVideo } from '../ad/media-rules';
import type { Violation } from '../ad/violation';
import type { ProposalUpdates } from '../model/proposal';
import { type AdsApi, MUSIC_DOWNLOAD_FORBIDDEN, type TikTokAuth } from '../tiktok/ads-api';
import { uploadHint } from './hints';
import { libraryFor } from './media/library';
import { splitMediaIds } from './media/media-ids';
import { pickFromWords } from './media/pick-words';
import type { Uploaded } from './media/uploads';
import { mayPickMusic, pickMusic } from './music/pick';
import type { EngineSettings } from './settings';
import { settleSwitches } from './switches';
import type { Platform } from './thread-id';

/** What applying one turn's updates did. The input draft is never mutated. */
export interface AppliedUpdates {
  draft: AdDraft;
  /** Fields whose value changed. */
  changed: DraftField[];
  /** Updates refused, each with the rule it broke; those fields keep their old value. */
  violations: Violation[];
  /** Short confirmations to show, e.g. "TikTok confirmed music music_123." */
  notes: string[];
  /**
   * What a change this turn took cleared, and what the draft needs now (see `switches.ts`),
   * e.g. after Traffic → Conversions over "no music". Absent when nothing was cleared.
   */
  follow_ups?: string[];
}

/** What applying updates may call: TikTok (music, media) with the requester's credentials. */
export interface ApplyContext {
  ads: AdsApi;
  /** `null` when the requester has no linked TikTok account yet. */
  auth: TikTokAuth | null;
  settings: EngineSettings;
  /** Where the texts are shown (upload hints differ); default `console`. */
  platform?: Platform;
  /** What this message's attached files became on TikTok (see `media/uploads.ts`). */
  uploaded?: Uploaded;
  /** The user's words, to read library picks in plain words ("the first two", "#1 and #3"). */
  message?: string;
  /** The bot's open question is the media one (a bare answer is about media). */
  media_question_open?: boolean;
  /** The music list was shown and no music chosen since ("#2" picks from it). */
  music_list_open?: boolean;
}

/**
 * Applies a model's proposed updates (and attached files) to a draft, field by field, through
 * the ad rules. The model proposes; this decides: a value that breaks a rule is refused with a
 * violation and the field keeps its old value. Music ids are confirmed with TikTok and custom
 * tracks uploaded before they are accepted; media ids are checked against the library.
 * A change that makes another field required or wrong is taken and that field cleared, with a
 * follow-up saying what is needed now (Traffic → Conversions over "no music", music added to a
 * single video, music removed from a carousel); "no music" chosen on Conversions is refused.
 *
 * @throws TikTokApiError when TikTok fails while confirming music or media (the caller turns it
 *   into a remediation and saves nothing from this turn).
 */
export async function applyUpdates(
  draft: AdDraft,
  updates: ProposalUpdates,
  ctx: ApplyContext,
): Promise<AppliedUpdates> {
  const next: AdDraft = structuredClone(draft);
  const violations: Violation[] = [];
  const notes: string[] = [];
  takePlainFields(next, updates, ctx.settings, violations);
  if (ctx.uploaded) notes.push(...ctx.uploaded.notes);
  const music = ctx.uploaded?.music
    ? { choice: ctx.uploaded.music }
    : await resolveMusic(updates, ctx, draft.music);
  if (music.violation) violations.push(music.violation);
  if (music.note) notes.push(music.note);
  if (music.choice) next.music = music.choice;
  const settled = settleSwitches(draft, next);
  violations.push(...settled.violations);
  const proposed = await proposedMedia(next, updates, ctx);
  await takeMedia(next, proposed, ctx, violations, notes);
  const changed = changedFields(draft, next);
  return { draft: next, changed, violations, notes, follow_ups: settled.follow_ups };
}

/**
 * The fields a rule alone decides (name, objective, text, call to action, landing page,
 * budget): each proposed value through its rule into `next`, or its violation kept.
 */
function takePlainFields(
  next: AdDraft,
  updates: ProposalUpdates,
  settings: EngineSettings,
  violations: Violation[],
): void {
  const take = <V, T>(
    value: V | null,
    check: (value: V) => Checked<T>,
    set: (value: T) => void,
  ) => {
    if (value === null) return;
    const checked = check(value);
    if (checked.ok) set(checked.value);
    else violations.push(checked.violation);
  };
  const ports = { allowed_ports: settings.landing_page_ports ?? [] };
  take(updates.campaign_name, checkCampaignName, (value) => {
    next.campaign_name = value;
  });
  take(updates.objective, checkObjective, (value) => {
    next.objective_type = value;
  });
  take(updates.ad_text, checkAdText, (value) => {
    next.ad_text = value;
  });
  take(updates.call_to_action, checkCallToAction, (value) => {
    next.call_to_action = value;
  });
  take(
    updates.landing_page_url,
    (url) => checkLandingPageUrl(url, ports),
    (value) => {
      next.landing_page_url = value;
    },
  );
  take(
    updates.budget,
    (budget) => checkBudget(budget, settings.budget),
    (value) => {
      next.budget = value;
    },
  );
}

/**
 * The media the message names, in order: ids and words from the proposal, with uploads joined
 * (uploaded images after the carousel's, an uploaded video as the single video with an uploaded
 * image as its cover), or, with no id named, plain words picked from the library's list.
 */
async function proposedMedia(
  next: AdDraft,
  updates: ProposalUpdates,
  ctx: ApplyContext,
): Promise<string[]> {
  const proposed = [...(updates.image_ids ?? []), ...(updates.video_id ? [updates.video_id] : [])];
  const uploaded = ctx.uploaded;
  if (uploaded && (uploaded.image_ids.length > 0 || uploaded.video_id)) {
    const named = splitMediaIds(proposed).ids;
    const kept = uploaded.video_id ? [] : named.length > 0 ? named : (next.image_ids ?? []);
    return [...kept, ...(uploaded.video_id ? [uploaded.video_id] : []), ...uploaded.image_ids];
  }
  const onlyMedia = Object.entries(updates).every(
    ([key, value]) => value === null || key === 'image_ids' || key === 'video_id',
  );
  const picksInWords =
    ctx.auth &&
    ctx.message &&
    !uploaded &&
    splitMediaIds(proposed).ids.length === 0 &&
    (proposed.length > 0 || (ctx.media_question_open && onlyMedia));
  if (!picksInWords || !ctx.auth || !ctx.message) return proposed;
  // Plain words pick from the list the media question showed (newest first, numbered from 1).
  const items = await libraryFor(ctx.ads, ctx.auth, next);
  const picked = pickFromWords(ctx.message, items, adFormatOf(next) === 'SINGLE_VIDEO');
  return picked.length > 0 ? picked.map((item) => item.id) : proposed;
}

/**
 * Takes the named media into `next`: checked against the library when linked; without a link,
 * kept as `pending_media` to look up once linked. A word is never taken as a media id ("the
 * images in my library").
 */
async function takeMedia(
  next: AdDraft,
  proposed: string[],
  ctx: ApplyContext,
  violations: Violation[],
  notes: string[],
): Promise<void> {
  const auth = ctx.auth;
  const { ids: mediaIds, words } = splitMediaIds(proposed);
  if (mediaIds.length === 0 && words.length > 0) violations.push(notMediaIds(words, next, !!auth));
  if (mediaIds.length === 0) return;
  if (!auth) {
    delete next.image_ids;
    delete next.video_id;
    next.pending_media = mediaIds;
    notes.push(
      `I'll look up ${mediaIds.join(', ')} in your TikTok library once your account is linked, before anything is created.`,
    );
    return;
  }
  setMedia(next, await resolveMedia(mediaIds, next, { ...ctx, auth }), violations);
}

function notMediaIds(words: string[], draft: AdDraft, linked: boolean): Violation {
  const what = adFormatOf(draft) === 'SINGLE_VIDEO' ? 'video' : 'images';
  const quoted = words.map((w) => `“${w}”`).join(', ');
  return {
    field: 'media',
    rule: 'media.not_an_id',
    message: `I can't tell which ${what} you mean by ${quoted}: those are not TikTok media ids. ${
      linked
        ? 'Pick from the library list I show with the media question, or name ids such as img_summer_1.'
        : 'Name ids (e.g. img_summer_1); once your TikTok account is linked I list your library to pick from.'
    }`,
  };
}

function setMedia(
  next: AdDraft,
  media: Checked<{ image_ids: string[]; video_id?: string }>,
  violations: Violation[],
): void {
  if (media.ok) {
    delete next.pending_media;
    next.image_ids = media.value.image_ids;
    if (media.value.video_id) next.video_id = media.value.video_id;
    else delete next.video_id;
  } else {
    violations.push(media.violation);
  }
}

/**
 * Runs the TikTok checks that waited for a linked account (see {@link hasPendingChecks}): confirms
 * a pending `music_id` and looks up pending media in the library. A choice TikTok refuses is
 * removed from the draft, with its violation, so the user is asked again; nothing was sent yet.
 *
 * @throws TikTokApiError when TikTok fails while checking (nothing in the draft changes then).
 */
export async function runPendingChecks(
  draft: AdDraft,
  ctx: ApplyContext & { auth: TikTokAuth },
): Promise<AppliedUpdates> {
  const next: AdDraft = structuredClone(draft);
  const violations: Violation[] = [];
  const notes: string[] = [];
  if (next.music?.kind === 'existing' && next.music.pending) {
    const music = await confirmExisting(next.music.music_id, ctx);
    if (music.choice) next.music = music.choice;
    else delete next.music;
    if (music.violation) violations.push(music.violation);
    if (music.note) notes.push(music.note);
  }
  if (next.pending_media?.length) {
    setMedia(next, await resolveMedia(next.pending_media, next, ctx), violations);
    delete next.pending_media;
  }
  return { draft: next, changed: changedFields(draft, next), violations, notes };
}

interface MusicOutcome {
  choice?: MusicChoice;
  violation?: Violation;
  note?: string;
}

async function resolveMusic(
  updates: ProposalUpdates,
  ctx: ApplyContext,
  current: MusicChoice | undefined,
): Promise<MusicOutcome> {
  if (updates.music === 'none') return { choice: { kind: 'none' } };
  if (ctx.auth && ctx.message && mayPickMusic(updates, ctx.music_list_open === true)) {
    const picked = await pickMusic(ctx.message, ctx.ads, ctx.auth);
    if (picked) return confirmExisting(picked.id, { ...ctx, auth: ctx.auth });
  }
  if (updates.music_id !== null && updates.music !== 'custom') {
    const id = updates.music_id.trim();
    if (current?.kind !== 'none' && current?.music_id === id) return {};
    if (!ctx.auth) {
      return {
        choice: { kind: 'existing', music_id: id, pending: true },
        note: `I'll confirm music ${id} with TikTok once your TikTok account is linked, before anything is created.`,
      };
    }
    return confirmExisting(id, { ...ctx, auth: ctx.auth });
  }
  if (updates.music === 'custom') {
    return {
      note: `To use your own track, ${uploadHint(ctx.platform ?? 'console', 'music')}.`,
    };
  }
  return {};
}

async function confirmExisting(
  music_id: string,
  ctx: ApplyContext & { auth: TikTokAuth },
): Promise<MusicOutcome> {
  const check = await ctx.ads.checkMusic(ctx.auth, music_id);
  if (check.status === 'ok') {
    // `MUSIC_FORBID_VIDEO_FORBID` is a download flag, not a ban on ads (bububa/tiktok-business
    // model/file/music/music.go, `Copyright`), so it is said, not refused.
    const download =
      check.music.copyright === MUSIC_DOWNLOAD_FORBIDDEN
        ? ` Note: TikTok marks this track ${MUSIC_DOWNLOAD_FORBIDDEN}: the track, and videos made with it, cannot be downloaded. It can still be used in this ad.`
        : '';
    return {
      choice: { kind: 'existing', music_id },
      note: `TikTok confirmed music ${music_id}.${download}`,
    };
  }
  if (check.status === 'not_for_carousel') {
    // TikTok refuses such music at ad/create/ with "Please select valid music for Carousel
    // Ads." (docs/tiktok-api.md §8), so it is refused here, before approval.
    return {
      violation: {
        field: 'music',
        rule: 'music.not_for_carousel',
        message: `TikTok lists music ${music_id} only for its video creative tools, not for carousel ads, and refuses it in a carousel ("Please select valid music for Carousel Ads."). Pick a carousel track (e.g. "use music_123"), upload your own MP3, or choose no music (Traffic only).`,
      },
    };
  }
  return {
    violation: {
      field: 'music',
      rule: 'music.unknown',
      message: `TikTok does not know music ${music_id}. Check the id in TikTok's music library, or upload your own MP3.`,
    },
  };
}

async function resolveMedia(
  ids: string[],
  draft: AdDraft,
  ctx: ApplyContext & { auth: TikTokAuth },
): Promise<Checked<{ image_ids: string[]; video_id?: string }>> {
  const [images, videos] = await Promise.all([
    ctx.ads.listImages(ctx.auth),
    ctx.ads.listVideos(ctx.auth),
  ]);
  const videoIds = ids.filter((id) => videos.some((v) => v.video_id === id));
  const imageIds = ids.filter((id) => !videoIds.includes(id));
  const format = adFormatOf(draft);
  if (format === 'CAROUSEL_ADS' || (format === null && videoIds.length === 0)) {
    if (videoIds.length > 0) {
      return {
        ok: false,
        violation: {
          field: 'media',
          rule: 'media.video_in_carousel',
          message: 'With music the ad is an image carousel; pick images, not a video.',
        },
      };
    }
    return checkCarouselImages(imageIds, images);
  }
  const [video_id, ...extra] = videoIds;
  if (!video_id) {
    return {
      ok: false,
      violation: {
        field: 'media',
        rule: 'media.no_video',
        message: 'Without music the ad is a single video; pick one video from your library.',
      },
    };
  }
  if (extra.length > 0) {
    return {
      ok: false,
      violation: {
        field: 'media',
        rule: 'media.one_video',
        message: 'A single-video ad takes exactly one video.',
      },
    };
  }
  return checkSingleVideo(video_id, imageIds[0], videos, images);
}

/** The draft fields whose value differs; `media` covers `image_ids` and `video_id`. */
function changedFields(before: AdDraft, after: AdDraft): DraftField[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return DRAFT_FIELDS.filter((field) =>
    field === 'media'
      ? !same(before.image_ids, after.image_ids) ||
        !same(before.video_id, after.video_id) ||
        !same(before.pending_media, after.pending_media)
      : !same(before[field], after[field]),
  );
}
