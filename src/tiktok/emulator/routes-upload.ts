/**
 * Image and video uploads (`upload_type=UPLOAD_BY_FILE`, multipart), with TikTok's checks:
 * `*_signature` must be the MD5 of the file (40900), the type is read from the bytes, never the
 * name (40908), size limits (images ≤ 50 MB, videos ≤ 500 MB: 40907), the pixel size read from
 * the file header (images at most 3,686,400 px; videos 9:16, 16:9 or 1:1 with a short side of at
 * least 540 px: 40002), an empty file (40906), and `file_name` unique per advertiser (40911).
 * Source: docs/tiktok-api.md §9 ("Upload an image" 1739067433456642, "Upload a video"
 * 1737587322856449).
 *
 * Our choices where TikTok is silent: an upload is visible to its own advertiser only; every
 * uploaded JPEG/PNG is `is_carousel_usable`; the empty-file code 40906 matches music uploads.
 */
import { createHash } from 'node:crypto';
import { EmulatorError, isoTime, paramError } from './envelope';
import type { AdvertiserFixture } from './fixtures';
import { readImageHeader, readVideoHeader } from './media-bytes';
import type { MultipartFile } from './multipart';
import { previewUrl } from './preview';
import type { Route, RouteContext } from './route';
import { checkEnum, checkText, optString, type Params, reqString } from './rules';
import type { ImageRecord, VideoRecord } from './state';

/** Image upload limits: 50 MB, width × height ≤ 3,686,400 (docs/tiktok-api.md §9). */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 3_686_400;
/** Video upload limit: 500 MB; short side at least 540 px (540×960). */
export const MAX_VIDEO_BYTES = 500 * 1024 * 1024;
export const MIN_VIDEO_SHORT_SIDE = 540;

function advertiserOf(ctx: RouteContext): AdvertiserFixture {
  if (!ctx.advertiser) throw new Error('route needs an advertiser');
  return ctx.advertiser;
}

/** The common part: upload type, the file, its signature and its name. */
function fileOf(
  ctx: RouteContext,
  field: 'image' | 'video',
): { file: MultipartFile; md5: string; file_name: string } {
  const uploadType = checkEnum(
    optString(ctx.params, 'upload_type'),
    field === 'image'
      ? (['UPLOAD_BY_FILE', 'UPLOAD_BY_URL', 'UPLOAD_BY_FILE_ID'] as const)
      : (['UPLOAD_BY_FILE', 'UPLOAD_BY_URL', 'UPLOAD_BY_FILE_ID', 'UPLOAD_BY_VIDEO_ID'] as const),
    'upload_type',
  );
  if (uploadType && uploadType !== 'UPLOAD_BY_FILE')
    paramError('upload_type: the emulator supports UPLOAD_BY_FILE only.');
  const file = ctx.files[`${field}_file`];
  if (!file) paramError(`Missing required field(s): ${field}_file.`);
  const signature = reqString(ctx.params, `${field}_signature`).toLowerCase();
  if (file.data.length === 0) throw new EmulatorError(40906, `${field}_file: the file is empty.`);
  const md5 = createHash('md5').update(file.data).digest('hex');
  if (md5 !== signature)
    throw new EmulatorError(40900, `${field}_signature: the MD5 of ${field}_file does not match.`);
  const file_name = optString(ctx.params, 'file_name') ?? file.filename;
  checkText(file_name, 'file_name', 1, 100);
  return { file, md5, file_name };
}

function duplicateName(file_name: string): never {
  throw new EmulatorError(40911, `file_name: "${file_name}" already exists. Use another name.`);
}

/** The Image object as file/image/ad/upload/ returns it. */
function imageView(ctx: RouteContext, img: ImageRecord): Params {
  const { data: _bytes, advertiser_id: _owner, ...view } = img;
  return {
    ...view,
    material_id: `m_${img.image_id}`,
    displayable: true,
    image_url: previewUrl(ctx.state, 'image', img.image_id),
    modify_time: img.create_time,
  };
}

