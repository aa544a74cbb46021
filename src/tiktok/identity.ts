/**
 * The `CUSTOMIZED_USER` identity ads run under (non-Spark ads): found, or created with a square
 * avatar.
 *
 * Sources: identity/create/ takes `advertiser_id`, `display_name` (≤ 100 characters) and
 * `image_uri`, the `image_id` of a 1:1 avatar — all three required in the official SDK
 * (tiktok/tiktok-business-api-sdk js_sdk/docs/IdentityCreateBody.md,
 * python_sdk/business_api_client/models/identity_create_body.py); the Go SDK calls `image_uri`
 * optional, TikTok then using a default avatar (bububa/tiktok-business
 * model/identity/create.go). So the bot always sends one when it can find one.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { imageSize } from 'image-size';
import { BotError } from '../errors/bot-error';
import type { AdsApi, IdentityInfo, TikTokAuth } from './ads-api';

/** Which identity to use (from settings `TIKTOK_IDENTITY_ID` / `_NAME` / `_AVATAR`). */
export interface IdentitySettings {
  /** An existing identity: used as is. */
  identity_id?: string;
  /** Without an id: the identity with this display name is used, or created with it. */
  display_name: string;
  /** A square JPEG/PNG file to upload as the avatar of a created identity. */
  avatar_path?: string;
}

/** What {@link resolveIdentity} needs: the TikTok port, the credentials and the settings. */
export interface IdentityContext {
  ads: AdsApi;
  auth: TikTokAuth;
  settings: { identity: IdentitySettings };
}

/**
 * Reads and checks an avatar file: a JPEG or PNG whose width equals its height.
 * @returns the bytes, the file name and the side in pixels.
 * @throws BotError `config_invalid` naming the path and what is wrong (unreadable, not an image, not square).
 */
export function readAvatar(path: string): { file_name: string; data: Buffer; side: number } {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    throw new BotError('config_invalid', `cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let size: { type?: string; width: number; height: number };
  try {
    size = imageSize(new Uint8Array(data));
  } catch {
    throw new BotError('config_invalid', `${path} is not a JPEG or PNG image`);
  }
  if (size.type !== 'jpg' && size.type !== 'png') {
    throw new BotError(
      'config_invalid',
      `${path} is ${size.type ?? 'not an image'}; use a JPEG or PNG`,
    );
  }
  if (size.width !== size.height) {
    throw new BotError(
      'config_invalid',
      `${path} is ${size.width}x${size.height}; the identity avatar must be square (1:1)`,
    );
  }
  return { file_name: basename(path), data, side: size.width };
}

/**
 * The avatar `image_id` for a new identity: the `avatar_path` file uploaded
 * (file/image/ad/upload/), else the first square image of the advertiser's library, else
 * undefined (TikTok's default avatar, per the Go SDK; the official SDK would refuse).
 * @throws BotError `config_invalid` from {@link readAvatar}; TikTokApiError from the upload or the listing.
 */
async function avatarImageId(ctx: IdentityContext): Promise<string | undefined> {
  const { avatar_path } = ctx.settings.identity;
  if (avatar_path) {
    const avatar = readAvatar(avatar_path);
    const uploaded = await ctx.ads.uploadImage(ctx.auth, {
      file_name: avatar.file_name,
      data: avatar.data,
    });
    return uploaded.image_id;
  }
  const square = (await ctx.ads.listImages(ctx.auth)).find(
    (i) => i.width > 0 && i.width === i.height,
  );
  return square?.image_id;
}

/**
 * The identity to run the ad under, with its display name (sent as the creative's
 * `display_name`):
 * 1. `known_id` (saved by an earlier attempt) or the configured `identity_id`; its display name
 *    is looked up in identity/get/ (the setting's name when it is not listed);
 * 2. else the listed identity whose display name equals the setting;
 * 3. else a new one (identity/create/) with that name and a square avatar.
 * @throws TikTokApiError from TikTok; Error when `avatar_path` is unreadable or not square.
 */
export async function resolveIdentity(
  ctx: IdentityContext,
  known_id?: string,
): Promise<IdentityInfo> {
  const { identity } = ctx.settings;
  const listed = await ctx.ads.listIdentities(ctx.auth);
  const id = known_id ?? identity.identity_id;
  if (id) {
    const found = listed.find((i) => i.identity_id === id);
    return { identity_id: id, display_name: found?.display_name || identity.display_name };
  }
  const named = listed.find((i) => i.display_name === identity.display_name);
  if (named) return named;
  const image_uri = await avatarImageId(ctx);
  return ctx.ads.createIdentity(ctx.auth, identity.display_name, image_uri);
}
