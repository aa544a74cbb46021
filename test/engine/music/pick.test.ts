import { mayPickMusic } from '../../../src/engine/music/pick';
import { emptyUpdates } from '../../../src/model/proposal';

describe('mayPickMusic: when a message may be a pick from the open music list', () => {
  it('only while the list is open', () => {
    expect(mayPickMusic(emptyUpdates(), true)).toBe(true);
    expect(mayPickMusic(emptyUpdates(), false)).toBe(false);
  });

  it('not when the message chooses no music or an upload', () => {
    expect(mayPickMusic({ ...emptyUpdates(), music: 'none' }, true)).toBe(false);
    expect(mayPickMusic({ ...emptyUpdates(), music: 'custom' }, true)).toBe(false);
  });

  it.each(['music_123', '7123456789012345678', ' 123 '])('not when it names the id %s', (id) => {
    expect(mayPickMusic({ ...emptyUpdates(), music: 'existing', music_id: id }, true)).toBe(false);
  });

  it.each(['the upbeat one', '#2', 'second'])(
    'words a model put in music_id ("%s") are a pick',
    (words) => {
      expect(mayPickMusic({ ...emptyUpdates(), music: 'existing', music_id: words }, true)).toBe(
        true,
      );
    },
  );

  it('not when the message sets another field (it is an answer, not a pick)', () => {
    expect(mayPickMusic({ ...emptyUpdates(), budget: 2 }, true)).toBe(false);
    expect(mayPickMusic({ ...emptyUpdates(), landing_page_url: 'https://x.example' }, true)).toBe(
      false,
    );
  });
});
