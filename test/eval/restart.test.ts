import type { Dialogue } from '../../eval/corpus';
import { playCorpus } from '../../eval/play';
import { OfflineTurnModel } from '../../src/model/offline/offline-model';

/**
 * Restarts through the real engine (in-memory store, TikTok emulator over HTTP): a typed
 * "start over" on a ready draft leaves it as it is and points at Reset; a restart before that
 * starts over and keeps what followed it.
 */
const base = {
  name: 'New Kicks',
  objective: 'conversions' as const,
  text: 'Sneakers for every step',
  cta: 'SHOP_NOW',
  music: 'music_789',
  url: 'https://newkicks.example.com',
  media: ['img_summer_2'],
};

describe('restarts said in a message', () => {
  it('asks for Reset on a ready draft and changes nothing until then', async () => {
    const dialogue: Dialogue = {
      id: 'restart-ready',
      style: 'restart',
      user: [
        'campaign Old Shoes for traffic, text: Old shoes, learn more, no music, oldshoes.example.com, vid_summer_1',
        'hmm this is a mess. start over',
      ],
      expect: {
        name: 'Old Shoes',
        objective: 'traffic',
        text: 'Old shoes',
        cta: 'LEARN_MORE',
        music: 'none',
        url: 'https://oldshoes.example.com',
        media: ['vid_summer_1'],
      },
    };
    const [result] = (await playCorpus(new OfflineTurnModel(), [dialogue])).results;
    expect(result?.passed).toBe(true);
    expect(result?.transcript.join('\n')).toContain(
      'This draft is ready for approval. To throw it away and start over, use Reset',
    );
    expect(result?.transcript.join('\n')).not.toContain('Started over');
  }, 30_000);

  it('starts over and keeps the rest of the message for the new draft', async () => {
    const dialogue: Dialogue = {
      id: 'restart-content',
      style: 'restart',
      user: [
        'campaign Old Idea for traffic',
        "scrap that, let's do a new one called New Kicks",
        'conversions',
        'Sneakers for every step',
        'shop now',
        'music_789',
        'newkicks.example.com',
        'img_summer_2',
      ],
      expect: base,
    };
    const [result] = (await playCorpus(new OfflineTurnModel(), [dialogue])).results;
    expect(result?.fields).toEqual([]);
    expect(result?.passed).toBe(true);
    expect(result?.transcript).toContain('  Started over with an empty draft.');
  }, 30_000);
});
