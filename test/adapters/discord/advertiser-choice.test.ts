import { renderAdvertiserChoice } from '../../../adapters/discord/advertiser-choice';

type Menu = {
  custom_id: string;
  placeholder: string;
  options: Array<{ label: string; value: string; description?: string }>;
};
const menusOf = (rows: ReturnType<typeof renderAdvertiserChoice>['rows']) =>
  rows.map((r) => r.components[0] as unknown as Menu);

describe('renderAdvertiserChoice (Discord)', () => {
  it('lists the accounts, escaped, and offers one menu for the requester', () => {
    const { embeds, rows } = renderAdvertiserChoice({
      type: 'advertiser_choice',
      requester_id: '123456789012345678',
      options: [
        { advertiser_id: '7001', advertiser_name: 'Shoes **EU**' },
        { advertiser_id: '7002' },
      ],
    });
    expect(embeds[0]?.title).toBe('Which advertiser account should this ad use?');
    expect(embeds[0]?.description).toContain('Only <@123456789012345678> can choose. 2 accounts:');
    expect(embeds[0]?.description).toContain('• Shoes \\*\\*EU\\*\\* `7001`');
    const [menu] = menusOf(rows);
    expect(menu).toMatchObject({
      custom_id: 'tad:choose_advertiser:p1',
      placeholder: 'Choose the account',
    });
    expect(menu?.options.map((o) => [o.label, o.value])).toEqual([
      ['Shoes **EU**', '7001'],
      ['7002', '7002'],
    ]);
  });

  it('pages 60 accounts into menus of 25 with distinct ids', () => {
    const options = Array.from({ length: 60 }, (_, i) => ({ advertiser_id: String(7000 + i) }));
    const menus = menusOf(
      renderAdvertiserChoice({ type: 'advertiser_choice', requester_id: '1', options }).rows,
    );
    expect(menus.map((m) => [m.custom_id, m.placeholder, m.options.length])).toEqual([
      ['tad:choose_advertiser:p1', 'Accounts 1-25 of 60', 25],
      ['tad:choose_advertiser:p2', 'Accounts 26-50 of 60', 25],
      ['tad:choose_advertiser:p3', 'Accounts 51-60 of 60', 10],
    ]);
  });
});
