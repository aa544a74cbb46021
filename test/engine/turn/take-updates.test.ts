import { needsTikTok, takeUpdates } from '../../../src/engine/turn/take-updates';
import { emptyUpdates } from '../../../src/model/proposal';
import { stateOf } from '../../support/thread-states';
import { turnRig } from './turn-rig';

const NOTE = { name: 'notes.txt', data: Buffer.from('just some text, not media') };

describe('needsTikTok', () => {
  const none = emptyUpdates();

  it('rules alone decide a plain detail', () => {
    expect(needsTikTok({ ...none, budget: 50 }, [], stateOf())).toBe(false);
  });

  it('files, a music id, media ids, the media question or the music list need the link', () => {
    expect(needsTikTok(none, [NOTE], stateOf())).toBe(true);
    expect(needsTikTok({ ...none, music_id: 'm1' }, [], stateOf())).toBe(true);
    expect(needsTikTok({ ...none, image_ids: ['i1'] }, [], stateOf())).toBe(true);
    expect(needsTikTok({ ...none, image_ids: [] }, [], stateOf())).toBe(false);
    expect(needsTikTok({ ...none, video_id: 'v1' }, [], stateOf())).toBe(true);
    expect(needsTikTok(none, [], stateOf({ last_question: 'media' }))).toBe(true);
    expect(needsTikTok(none, [], stateOf({ music_listed: true }))).toBe(true);
  });
});

describe('takeUpdates', () => {
  it('applies what the rules allow to a copy of the draft', async () => {
    const rig = turnRig();
    const state = stateOf();
    const taken = await takeUpdates(
      rig.ctx,
      state,
      { ...emptyUpdates(), campaign_name: 'Spring Shoes', budget: 5 },
      { message: 'x', files: [], auth: null, musicListOpen: false },
    );
    expect(taken?.applied.draft.campaign_name).toBe('Spring Shoes');
    expect(taken?.applied.changed).toEqual(['campaign_name']);
    expect(taken?.applied.violations.map((violation) => violation.field)).toEqual(['budget']);
    expect(taken?.uploaded).toBeUndefined();
    expect(state.draft).toEqual({});
    expect(rig.replies).toEqual([]);
  });

  it('a refused file: its violation and "nothing was uploaded" said, nothing taken', async () => {
    const rig = turnRig();
    const taken = await takeUpdates(
      rig.ctx,
      stateOf(),
      { ...emptyUpdates(), campaign_name: 'Spring Shoes' },
      { message: '', files: [NOTE], auth: null, musicListOpen: false },
    );
    expect(taken).toBeNull();
    const [violations, warning] = rig.blocks();
    expect(violations).toMatchObject({ type: 'violations' });
    expect(JSON.stringify(violations)).toContain('notes.txt');
    expect(warning).toEqual({
      type: 'text',
      tone: 'warning',
      text: 'Nothing was uploaded; the draft is as it was.',
    });
  });
});
