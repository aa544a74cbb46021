import type { EngineSettings } from '../engine/settings';
import type { Platform } from '../engine/thread-id';
import { type Config, linkingMode, wantsServer } from './config';

/**
 * Engine settings from the parsed config. `platform` decides the self-approval default: the
 * terminal has one user, so the requester may approve their own draft there; elsewhere a
 * teammate must, unless `ALLOW_SELF_APPROVAL=true`.
 */
export function engineSettingsFrom(config: Config, platform: Platform): EngineSettings {
  return {
    budget: {
      min_daily: config.MIN_DAILY_BUDGET,
      max_daily: config.MAX_DAILY_BUDGET,
      default_daily: config.DEFAULT_DAILY_BUDGET,
      currency: config.TIKTOK_CURRENCY,
    },
    approvals_required: config.APPROVALS_REQUIRED,
    allow_self_approval: config.ALLOW_SELF_APPROVAL ?? platform === 'console',
    draft_ttl_ms: config.DRAFT_IDLE_DAYS * 24 * 60 * 60 * 1000,
    targeting: {
      location_ids: config.TIKTOK_LOCATION_IDS.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      ...(config.TIKTOK_PIXEL_ID ? { pixel_id: config.TIKTOK_PIXEL_ID } : {}),
      optimization_event: config.TIKTOK_OPTIMIZATION_EVENT,
    },
    identity: {
      ...(config.TIKTOK_IDENTITY_ID ? { identity_id: config.TIKTOK_IDENTITY_ID } : {}),
      display_name: config.TIKTOK_IDENTITY_NAME,
      ...(config.TIKTOK_IDENTITY_AVATAR ? { avatar_path: config.TIKTOK_IDENTITY_AVATAR } : {}),
    },
    approvers: approversOf(config),
    landing_page_ports: config.LANDING_PAGE_PORTS.split(/[\s,]+/)
      .filter(Boolean)
      .map(Number),
    guards: {
      workspace_daily_budget_cap: config.WORKSPACE_DAILY_BUDGET_CAP ?? null,
      llm_calls_per_user_per_hour: config.LLM_CALLS_PER_USER_PER_HOUR ?? null,
      llm_calls_per_workspace_per_hour: config.LLM_CALLS_PER_WORKSPACE_PER_HOUR ?? null,
      max_message_chars: config.MAX_MESSAGE_CHARS,
    },
    ...(platform !== 'console' && wantsServer(config) && linkingMode(config) === 'emulator'
      ? { notice: EMULATOR_NOTICE }
      : {}),
  };
}

/** The first words of every thread when Slack or Discord runs against the TikTok emulator. */
export const EMULATOR_NOTICE =
  'TikTok: emulator. This bot is a trial (TIKTOK_EMULATOR=on): no real ad will be created, and the TikTok account you link is a stand-in.';

/**
 * `APPROVERS`: comma- or space-separated chat user ids, Discord role ids and Slack user-group
 * ids (`S…`); empty when unset (anyone but the requester and the editors may approve).
 */
export function approversOf(config: Pick<Config, 'APPROVERS'>): string[] {
  return (config.APPROVERS ?? '').split(/[\s,]+/).filter(Boolean);
}
