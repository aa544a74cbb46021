import type { Block } from '../../src/engine/ports';
import { slackActionId } from './actions';
import { type KitBlock, LIMITS } from './limits';
import { codeOf, escapeMrkdwn, mention } from './mrkdwn';
import { plain, sections } from './render-parts';

type AdvertiserChoice = Block & { type: 'advertiser_choice' };

/**
 * The advertiser accounts the requester can choose from: every account listed in full (name
 * and id, in sections), then `static_select` menus of at most {@link LIMITS.selectOptions}
 * options each, one page of accounts per menu ("Accounts 101-200"), as many as the accounts
 * need (Slack "Select menu element": `options` 1..100, option `text` 75, `value` 150). A pick
 * sends action `tab:choose_advertiser:<page>` with the advertiser id as `selected_option`.
 */
export function renderAdvertiserChoice(block: AdvertiserChoice): KitBlock[] {
  const list = block.options.map(
    (o) =>
      `• ${o.advertiser_name ? `${escapeMrkdwn(o.advertiser_name)} ` : ''}${codeOf(o.advertiser_id)}`,
  );
  const page = LIMITS.selectOptions;
  const usable = block.options.filter((o) => o.advertiser_id.length <= LIMITS.optionValue);
  const menus: KitBlock[] = [];
  for (let start = 0; start < usable.length; start += page) {
    const slice = usable.slice(start, start + page);
    const label =
      usable.length <= page
        ? 'Choose the account'
        : `Accounts ${start + 1}-${start + slice.length} of ${usable.length}`;
    menus.push({
      type: 'static_select',
      action_id: slackActionId('choose_advertiser', start / page),
      placeholder: plain(label, LIMITS.placeholder),
      options: slice.map((o) => ({
        text: plain(
          o.advertiser_name ? `${o.advertiser_name} (${o.advertiser_id})` : o.advertiser_id,
          LIMITS.optionText,
        ),
        value: o.advertiser_id,
      })),
    });
  }
  const out = sections(
    [
      `${mention(block.requester_id)}, which advertiser account should this ad use? ${block.options.length} accounts:`,
      ...list,
    ].join('\n'),
  );
  for (let i = 0; i < menus.length; i += LIMITS.actionsElements)
    out.push({ type: 'actions', elements: menus.slice(i, i + LIMITS.actionsElements) });
  return out;
}
