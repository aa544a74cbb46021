/**
 * `POST file/image/ad/upload/` (UPLOAD_BY_FILE, multipart): the upload the bot makes for an
 * identity avatar. The uploaded image joins the library that file/image/ad/search/ lists.
 *
 * Rules, each with its source:
 * - `image_file` + `image_signature` (hex MD5 of the file) required; mismatch → 40900
 *   SIGNATURE_ERROR. Source: TikTok "Upload an image" (doc 1739067433456642) via
 *   reference/tiktok-api.md §9; code name from SDK tiktok_business/tiktok_code.py.
 * - Empty file → 40906 FILE_EMPTY; over 50 MB → 40907 FILE_TOO_LARGE; not JPG/JPEG/PNG (read
 *   from the bytes) → 40908 FILE_TYPE_ERROR. Limits: reference §9; codes: tiktok_code.py.
 * - width × height ≤ 3,686,400 px: reference §9. The code TikTok answers with is UNCONFIRMED
 *   (40002 here).
 * - `file_name` 1-100 characters, unique per advertiser → else 40911 DUPLICATED_MATERIAL_NAME:
 *   reference §9.
 * - Only UPLOAD_BY_FILE is served (UPLOAD_BY_URL / UPLOAD_BY_FILE_ID → 40002): our limitation.
 * - Like the seeded library, an uploaded image is listed for every advertiser: our
 *   simplification (TikTok's libraries are per advertiser).
 */
import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { EmulatorError, isoTime, paramError } from './envelope';
import type { ImageFixture } from './fixtures';
import type { Route } from './route';
import { checkEnum, checkText, optString, reqString } from './rules';

/** Image upload size limit: 50 MB (reference §9). */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
/** Max pixels (width × height) of an uploaded image (reference §9). */
export const MAX_IMAGE_PIXELS = 3_686_400;

/** Reads the format and size from the file header; undefined when not a JPEG/PNG. */
function readImage(
  data: Buffer,
): { format: 'jpeg' | 'png'; width: number; height: number } | undefined {
  try {
    const { type, width, height } = imageSize(new Uint8Array(data));
    if ((type === 'jpg' || type === 'png') && width > 0 && height > 0) {
      return { format: type === 'jpg' ? 'jpeg' : 'png', width, height };
    }
  } catch {
    // not an image the header reader knows
  }
  return undefined;
}

const imageUpload: Route = {
  method: 'POST',
  auth: true,
  advertiser: true,
  scope: 601,
  multipart: true,
  handle(ctx) {
    const { params, state } = ctx;
    const advertiser_id = ctx.advertiser?.advertiser_id ?? '';
    const uploadType =
      checkEnum(
        optString(params, 'upload_type'),
        ['UPLOAD_BY_FILE', 'UPLOAD_BY_URL', 'UPLOAD_BY_FILE_ID'] as const,
        'upload_type',
      ) ?? 'UPLOAD_BY_FILE';
    if (uploadType !== 'UPLOAD_BY_FILE') {
      paramError('upload_type: the emulator supports UPLOAD_BY_FILE only.');
    }
    const file = ctx.files.image_file;
    if (!file) paramError('Missing required field(s): image_file.');
    const signature = reqString(params, 'image_signature').toLowerCase();
    if (file.data.length === 0) throw new EmulatorError(40906, 'image_file: the file is empty.');
    const md5 = createHash('md5').update(file.data).digest('hex');
    if (md5 !== signature) {
      throw new EmulatorError(40900, 'image_signature: the MD5 of image_file does not match.');
    }
    if (file.data.length > MAX_IMAGE_BYTES) {
      throw new EmulatorError(40907, 'image_file: images must be at most 50 MB.');
    }
    const image = readImage(file.data);
    if (!image) throw new EmulatorError(40908, 'image_file: only JPG, JPEG and PNG are supported.');
    if (image.width * image.height > MAX_IMAGE_PIXELS) {
      paramError(`image_file: width × height must be at most ${MAX_IMAGE_PIXELS} pixels.`);
    }
    const file_name = optString(params, 'file_name') ?? file.filename;
    checkText(file_name, 'file_name', 1, 100);
    const taken = state.imageUploads.get(advertiser_id) ?? new Set<string>();
    if (taken.has(file_name)) {
      throw new EmulatorError(40911, `file_name: "${file_name}" already exists. Use another name.`);
    }
    taken.add(file_name);
    state.imageUploads.set(advertiser_id, taken);
    const image_id = `img_${state.ids.image.next()}`;
    const fixture: ImageFixture = {
      image_id,
      file_name,
      width: image.width,
      height: image.height,
      format: image.format,
      is_carousel_usable: true,
    };
    state.images.set(image_id, fixture);
    const now = isoTime(state.now());
    return {
      ...fixture,
      material_id: state.ids.material.next(),
      displayable: true,
      image_url: `https://emulator.invalid/images/${image_id}.${image.format}`,
      signature: md5,
      size: file.data.length,
      create_time: now,
      modify_time: now,
    };
  },
};

/** The image upload endpoint, by path relative to `/open_api/v1.3/`. */
export const imageUploadRoutes: Record<string, Route> = {
  'file/image/ad/upload/': imageUpload,
};
