import fileType from 'file-type';
import { imageSize } from 'image-size';
import type { MusicChoice } from '../../ad/draft';
import type { Violation } from '../../ad/violation';
import type { AdsApi, TikTokAuth } from '../../tiktok/ads-api';
import type { ChatFile } from '../chat-event';

/**
 * TikTok's upload limits (docs/tiktok-api.md §8, §9): carousel music MP3 ≤ 10 MB; images
 * JPG/PNG ≤ 50 MB and width × height ≤ 3,686,400 px; videos MP4/MOV ≤ 500 MB.
 */
export const UPLOAD_LIMITS = {
  music_bytes: 10 * 1024 * 1024,
  image_bytes: 50 * 1024 * 1024,
  image_pixels: 3_686_400,
  video_bytes: 500 * 1024 * 1024,
} as const;

/** What a file is, by its bytes. */
export type UploadKind = 'music' | 'image' | 'video';

/** What the bot takes, said with every refusal. */
export const ACCEPTED =
  'I take MP3 music (at most 10 MB), JPEG or PNG images (at most 50 MB, 3,686,400 pixels) and MP4 or MOV videos (at most 500 MB).';

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

function refuse(file: ChatFile, rule: string, why: string): Violation {
  return { field: 'media', rule, message: `${file.name}: ${why} ${ACCEPTED}` };
}

/**
 * What a file is, read from its bytes (`file-type` magic numbers, `image-size` headers), never
 * from its name or the platform's MIME type; or why it cannot be used: a failed download, empty,
 * not MP3/JPEG/PNG/MP4/MOV, over TikTok's size limit for its kind, or a corrupt image header.
 */
export async function classifyFile(
  file: ChatFile,
): Promise<{ ok: true; kind: UploadKind } | { ok: false; violation: Violation }> {
  if (file.download_error !== undefined) {
    return {
      ok: false,
      violation: {
        field: 'media',
        rule: 'upload.download_failed',
        message: `I could not download ${file.name} from the chat (${file.download_error}). Attach it again in a moment.`,
      },
    };
  }
  if (file.data.length === 0)
    return { ok: false, violation: refuse(file, 'upload.empty', 'the file is empty.') };
  const type = await fileType.fromBuffer(file.data);
  const ext = type?.ext;
  if (ext === 'mp3') {
    if (file.data.length > UPLOAD_LIMITS.music_bytes)
      return {
        ok: false,
        violation: refuse(
          file,
          'upload.too_large',
          `${mb(file.data.length)} is over 10 MB for music.`,
        ),
      };
    return { ok: true, kind: 'music' };
  }
  if (ext === 'jpg' || ext === 'png') {
    if (file.data.length > UPLOAD_LIMITS.image_bytes)
      return {
        ok: false,
        violation: refuse(
          file,
          'upload.too_large',
          `${mb(file.data.length)} is over 50 MB for an image.`,
        ),
      };
    let size: { width: number; height: number };
    try {
      size = imageSize(new Uint8Array(file.data));
    } catch {
      return {
        ok: false,
        violation: refuse(
          file,
          'upload.corrupt',
          `it looks like a ${ext.toUpperCase()} but its header cannot be read (a damaged file?).`,
        ),
      };
    }
    if (size.width * size.height > UPLOAD_LIMITS.image_pixels)
      return {
        ok: false,
        violation: refuse(
          file,
          'upload.too_many_pixels',
          `${size.width}x${size.height} is more than 3,686,400 pixels.`,
        ),
      };
    return { ok: true, kind: 'image' };
  }
  if (ext === 'mp4' || ext === 'mov') {
    if (file.data.length > UPLOAD_LIMITS.video_bytes)
      return {
        ok: false,
        violation: refuse(
          file,
          'upload.too_large',
          `${mb(file.data.length)} is over 500 MB for a video.`,
        ),
      };
    return { ok: true, kind: 'video' };
  }
  const seen = type ? `its contents are ${type.mime}` : 'its contents are not a file type I know';
  return {
    ok: false,
    violation: refuse(file, 'upload.wrong_type', `${seen}, whatever its name says.`),
  };
}

