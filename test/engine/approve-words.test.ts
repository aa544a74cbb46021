import { blocksOf, CAROUSEL_SCRIPT, Harness, textOf } from '../support/harness';

const REQUESTER = { id: 'U_REQ', name: 'requester' };
const TEAMMATE = { id: 'U_MATE', name: 'teammate' };

describe('"approve" typed as a message gets a pointer to how approval works, and approves nothing', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('the terminal (self-approval on): /approve, and that the requester may approve there', async () => {
    h = await Harness.start();
    const t = h.thread();
    await t.script(CAROUSEL_SCRIPT);
    const before = await t.state();
    expect(before?.status).toBe('awaiting_approval');
    const replies = await t.say('Looks great, approve');
    const said = textOf(replies);
    expect(said).not.toContain("didn't catch");
    expect(said).toContain('Approving is done with /approve');
    expect(said).toContain('You can approve it yourself here');
    expect(said).toContain(
      `The current card (version ${before?.card?.hash.slice(0, 8)}) needs 1 approval; none yet.`,
    );
    const after = await t.state();
    expect(after?.status).toBe('awaiting_approval');
    expect(after?.approvals).toEqual([]);
    expect(after?.draft).toEqual(before?.draft);
    expect(h.emulator.counts().campaigns).toBe(0);
    // No new card: the pointer is all that is said.
    expect(blocksOf(replies).some((b) => b.type === 'approval_request')).toBe(false);
  });

  it('a team (self-approval off): the requester is told a teammate approves it, with ✅ or the button', async () => {
    h = await Harness.start({ settings: { allow_self_approval: false } });
    const t = h.thread('team', REQUESTER);
    await t.script(CAROUSEL_SCRIPT);
    // The harness thread is a terminal thread; a Slack or Discord thread differs only in `platform`.
    const saved = await t.state();
    if (!saved) throw new Error('no state');
    await h.store.set(h.keys.thread(t.id), { ...saved, platform: 'slack' });

    const replies = await t.say('approve');
    const said = textOf(replies);
    expect(said).toContain('react ✅ on it or click its Approve button');
    expect(said).toContain('You requested this ad, so a teammate needs to approve it.');
    expect(said).not.toContain('/approve');
    expect((await t.state())?.approvals).toEqual([]);

    const mate = await t.say('approved!', { user: TEAMMATE });
    expect(textOf(mate)).toContain('You can approve it.');
    expect((await t.state())?.approvals).toEqual([]);
    expect(h.emulator.counts().campaigns).toBe(0);
  });

  it('names APPROVERS when only listed people may approve', async () => {
    h = await Harness.start({
      settings: { allow_self_approval: false, approvers: ['U_BOSS'] },
    });
    const t = h.thread('approvers', REQUESTER);
    await t.script(CAROUSEL_SCRIPT);
    const replies = await t.say('Looks great, approve', { user: TEAMMATE });
    expect(textOf(replies)).toContain('Only the configured approvers can approve ads here');
  });

  it('on a draft still collecting, says what is missing before the card comes', async () => {
    h = await Harness.start();
    const t = h.thread('early');
    await t.script(CAROUSEL_SCRIPT.slice(0, 3));
    const replies = await t.say('approve');
    expect(textOf(replies)).toContain(
      'Nothing to approve yet. Still needed: music, landing page, media. Once the draft is complete I post the approval card; it needs 1 approval. Approving is done with /approve',
    );
    expect((await t.state())?.draft.music).toBeUndefined();
  });

  it('/approve on a draft still collecting refuses and says what is still needed', async () => {
    h = await Harness.start();
    const t = h.thread('early-command');
    await t.script(CAROUSEL_SCRIPT.slice(0, 3));
    const replies = await t.act('approve');
    expect(textOf(replies)).toContain(
      'There is nothing to approve yet: the draft is not complete. Still needed: music, landing page, media.',
    );
    expect((await t.state())?.approvals).toEqual([]);
  });
});
