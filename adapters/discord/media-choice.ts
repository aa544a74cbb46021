import {
  ActionRowBuilder,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  StringSelectMenuBuilder,
  StringSelectMenuOptionBuilder,
} from 'discord.js';
import { type Block, describeItem } from '../../src/engine/ports';
import { cutText } from '../shared/cut';
import { isFetchableImageUrl } from '../shared/fetchable-url';
import { encodeCustomId } from './custom-id';
import { clampEmbed, truncate } from './limits';
import { codeOf, escapeMd, mdSafe } from './markdown';

type MediaChoice = Block & { type: 'media_choice' };

/** A select menu takes at most 25 options; option label and value at most 100 characters. */
const MAX_OPTIONS = 25;
const OPTION_TEXT = 100;

/**
 * The media question's pick list for Discord: one small embed per item with the library's
 * preview as its thumbnail (at most 10 embeds per message), a `StringSelectMenu` (several for a
 * carousel, one for a single video; the draft's picks are the defaults) sending
 * `tad:choose_media`, and a "More" button for the next page; a thumbnail only when Discord can
 * fetch it (Discord docs: "Message
 * components → String Select", "Embed thumbnail").
 */
export function renderMediaChoice(block: MediaChoice): {
  embeds: APIEmbed[];
  rows: APIActionRowComponent<APIComponentInMessageActionRow>[];
} {
  const items = block.items.slice(0, 10);
  const embeds = items.map((item) => {
    const e = new EmbedBuilder()
      .setColor(0x5865f2)
      .setTitle(cutText(escapeMd(`#${item.position} ${item.file_name}`), 256, mdSafe))
      .setDescription(cutText(`${escapeMd(describeItem(item))}\n${codeOf(item.id)}`, 4096, mdSafe));
    // Discord fetches the image itself: the emulator's loopback URLs would show broken.
    if (item.preview_url && isFetchableImageUrl(item.preview_url)) e.setThumbnail(item.preview_url);
    return clampEmbed(e.toJSON());
  });
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  const customId = encodeCustomId({ action_id: 'choose_media' });
  const options = block.items.slice(0, MAX_OPTIONS).filter((i) => i.id.length <= OPTION_TEXT);
  if (customId && options.length > 0) {
    const menu = new StringSelectMenuBuilder()
      .setCustomId(customId)
      .setPlaceholder(block.multiple ? 'Pick images for the carousel' : 'Pick the video')
      .setMinValues(1)
      .setMaxValues(block.multiple ? options.length : 1)
      .addOptions(
        options.map((item) =>
          new StringSelectMenuOptionBuilder()
            .setLabel(truncate(`#${item.position} ${item.file_name}`, OPTION_TEXT))
            .setDescription(truncate(`${item.width}x${item.height}`, OPTION_TEXT))
            .setValue(item.id)
            .setDefault(block.selected.includes(item.id)),
        ),
      );
    rows.push(new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu).toJSON());
  }
  const moreId = encodeCustomId({ action_id: 'media_page', value: String(block.page + 1) });
  if (block.page < block.page_count && moreId)
    rows.push(
      new ActionRowBuilder<ButtonBuilder>()
        .addComponents(
          new ButtonBuilder().setCustomId(moreId).setLabel('More').setStyle(ButtonStyle.Secondary),
        )
        .toJSON(),
    );
  return { embeds, rows };
}