const imageUpload: Route = {
  method: 'POST',
  auth: true,
  advertiser: true,
  scope: 601,
  multipart: true,
  handle(ctx) {
    const advertiser_id = advertiserOf(ctx).advertiser_id;
    const { file, md5, file_name } = fileOf(ctx, 'image');
    if (file.data.length > MAX_IMAGE_BYTES)
      throw new EmulatorError(40907, 'image_file: an image must be at most 50 MB.');
    const header = readImageHeader(file.data);
    if (!header)
      throw new EmulatorError(
        40908,
        'image_file: the file is not a JPG, JPEG or PNG image (read from its bytes).',
      );
    if (header.width * header.height > MAX_IMAGE_PIXELS)
      paramError(
        `image_file: width × height must be at most ${MAX_IMAGE_PIXELS} pixels (got ${header.width}x${header.height}).`,
      );
    const taken = [...ctx.state.images.values()].some(
      (i) => i.advertiser_id === advertiser_id && i.file_name === file_name,
    );
    if (taken) duplicateName(file_name);
    const image_id = `img_${ctx.state.ids.image.next()}`;
    const record: ImageRecord = {
      image_id,
      file_name,
      width: header.width,
      height: header.height,
      format: header.format,
      is_carousel_usable: true,
      create_time: isoTime(ctx.state.now()),
      advertiser_id,
      signature: md5,
      size: file.data.length,
      data: file.data,
    };
    ctx.state.images.set(image_id, record);
    return imageView(ctx, record);
  },
};

const sameRatio = (w: number, h: number, rw: number, rh: number) =>
  Math.abs(w / h - rw / rh) / (rw / rh) < 0.01;

const videoUpload: Route = {
  method: 'POST',
  auth: true,
  advertiser: true,
  scope: 611,
  multipart: true,
  handle(ctx) {
    const advertiser_id = advertiserOf(ctx).advertiser_id;
    const { file, md5, file_name } = fileOf(ctx, 'video');
    if (file.data.length > MAX_VIDEO_BYTES)
      throw new EmulatorError(40907, 'video_file: a video must be at most 500 MB.');
    const header = readVideoHeader(file.data);
    if (!header)
      throw new EmulatorError(
        40908,
        'video_file: the file is not an MP4 or MOV video with a readable header (read from its bytes).',
      );
    const { width, height } = header;
    if (
      ![
        [9, 16],
        [16, 9],
        [1, 1],
      ].some(([rw = 1, rh = 1]) => sameRatio(width, height, rw, rh))
    )
      paramError(
        `video_file: the aspect ratio must be 9:16, 16:9 or 1:1 (got ${width}x${height}).`,
      );
    if (Math.min(width, height) < MIN_VIDEO_SHORT_SIDE)
      paramError(`video_file: the resolution must be at least 540x960 (got ${width}x${height}).`);
    const taken = [...ctx.state.videos.values()].some(
      (v) => v.advertiser_id === advertiser_id && v.file_name === file_name,
    );
    if (taken) duplicateName(file_name);
    const video_id = `vid_${ctx.state.ids.video.next()}`;
    const record: VideoRecord = {
      video_id,
      file_name,
      width,
      height,
      duration: Math.round(header.duration * 1000) / 1000,
      format: header.format,
      create_time: isoTime(ctx.state.now()),
      advertiser_id,
      signature: md5,
      size: file.data.length,
      data: file.data,
    };
    ctx.state.videos.set(video_id, record);
    const { data: _bytes, advertiser_id: _owner, ...view } = record;
    // TikTok answers this one endpoint with an array of one object (docs/tiktok-api.md §3).
    return [
      {
        ...view,
        material_id: `m_${video_id}`,
        displayable: true,
        video_cover_url: previewUrl(ctx.state, 'cover', video_id),
        preview_url: previewUrl(ctx.state, 'video', video_id),
        bit_rate: 2_000_000,
        allowed_placements: ['PLACEMENT_TIKTOK', 'PLACEMENT_PANGLE'],
        allow_download: true,
        modify_time: record.create_time,
      },
    ];
  },
};

/** The upload endpoints, by path relative to `/open_api/v1.3/`. */
export const uploadRoutes: Record<string, Route> = {
  'file/image/ad/upload/': imageUpload,
  'file/video/ad/upload/': videoUpload,
};
