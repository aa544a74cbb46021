import { tiktokLength } from '../../src/ad/text-length';
import { MAX_OBJECT_NAME_LENGTH, objectNames } from '../../src/tiktok/object-names';

// TikTok "Create a campaign" / "Create an ad group" / "Create ads": names of at most 512,
// CJK characters counting 2.
describe('objectNames', () => {
  it('is 512 long at most', () => {
    expect(MAX_OBJECT_NAME_LENGTH).toBe(512);
  });

  it('keeps the campaign name exactly as approved and tags the two names the bot chooses', () => {
    expect(objectNames('  Summer Sale ', '1a2b3c4d')).toEqual({
      campaign_name: '  Summer Sale ',
      adgroup_name: 'Summer Sale - 1a2b3c4d - ad group',
      ad_name: 'Summer Sale - 1a2b3c4d - ad',
    });
  });

  // " - deadbeef - ad group" is 22 long, leaving 490 for the base.
  it.each([
    ['ASCII at the limit', 'x'.repeat(490), 'x'.repeat(490)],
    ['ASCII one over', 'x'.repeat(491), 'x'.repeat(490)],
    ['CJK, 2 each', '夏'.repeat(300), '夏'.repeat(245)],
    [
      'a CJK character that would cross the limit is left out whole',
      `${'y'.repeat(489)}夏`,
      'y'.repeat(489),
    ],
    ['trailing space at the cut is dropped', `${'z'.repeat(489)} tail`, 'z'.repeat(489)],
  ])('cuts the base: %s', (_name, base, head) => {
    const names = objectNames(base, 'deadbeef');
    expect(names.adgroup_name).toBe(`${head} - deadbeef - ad group`);
    expect(names.ad_name).toBe(`${head} - deadbeef - ad`);
    expect(tiktokLength(names.adgroup_name)).toBeLessThanOrEqual(512);
    expect(names.campaign_name).toBe(base);
  });
});
