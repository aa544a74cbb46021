/**
 * The emulator's in-memory world: advertisers, tokens, auth codes, music, media, identities and
 * the campaigns / ad groups / ads created through it. Seeded from `fixtures.ts`.
 */
import { randomBytes } from 'node:crypto';
import { IdMaker } from './envelope';
import {
  ADVERTISERS,
  type AdvertiserFixture,
  ALL_SCOPES,
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_IDENTITY_ID,
  EMULATOR_IDENTITY_NAME,
  EMULATOR_PIXEL_ID,
  EMULATOR_SECOND_ADVERTISER_ID,
  IMAGES,
  type ImageFixture,
  SYSTEM_MUSIC,
  VIDEOS,
  type VideoFixture,
} from './fixtures';

/** An issued access token. */
export interface TokenRecord {
  access_token: string;
  app_id: string;
  advertiser_ids: string[];
  scope: number[];
  revoked: boolean;
}

/** An issued auth code: single use, expires at `expires_at` (epoch ms). */
export interface AuthCodeRecord {
  auth_code: string;
  app_id: string;
  expires_at: number;
  used: boolean;
  /** What the token exchanged for this code will reach and allow. */
  grant: AuthGrant;
}

/** What an advertiser approves on the portal page: accounts and permission scopes. */
export interface AuthGrant {
  advertiser_ids: string[];
  scope: number[];
}

/** A music track: SYSTEM library or a USER upload (owned by `advertiser_id`). */
export interface MusicRecord {
  music_id: string;
  material_id: string;
  sources: ['SYSTEM'] | ['USER'];
  file_name: string;
  author?: string;
  /** Seconds. */
  duration: number;
  style?: string;
  copyright?: string;
  signature?: string;
  /** Scene the track was uploaded with; SYSTEM tracks serve every scene. */
  music_scene?: string;
  advertiser_id?: string;
  url: string;
  create_time?: string;
  /** An upload's bytes, served at `url` (a preview the emulator serves). */
  data?: Buffer;
}

/**
 * An image in the library: a seeded fixture (every advertiser sees it) or an upload through
 * file/image/ad/upload/ (only its `advertiser_id` sees it), with the bytes kept for its preview.
 */
export type ImageRecord = ImageFixture & {
  create_time: string;
  advertiser_id?: string;
  signature?: string;
  size?: number;
  data?: Buffer;
};

/** A video in the library: seeded, or uploaded through file/video/ad/upload/ (see ImageRecord). */
export type VideoRecord = Omit<VideoFixture, 'format'> & {
  format: 'mp4' | 'mov';
  create_time: string;
  advertiser_id?: string;
  signature?: string;
  size?: number;
  data?: Buffer;
};

/** A `CUSTOMIZED_USER` identity. */
export interface IdentityRecord {
  identity_id: string;
  identity_type: 'CUSTOMIZED_USER';
  display_name: string;
  /** The avatar's `image_id` (1:1), as identity/create/ took it. */
  image_uri?: string;
}

/** A created campaign / ad group / ad, as the emulator returns it (TikTok field names). */
export type ApiObject = Record<string, unknown> & { advertiser_id: string };

/** Options that shape the world. */
export interface StateOptions {
  appId: string;
  secret: string;
  /** Clock in epoch ms (auth code TTL, create_time). */
  now: () => number;
}

/** The whole mutable world of one emulator instance. */
export class EmulatorState {
  readonly appId: string;
  readonly secret: string;
  readonly now: () => number;
  readonly advertisers = new Map<string, AdvertiserFixture>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly authCodes = new Map<string, AuthCodeRecord>();
  readonly music = new Map<string, MusicRecord>();
  readonly images = new Map<string, ImageRecord>();
  readonly videos = new Map<string, VideoRecord>();
  /**
   * The emulator's own base URL once it listens (e.g. `http://127.0.0.1:4010`): preview URLs in
   * library listings point at it. Unset before `listen()`.
   */
  baseUrl: string | undefined;
  readonly identities = new Map<string, IdentityRecord[]>();
  readonly pixels = new Set<string>([EMULATOR_PIXEL_ID]);
  readonly campaigns = new Map<string, ApiObject>();
  readonly adgroups = new Map<string, ApiObject>();
  readonly ads = new Map<string, ApiObject>();
  /** `advertiser_id|endpoint|request_id` → the object the first call created, and when (ms). */
  readonly idempotency = new Map<string, { object: ApiObject; at: number }>();
  /**
   * How long a body `request_id` is remembered, in ms; `undefined` = for the emulator's life (the
   * default). TikTok's window is UNCONFIRMED (docs/tiktok-api.md §10); tests set a short one to see
   * what a client does once a repeat is no longer recognised.
   */
  requestIdTtlMs: number | undefined = undefined;
  /**
   * Whether campaign/create/ and adgroup/create/ WITHOUT a body `request_id` refuse a name already
   * in use (40002). TikTok's `request_id` text says the key "allows duplicate names", implying
   * names are otherwise checked; the rule and its code are UNCONFIRMED (docs/tiktok-api.md §5,
   * §10), so it is off by default. With a `request_id` duplicate names are always accepted.
   */
  uniqueNamesWithoutRequestId = false;
  /**
   * What a repeated create `request_id` gets (TikTok's real answer is UNCONFIRMED,
   * docs/tiktok-api.md §10): `replay` returns the object the first call created; `40050` answers
   * DUPLICATED_REQUEST ("Duplicated requests have been sent").
   */
  duplicateMode: 'replay' | '40050' = 'replay';
  /** HTTP calls per endpoint (e.g. `campaign/create/`), faulted ones included. */
  readonly calls: Record<string, number> = {};
  musicUploads = 0;
  readonly ids = {
    campaign: new IdMaker('18'),
    adgroup: new IdMaker('17'),
    ad: new IdMaker('16'),
    music: new IdMaker('73'),
    material: new IdMaker('74'),
    identity: new IdMaker('72'),
    image: new IdMaker('75'),
    video: new IdMaker('76'),
  };

