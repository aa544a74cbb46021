import { browsesMusic } from '../../../src/model/offline/asks';
import { understand } from '../../../src/model/offline/understand';

describe('wanting to see the music, said without a question', () => {
  it.each([
    "I don't know any music IDs",
    'i dont have a music id',
    'no idea what the music id is',
    'no music id',
    'show me the music',
    'can you show me the tracks',
    'list music',
    'let me see the songs',
  ])('"%s" asks to see the music', (text) => {
    expect(browsesMusic(text)).toBe(true);
  });

  it.each([
    'no music',
    "we don't need music",
    'use music_123',
    'skip the music',
    'Show your best side this summer',
  ])('"%s" does not ask to see the music', (text) => {
    expect(browsesMusic(text)).toBe(false);
  });

  it('the offline model turns them into question turns that change nothing', () => {
    const input = {
      draft: { campaign_name: 'Denim Days', objective_type: 'TRAFFIC' as const },
      status: 'collecting',
      missing: [],
      last_question: 'music' as const,
      recent: [],
    };
    for (const [message, topic] of [
      ["I don't know any music IDs", 'music'],
      ['Looks great, approve', 'approval'],
      ['approve', 'approval'],
    ] as const) {
      const turn = understand({ ...input, message });
      expect(turn.intent).toBe('question');
      expect(turn.question_topic).toBe(topic);
      expect(Object.values(turn.updates).every((v) => v === null)).toBe(true);
    }
  });
});
