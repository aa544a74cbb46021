// The pieces Discord messages are built from: tone colours and prefixes, emoji characters,
// embeds and fields within Discord's limits (long values go on in further fields and embeds,
// never cut), action buttons in rows, and the draft's music and media as short texts.
import {
  ActionRowBuilder,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  ButtonBuilder,
  ButtonStyle,
  embedLength,
} from 'discord.js';
import type { ActionId, AdDraft, SuggestedAction } from '../../src/engine/ports';
import { cutText, splitText } from '../shared/cut';
import { encodeCustomId } from './custom-id';
import { DISCORD_LIMITS, truncate } from './limits';
import { mdSafe } from './markdown';

/** Any action row a message carries: buttons, or a select menu. */
export type ComponentRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A block rendered: message text (content, any length), embeds and component rows. */
export interface RenderedBlock {
  content?: string;
  embeds: APIEmbed[];
  rows: ComponentRow[];
}

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

/**
 * Fields for one labelled value of any length (already escaped): pieces of at most 1024
 * characters, the first named `name`, the others `name (cont.)`, so nothing is cut.
 */
export function fields(name: string, value: string, inline = false): APIEmbedField[] {
  const pieces = splitText(value === '' ? '-' : value, DISCORD_LIMITS.fieldValue, mdSafe);
  return pieces.map((piece, i) => ({
    name: truncate(i === 0 ? name : `${name} (cont.)`, DISCORD_LIMITS.fieldName),
    value: piece === '' ? '-' : piece,
    inline: inline && pieces.length === 1,
  }));
}

/** What one card says: its colour, title, text (escaped, any length), fields and footer. */
export interface CardSpec {
  colour: number;
  title?: string;
  description?: string;
  fields?: APIEmbedField[];
  /** Plain text (Discord shows no markdown in footers). */
  footer?: string;
}

/**
 * A card as embeds, each within Discord's limits: the description in pieces of at most 4096
 * characters, at most 25 fields and 6000 characters per embed; what does not fit goes on in
 * the next embed (same colour, no title), so nothing is cut. The renderer puts embeds into
 * messages of at most 6000 characters in all.
 */
export function cardEmbeds(spec: CardSpec): APIEmbed[] {
  const out: APIEmbed[] = [];
  let current: APIEmbed = { color: spec.colour };
  if (spec.title) current.title = cutText(spec.title, DISCORD_LIMITS.title, mdSafe);
  const next = () => {
    out.push(current);
    current = { color: spec.colour };
  };
  const room = () => DISCORD_LIMITS.embedTotal - embedLength(current);
  const pieces = spec.description
    ? splitText(spec.description, DISCORD_LIMITS.description, mdSafe)
    : [];
  pieces.forEach((piece, i) => {
    if (i > 0 || piece.length > room()) next();
    current.description = piece === '' ? '-' : piece;
  });
  for (const f of spec.fields ?? []) {
    if (
      (current.fields?.length ?? 0) >= DISCORD_LIMITS.fields ||
      f.name.length + f.value.length > room()
    )
      next();
    current.fields = [...(current.fields ?? []), f];
  }
  if (spec.footer) {
    const text = truncate(spec.footer, DISCORD_LIMITS.footer);
    if (text.length > room()) next();
    current.footer = { text };
  }
  out.push(current);
  return out;
}

/**
 * Buttons in rows of at most 5; as many rows as the buttons need (the renderer puts at most 5
 * rows in one message and the rest in the next).
 */
export function rowsOf(buttons: ButtonBuilder[]): ButtonRow[] {
  const rows: ButtonRow[] = [];
  const kept = buttons;
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
