// The pieces Discord messages are built from: tone colours and prefixes, emoji characters,
// mentions, embeds and fields cut to Discord's limits, action buttons in rows, and the draft's
// music and media as short texts.
import {
  ActionRowBuilder,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
} from 'discord.js';
import type { AdDraft } from '../../src/ad/draft';
import type { ActionId } from '../../src/engine/chat-event';
import type { SuggestedAction } from '../../src/engine/reply';
import { encodeCustomId } from './custom-id';
import { clampEmbed, DISCORD_LIMITS, truncate } from './limits';

/** One action row of buttons, in Discord's wire shape. */
export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** Discord's brand colours for the four tones. */
export const COLOUR = {
  info: 0x5865f2,
  success: 0x57f287,
  warning: 0xfee75c,
  error: 0xed4245,
} as const;
export const TONE_PREFIX = { info: '', success: '✅ ', warning: '⚠️ ', error: '❌ ' } as const;

/** Slack-style emoji names the engine uses, as the characters Discord shows and reports. */
const EMOJI_CHAR: Record<string, string> = {
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  x: '❌',
  negative_squared_cross_mark: '❎',
};

/** The character for an engine emoji name (`white_check_mark` → `✅`); other input unchanged. */
export function emojiChar(name: string): string {
  return EMOJI_CHAR[name] ?? name;
}

/** A user mention; shown as a name in Discord, and never a ping given `allowedMentions`. */
export function mention(userId: string): string {
  return `<@${userId}>`;
}

/** An embed built with discord.js's `EmbedBuilder`, cut to Discord's embed limits. */
export function embed(build: (e: EmbedBuilder) => EmbedBuilder): APIEmbed {
  return clampEmbed(build(new EmbedBuilder()).toJSON());
}

/** Field helper: name and value cut to Discord's 256 / 1024 (an empty value shows as `-`). */
export function field(name: string, value: string, inline = false) {
  return {
    name: truncate(name, DISCORD_LIMITS.fieldName),
    value: truncate(value === '' ? '-' : value, DISCORD_LIMITS.fieldValue),
    inline,
  };
}

/** Buttons (at most 5 per row, 5 rows); buttons whose `custom_id` would be too long are left out. */
export function rowsOf(buttons: ButtonBuilder[]): ButtonRow[] {
  const rows: ButtonRow[] = [];
  const max = DISCORD_LIMITS.actionRows * DISCORD_LIMITS.buttonsPerRow;
  const kept = buttons.slice(0, max);
  for (let i = 0; i < kept.length; i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push(
      new ActionRowBuilder<ButtonBuilder>()
        .addComponents(kept.slice(i, i + DISCORD_LIMITS.buttonsPerRow))
        .toJSON(),
    );
  }
  return rows;
}

const STYLE_OF: Partial<Record<ActionId, ButtonStyle>> = {
  approve: ButtonStyle.Success,
  reject: ButtonStyle.Danger,
  retry: ButtonStyle.Primary,
  link_account: ButtonStyle.Primary,
};

/** A button that sends `action` back as an interaction; `null` when its id would not fit. */
function actionButton(action: SuggestedAction): ButtonBuilder | null {
  const customId = encodeCustomId(
    action.value === undefined
      ? { action_id: action.action_id }
      : { action_id: action.action_id, value: action.value },
  );
  if (!customId) return null;
  return new ButtonBuilder()
    .setCustomId(customId)
    .setLabel(truncate(action.label, DISCORD_LIMITS.buttonLabel))
    .setStyle(STYLE_OF[action.action_id] ?? ButtonStyle.Secondary);
}

/** The actions as buttons, leaving out those whose `custom_id` would not fit. */
export function buttons(actions: SuggestedAction[]): ButtonBuilder[] {
  return actions.map(actionButton).filter((b): b is ButtonBuilder => b !== null);
}

/** The draft's music as the card shows it (`(not set)` when none was chosen). */
export function musicText(draft: AdDraft): string {
  const m = draft.music;
  if (!m) return '(not set)';
  if (m.kind === 'none') return 'None (single video with its own sound)';
  if (m.kind === 'custom') return `${m.music_id} (your track ${m.file_name})`;
  return m.pending ? `${m.music_id} (confirmed with TikTok at submit)` : m.music_id;
}

/** The draft's images or video as the card shows it (`(not set)` when none were chosen). */
export function mediaText(draft: AdDraft): string {
  if (draft.pending_media?.length) return `${draft.pending_media.join(', ')} (looked up at submit)`;
  if (draft.video_id) return `Video ${draft.video_id}, cover ${draft.image_ids?.[0] ?? '?'}`;
  if (draft.image_ids?.length) return `Images ${draft.image_ids.join(', ')}`;
  return '(not set)';
}

/** The icon of a submission step in the progress embed. */
export const STEP_ICON = { pending: '▫️', running: '⏳', done: '✅', failed: '❌' } as const;
