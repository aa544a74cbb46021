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
  const read = downloadProblem(file) ?? (await contentProblem(file));
  if (typeof read !== 'string') return { ok: false, violation: read };
  return { ok: true, kind: read };
}

/** Why a file never arrived whole: the adapter could not download it, or it is empty. */
function downloadProblem(file: ChatFile): Violation | undefined {
  if (file.download_error !== undefined)
    return {
      field: 'media',
      rule: 'upload.download_failed',
      message: `I could not download ${file.name} from the chat (${file.download_error}). Attach it again in a moment.`,
    };
  if (file.data.length === 0) return refuse(file, 'upload.empty', 'the file is empty.');
  return undefined;
}

/** The file types taken, by the extension `file-type` reads from the bytes. */
const KIND_OF_EXT: Readonly<Record<string, UploadKind>> = {
  mp3: 'music',
  jpg: 'image',
  png: 'image',
  mp4: 'video',
  mov: 'video',
};

/** TikTok's size limit of each kind, and how a refusal names it. */
const SIZE_LIMITS: Readonly<Record<UploadKind, { bytes: number; over: string }>> = {
  music: { bytes: UPLOAD_LIMITS.music_bytes, over: 'over 10 MB for music' },
  image: { bytes: UPLOAD_LIMITS.image_bytes, over: 'over 50 MB for an image' },
  video: { bytes: UPLOAD_LIMITS.video_bytes, over: 'over 500 MB for a video' },
};

/** The kind of a downloaded file, or why it is not taken: its type, size or image header. */
async function contentProblem(file: ChatFile): Promise<UploadKind | Violation> {
  let type: Awaited<ReturnType<typeof fileType.fromBuffer>>;
  try {
    type = await fileType.fromBuffer(file.data);
  } catch {
    // file-type throws End-Of-Stream on a file cut short inside the part it reads.
    return refuse(
      file,
      'upload.corrupt',
      'it ends too early to read (a damaged or cut-off file?).',
    );
  }
  const kind = type ? KIND_OF_EXT[type.ext] : undefined;
  if (!type || !kind) {
    const seen = type ? `its contents are ${type.mime}` : 'its contents are not a file type I know';
    return refuse(file, 'upload.wrong_type', `${seen}, whatever its name says.`);
  }
  const limit = SIZE_LIMITS[kind];
  if (file.data.length > limit.bytes)
    return refuse(file, 'upload.too_large', `${mb(file.data.length)} is ${limit.over}.`);
  return kind === 'image' ? (imageProblem(file, type.ext) ?? kind) : kind;
}

/** Why an image is not taken: a header that cannot be read, or more pixels than TikTok takes. */
function imageProblem(file: ChatFile, ext: string): Violation | undefined {
  let size: { width: number; height: number };
  try {
    size = imageSize(new Uint8Array(file.data));
  } catch {
    return refuse(
      file,
      'upload.corrupt',
      `it looks like a ${ext.toUpperCase()} but its header cannot be read (a damaged file?).`,
    );
  }
  if (size.width * size.height > UPLOAD_LIMITS.image_pixels)
    return refuse(
      file,
      'upload.too_many_pixels',
      `${size.width}x${size.height} is more than 3,686,400 pixels.`,
    );
  return undefined;
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
    const checked = await classifyFile(file);
    if (checked.ok) classified.push({ file, kind: checked.kind });
    else violations.push(checked.violation);
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