  constructor(options: StateOptions) {
    this.appId = options.appId;
    this.secret = options.secret;
    this.now = options.now;
    for (const adv of ADVERTISERS) this.advertisers.set(adv.advertiser_id, adv);
    this.tokens.set(EMULATOR_ACCESS_TOKEN, {
      access_token: EMULATOR_ACCESS_TOKEN,
      app_id: options.appId,
      advertiser_ids: [EMULATOR_ADVERTISER_ID, EMULATOR_SECOND_ADVERTISER_ID],
      scope: [...ALL_SCOPES],
      revoked: false,
    });
    for (const m of SYSTEM_MUSIC) {
      this.music.set(m.music_id, {
        ...m,
        material_id: this.ids.material.next(),
        sources: ['SYSTEM'],
        url: `https://emulator.invalid/music/${encodeURIComponent(m.music_id)}.mp3`,
      });
    }
    // Seeded items are older than anything uploaded; newest first in the order fixtures.ts lists.
    const day = (i: number) => `2024-01-${String(20 - i).padStart(2, '0')}T00:00:00Z`;
    IMAGES.forEach((img, i) => {
      this.images.set(img.image_id, { ...img, create_time: day(i) });
    });
    VIDEOS.forEach((vid, i) => {
      this.videos.set(vid.video_id, { ...vid, create_time: day(i) });
    });
    // The seeded identity takes the identity id maker's first id (EMULATOR_IDENTITY_ID), so the
    // first identity/create/ cannot hand out the same id again.
    if (this.ids.identity.next() !== EMULATOR_IDENTITY_ID) {
      throw new Error('EMULATOR_IDENTITY_ID must be the identity id maker’s first id');
    }
    for (const adv of ADVERTISERS) {
      this.identities.set(adv.advertiser_id, [
        {
          identity_id: EMULATOR_IDENTITY_ID,
          identity_type: 'CUSTOMIZED_USER',
          display_name: EMULATOR_IDENTITY_NAME,
        },
      ]);
    }
  }

  /** Issues a token. Defaults: the first two advertisers, all scopes, a random fake value. */
  issueToken(
    options: { advertiser_ids?: string[]; scope?: number[]; access_token?: string } = {},
  ): string {
    const access_token =
      options.access_token ?? `emulator-token-${randomBytes(16).toString('hex')}`;
    this.tokens.set(access_token, {
      access_token,
      app_id: this.appId,
      advertiser_ids: options.advertiser_ids ?? [
        EMULATOR_ADVERTISER_ID,
        EMULATOR_SECOND_ADVERTISER_ID,
      ],
      scope: options.scope ?? [...ALL_SCOPES],
      revoked: false,
    });
    return access_token;
  }

  /**
   * What the portal page grants next (default: the first seeded advertiser, all scopes). Tests
   * change it to play an advertiser who approves several accounts or fewer permissions.
   */
  portalGrant: AuthGrant = { advertiser_ids: [EMULATOR_ADVERTISER_ID], scope: [...ALL_SCOPES] };

  /** Issues a single-use auth code valid `ttlMs` (default 1 h, TikTok's value) for `grant`. */
  issueAuthCode(ttlMs = 3_600_000, grant: AuthGrant = this.portalGrant): string {
    const auth_code = `emulator-code-${randomBytes(12).toString('hex')}`;
    this.authCodes.set(auth_code, {
      auth_code,
      app_id: this.appId,
      expires_at: this.now() + ttlMs,
      used: false,
      grant: { advertiser_ids: [...grant.advertiser_ids], scope: [...grant.scope] },
    });
    return auth_code;
  }

  /** An image `advertiser_id` may use: seeded, or uploaded by that advertiser. */
  imageFor(image_id: string, advertiser_id: string): ImageRecord | undefined {
    const image = this.images.get(image_id);
    return image && (!image.advertiser_id || image.advertiser_id === advertiser_id)
      ? image
      : undefined;
  }

  /** A video `advertiser_id` may use: seeded, or uploaded by that advertiser. */
  videoFor(video_id: string, advertiser_id: string): VideoRecord | undefined {
    const video = this.videos.get(video_id);
    return video && (!video.advertiser_id || video.advertiser_id === advertiser_id)
      ? video
      : undefined;
  }

  /** Counts one HTTP call to `endpoint`. */
  countCall(endpoint: string): void {
    this.calls[endpoint] = (this.calls[endpoint] ?? 0) + 1;
  }

  /** The advertiser's identities (empty when none). */
  identitiesOf(advertiser_id: string): IdentityRecord[] {
    let list = this.identities.get(advertiser_id);
    if (!list) {
      list = [];
      this.identities.set(advertiser_id, list);
    }
    return list;
  }
}
