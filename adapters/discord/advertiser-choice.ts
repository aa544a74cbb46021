import {
  ActionRowBuilder,
  StringSelectMenuBuilder,
  StringSelectMenuOptionBuilder,
} from 'discord.js';
import type { Block } from '../../src/engine/ports';
import { encodeCustomId } from './custom-id';
import { DISCORD_LIMITS, truncate } from './limits';
import { codeOf, escapeMd, mention } from './markdown';
import { COLOUR, cardEmbeds, type RenderedBlock } from './render-parts';

type AdvertiserChoice = Block & { type: 'advertiser_choice' };

/**
 * The advertiser accounts the requester can choose from: every account listed in full (name
 * and id) in the card, then one `StringSelectMenu` per page of 25 accounts ("Accounts 26-30 of
 * 30"), each in its own action row (Discord "Message components → String Select": at most 25
 * options, label and value at most 100 characters; `custom_id` unique per message, so each
 * page's menu is `tad:choose_advertiser:p<n>`). A pick sends the advertiser id as the menu's
 * value. More than 5 pages go on in the next message (5 action rows per message).
 */
export function renderAdvertiserChoice(block: AdvertiserChoice): RenderedBlock {
  const page = DISCORD_LIMITS.selectOptions;
  const usable = block.options.filter((o) => o.advertiser_id.length <= DISCORD_LIMITS.optionText);
  const rows: RenderedBlock['rows'] = [];
  for (let start = 0; start < usable.length; start += page) {
    const slice = usable.slice(start, start + page);
    const customId = encodeCustomId({
      action_id: 'choose_advertiser',
      value: `p${start / page + 1}`,
    });
    if (!customId) continue;
    const menu = new StringSelectMenuBuilder()
      .setCustomId(customId)
      .setPlaceholder(
        usable.length <= page
          ? 'Choose the account'
          : `Accounts ${start + 1}-${start + slice.length} of ${usable.length}`,
      )
      .addOptions(
        slice.map((o) =>
          new StringSelectMenuOptionBuilder()
            .setLabel(truncate(o.advertiser_name ?? o.advertiser_id, DISCORD_LIMITS.optionText))
            .setDescription(truncate(o.advertiser_id, DISCORD_LIMITS.optionText))
            .setValue(o.advertiser_id),
        ),
      );
    rows.push(new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu).toJSON());
  }
  const list = block.options.map(
    (o) =>
      `• ${o.advertiser_name ? `${escapeMd(o.advertiser_name)} ` : ''}${codeOf(o.advertiser_id)}`,
  );
  return {
    embeds: cardEmbeds({
      colour: COLOUR.info,
      title: 'Which advertiser account should this ad use?',
      description: [
        `Only ${mention(block.requester_id)} can choose. ${block.options.length} accounts:`,
        ...list,
      ].join('\n'),
    }),
    rows,
  };
}
