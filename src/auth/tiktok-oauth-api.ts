import type { TikTokClient } from '../tiktok/client';

/** The TikTok OAuth calls linking needs (implemented by `TikTokClient`). */
export type TikTokOAuthApi = Pick<
  TikTokClient,
  'exchangeAuthCode' | 'revokeToken' | 'listAuthorizedAdvertisers'
>;
