import type { types } from '@slack/bolt';
import { type Block, describeItem } from '../../src/engine/ports';
import { isFetchableImageUrl } from '../shared/fetchable-url';
import { slackActionId } from './actions';
import { type KitBlock, truncate } from './limits';
import { escapeMrkdwn } from './mrkdwn';

type MediaChoice = Block & { type: 'media_choice' };

/** Slack's limits for select menus: option text 75, value 150, placeholder 150, 100 options. */
const OPTION_TEXT = 75;
const OPTION_VALUE = 150;

/**
 * The media question's pick list in Block Kit: one `section` per item with its library preview
 * as an `image` accessory (thumbnail), then a `multi_static_select` (carousel images) or
 * `static_select` (one video) with the page's items, the draft's current picks pre-selected,
 * and a "More" button for the next page. A thumbnail is sent only when Slack can fetch it.
 * Picking sends `block_actions` with action
 * `tab:choose_media` (Slack docs: "Multi-select menu element", "Select menu element",
 * "Image element").
 */
export function renderMediaChoice(block: MediaChoice): KitBlock[] {
  const sections = block.items.map((item): KitBlock => {
    const section: types.SectionBlock = {
      type: 'section',
      text: {
        type: 'mrkdwn',
        verbatim: true,
        text: `*#${item.position}* ${escapeMrkdwn(describeItem(item))}\n\`${escapeMrkdwn(item.id)}\``,
      },
    };
    // Slack fetches the image itself: a loopback or private address (the emulator's
    // `http://127.0.0.1:…`) would show broken, so such items are text only.
    if (item.preview_url && isFetchableImageUrl(item.preview_url))
      section.accessory = {
        type: 'image',
        image_url: item.preview_url,
        alt_text: truncate(item.file_name, 2000),
      };
    return section as unknown as KitBlock;
  });
  const option = (item: MediaChoice['items'][number]): types.PlainTextOption => ({
    text: {
      type: 'plain_text',
      text: truncate(`#${item.position} ${item.file_name}`, OPTION_TEXT),
    },
    value: item.id.slice(0, OPTION_VALUE),
  });
  const options = block.items.map(option);
  const chosen = block.items.filter((i) => block.selected.includes(i.id)).map(option);
  const placeholder: types.PlainTextElement = {
    type: 'plain_text',
    text: block.multiple ? 'Pick images for the carousel' : 'Pick the video',
  };
  const menu: types.MultiStaticSelect | types.StaticSelect = block.multiple
    ? {
        type: 'multi_static_select',
        action_id: slackActionId('choose_media'),
        placeholder,
        options,
        ...(chosen.length > 0 ? { initial_options: chosen } : {}),
      }
    : {
        type: 'static_select',
        action_id: slackActionId('choose_media'),
        placeholder,
        options,
        ...(chosen[0] ? { initial_option: chosen[0] } : {}),
      };
  const elements: KitBlock[] = [menu as unknown as KitBlock];
  if (block.page < block.page_count) {
    const more: types.Button = {
      type: 'button',
      action_id: slackActionId('media_page'),
      text: { type: 'plain_text', text: 'More' },
      value: String(block.page + 1),
    };
    elements.push(more as unknown as KitBlock);
  }
  const first = block.items[0]?.position ?? 1;
  const last = block.items.at(-1)?.position ?? first;
  return [
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Your TikTok library, newest first: ${first}-${last} of ${block.total}. Pick from the menu, or say "the first two", "#1 and #3".`,
        },
      ],
    },
    ...sections,
    { type: 'actions', elements },
  ];
}