/** What uploading a message's files gave: the music, and media ids in the order attached. */
export interface Uploaded {
  music?: MusicChoice;
  image_ids: string[];
  video_id?: string;
  notes: string[];
}

/** What {@link uploadFiles} may call, and where it reports progress. */
export interface UploadContext {
  ads: AdsApi;
  auth: TikTokAuth | null;
  /** A line about the upload in progress, replacing the previous one in place. */
  progress: (line: string) => Promise<void>;
}

/**
 * Uploads the files attached to one message to the requester's TikTok library: MP3 →
 * file/music/upload/ (music case B) then confirmed with file/music/get/; JPEG/PNG →
 * file/image/ad/upload/; MP4/MOV → file/video/ad/upload/. Every file is checked first (see
 * {@link classifyFile}); if any is refused, or there is no linked account, nothing is uploaded
 * and the violations come back. At most one track and one video per message.
 *
 * @throws TikTokApiError when TikTok refuses or fails an upload (the caller saves nothing).
 */
export async function uploadFiles(
  files: ChatFile[],
  ctx: UploadContext,
): Promise<{ ok: true; value: Uploaded } | { ok: false; violations: Violation[] }> {
  const classified: { file: ChatFile; kind: UploadKind }[] = [];
  const violations: Violation[] = [];
  for (const file of files) {
    const c = await classifyFile(file);
    if (c.ok) classified.push({ file, kind: c.kind });
    else violations.push(c.violation);
  }
  for (const kind of ['music', 'video'] as const) {
    if (classified.filter((c) => c.kind === kind).length > 1)
      violations.push({
        field: kind === 'music' ? 'music' : 'media',
        rule: `upload.one_${kind}`,
        message: `Attach one ${kind === 'music' ? 'MP3 track' : 'video'} at a time.`,
      });
  }
  if (violations.length > 0) return { ok: false, violations };
  const auth = ctx.auth;
  if (!auth) {
    return {
      ok: false,
      violations: [
        {
          field: 'media',
          rule: 'upload.needs_tiktok_account',
          message: `To upload ${files.map((f) => f.name).join(', ')} to TikTok I need the TikTok account linked first (see the private link); then send ${files.length > 1 ? 'them' : 'it'} again.`,
        },
      ],
    };
  }
  const out: Uploaded = { image_ids: [], notes: [] };
  for (const [i, { file, kind }] of classified.entries()) {
    await ctx.progress(
      `Uploading ${file.name} to TikTok${classified.length > 1 ? ` (${i + 1} of ${classified.length})` : ''}…`,
    );
    const upload = { file_name: file.name, data: file.data };
    if (kind === 'music') {
      const uploaded = await ctx.ads.uploadMusic(auth, upload);
      const check = await ctx.ads.checkMusic(auth, uploaded.music_id);
      if (check.status !== 'ok') {
        return {
          ok: false,
          violations: [
            {
              field: 'music',
              rule: 'music.upload_unconfirmed',
              message: `TikTok took the upload of ${file.name} but did not confirm it as music ${uploaded.music_id}; try uploading again.`,
            },
          ],
        };
      }
      out.music = { kind: 'custom', music_id: uploaded.music_id, file_name: file.name };
      out.notes.push(
        `Uploaded ${file.name} to TikTok as music ${uploaded.music_id}, and TikTok confirmed it.`,
      );
    } else if (kind === 'image') {
      const image = await ctx.ads.uploadImage(auth, upload);
      out.image_ids.push(image.image_id);
      out.notes.push(
        `Uploaded ${file.name} to your TikTok library as image ${image.image_id} (${image.width}x${image.height}).`,
      );
    } else {
      const video = await ctx.ads.uploadVideo(auth, upload);
      out.video_id = video.video_id;
      out.notes.push(
        `Uploaded ${file.name} to your TikTok library as video ${video.video_id} (${video.width}x${video.height}, ${Math.round(video.duration)} s).`,
      );
    }
  }
  await ctx.progress(
    `Uploaded ${classified.length === 1 ? classified[0]?.file.name : `${classified.length} files`} to TikTok.`,
  );
  return { ok: true, value: out };
}
