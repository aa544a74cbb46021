import type { AdsApi } from '../src/tiktok/ads-api';

function refuse(): never {
  throw new Error('The benchmark measures turns that never call TikTok');
}

/** An AdsApi that fails loudly: proves the measured turns made no TikTok call. */
export const NO_TIKTOK: AdsApi = {
  checkMusic: refuse,
  listMusic: refuse,
  uploadMusic: refuse,
  uploadImage: refuse,
  uploadVideo: refuse,
  listImages: refuse,
  listVideos: refuse,
  listIdentities: refuse,
  createIdentity: refuse,
  createCampaign: refuse,
  createAdGroup: refuse,
  createAd: refuse,
  listAds: refuse,
  findCampaigns: refuse,
  findAdGroups: refuse,
  updateStatus: refuse,
  updateAdGroupBudget: refuse,
};
