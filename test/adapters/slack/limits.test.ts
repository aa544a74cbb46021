import { blockKitProblems, truncate } from '../../../adapters/slack/limits';

const paths = (message: Parameters<typeof blockKitProblems>[0]) =>
  blockKitProblems(message).map((p) => `${p.path}: ${p.problem}`);

describe('blockKitProblems', () => {
  it('accepts a message within every limit', () => {
    expect(
      paths({
        text: 'fallback',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'Ad preview' } },
          { type: 'section', fields: [{ type: 'mrkdwn', text: '*A*\nb' }] },
          { type: 'divider' },
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                action_id: 'tab:approve',
                text: { type: 'plain_text', text: 'Approve' },
              },
            ],
          },
        ],
      }),
    ).toEqual([]);
  });

  it('names each broken limit by its path', () => {
    expect(
      paths({
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } },
          { type: 'section' },
          { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
          { type: 'context', elements: [] },
          {
            type: 'actions',
            elements: [
              { type: 'button', action_id: 'tab:a', text: { type: 'plain_text', text: '' } },
              {
                type: 'button',
                action_id: 'tab:a',
                text: { type: 'plain_text', text: 'ok' },
                url: `https://x/${'u'.repeat(3000)}`,
              },
              {
                type: 'static_select',
                action_id: 'tab:s',
                options: [{ text: { type: 'plain_text', text: 'o'.repeat(76) }, value: 'v' }],
              },
            ],
          },
          { type: 'image' },
        ],
      }),
    ).toEqual([
      'text: missing text fallback',
      'blocks[0].text: length 3001 outside 1..3000',
      'blocks[1]: section without text',
      'blocks[2].text: header length',
      'blocks[3].elements: context needs 1..10 elements',
      'blocks[4].elements[0].text: button text length',
      'blocks[4].elements[1].url: too long',
      'blocks[4].elements[1].action_id: duplicate action_id tab:a',
      'blocks[4].elements[2].options: option text length',
      'blocks[5]: unexpected block type image',
    ]);
  });

  it('counts blocks per message and fields per section', () => {
    expect(
      paths({ text: 't', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) }),
    ).toEqual(['blocks: 51 blocks > 50']);
    const fields = Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' }));
    expect(paths({ text: 't', blocks: [{ type: 'section', fields }] })).toEqual([
      'blocks[0].fields: more than 10 fields',
    ]);
  });
});

describe('truncate', () => {
  it('cuts to the limit with an ellipsis, leaving short text alone', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('x'.repeat(20), 10);
    expect(cut).toHaveLength(10);
    expect(cut.endsWith('…')).toBe(true);
  });
});
