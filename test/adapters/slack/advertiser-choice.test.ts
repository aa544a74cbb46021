import { renderAdvertiserChoice } from '../../../adapters/slack/advertiser-choice';
import { blockKitProblems } from '../../../adapters/slack/limits';

type Menu = {
  type: string;
  action_id: string;
  placeholder: { text: string };
  options: Array<{ text: { text: string }; value: string }>;
};

function menus(blocks: ReturnType<typeof renderAdvertiserChoice>): Menu[] {
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as Menu[]);
}

describe('renderAdvertiserChoice', () => {
  it('lists every account by name and id and offers one menu', () => {
    const blocks = renderAdvertiserChoice({
      type: 'advertiser_choice',
      requester_id: 'U123ABC',
      options: [
        { advertiser_id: '7001', advertiser_name: 'Shoes *EU*' },
        { advertiser_id: '7002' },
      ],
    });
    const text = blocks
      .filter((b) => b.type === 'section')
      .map((b) => (b.text as { text: string }).text)
      .join('\n');
    expect(text).toContain('<@U123ABC>, which advertiser account should this ad use? 2 accounts:');
    expect(text).toContain('• Shoes \u200b*\u200bEU\u200b*\u200b `7001`');
    expect(text).toContain('• `7002`');
    const [menu] = menus(blocks);
    expect(menu).toMatchObject({
      type: 'static_select',
      action_id: 'tab:choose_advertiser:0',
      placeholder: { text: 'Choose the account' },
    });
    expect(menu?.options.map((o) => [o.text.text, o.value])).toEqual([
      ['Shoes *EU* (7001)', '7001'],
      ['7002', '7002'],
    ]);
    expect(blockKitProblems({ text: 'x', blocks })).toEqual([]);
  });

  it('pages 250 accounts into menus of 100 that Slack accepts', () => {
    const options = Array.from({ length: 250 }, (_, i) => ({
      advertiser_id: String(7000 + i),
      advertiser_name: `Account ${i}`,
    }));
    const blocks = renderAdvertiserChoice({
      type: 'advertiser_choice',
      requester_id: 'U1',
      options,
    });
    const pages = menus(blocks);
    expect(pages.map((m) => [m.action_id, m.placeholder.text, m.options.length])).toEqual([
      ['tab:choose_advertiser:0', 'Accounts 1-100 of 250', 100],
      ['tab:choose_advertiser:1', 'Accounts 101-200 of 250', 100],
      ['tab:choose_advertiser:2', 'Accounts 201-250 of 250', 50],
    ]);
    expect(blockKitProblems({ text: 'x', blocks })).toEqual([]);
  });
});
