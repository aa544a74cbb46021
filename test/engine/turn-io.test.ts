import { text } from '../../src/engine/turn-io';

describe('text', () => {
  it('is an info text block by default, with no actions member', () => {
    expect(text('Hello')).toEqual({ type: 'text', text: 'Hello', tone: 'info' });
  });

  it('carries the tone and suggested actions when given', () => {
    expect(text('Failed', 'error', [{ action_id: 'retry', label: 'Try again' }])).toEqual({
      type: 'text',
      text: 'Failed',
      tone: 'error',
      actions: [{ action_id: 'retry', label: 'Try again' }],
    });
    expect(text('Done', 'success', [])).not.toHaveProperty('actions');
  });
});
