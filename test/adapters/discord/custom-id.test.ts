import { decodeCustomId, encodeCustomId } from '../../../adapters/discord/custom-id';

describe('Discord button custom_id', () => {
  it('encodes an action with or without a value, and decodes it back', () => {
    expect(encodeCustomId({ action_id: 'approve' })).toBe('tad:approve');
    expect(encodeCustomId({ action_id: 'choose_advertiser', value: '7000:1' })).toBe(
      'tad:choose_advertiser:7000:1',
    );
    expect(decodeCustomId('tad:approve')).toEqual({ action_id: 'approve' });
    expect(decodeCustomId('tad:choose_advertiser:7000:1')).toEqual({
      action_id: 'choose_advertiser',
      value: '7000:1',
    });
  });

  it('drops an id longer than Discord allows (100 characters)', () => {
    expect(
      encodeCustomId({
        action_id: 'choose_media',
        value: 'x'.repeat(100 - 'tad:choose_media:'.length),
      }),
    ).toHaveLength(100);
    expect(
      encodeCustomId({
        action_id: 'choose_media',
        value: 'x'.repeat(101 - 'tad:choose_media:'.length),
      }),
    ).toBeNull();
  });

  it("never reads other apps' components or unknown actions", () => {
    expect(decodeCustomId('other:approve')).toBeNull();
    expect(decodeCustomId('tad:submit')).toBeNull();
    expect(decodeCustomId('tad')).toBeNull();
  });
});
