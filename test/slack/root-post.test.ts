import { TestLinking } from '../support/test-linking';
import { CHANNEL, SlackRig } from './slack-rig';

const ANA = 'U0ANA';
/** 2,500 characters full of `&<>`: escaped, several times Slack's 3000 for one section. */
const REQUEST = `Summer sale <b>&</b> ${'&<>& '.repeat(600)}`.slice(0, 2500);

describe('Slack: the thread root of a long /tiktok-ad', () => {
  let rig: SlackRig;
  afterEach(() => rig.close());

  it('a 2,500-character text full of &<> opens the thread; the whole text is its first reply', async () => {
    rig = await SlackRig.start({ access: new TestLinking() });
    await rig.command(REQUEST, ANA);
    expect(rig.standin.blockProblems).toEqual([]);
    expect(rig.standin.callsTo('response_url')).toHaveLength(0);
    const root = rig.lastRoot();
    expect(root.text).toContain('started a TikTok ad draft');
    const replies = rig.standin.messagesIn(CHANNEL, root.ts);
    const shown = replies
      .flatMap((m) => m.blocks as Array<{ text?: { text?: string } }>)
      .map((b) => b.text?.text ?? '')
      .join('')
      .replace(/\u200b/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(shown.replace(/\s/g, '')).toContain(REQUEST.replace(/\s/g, ''));
    expect(rig.handled.map((e) => e.type)).toEqual(['start']);
  });

  it('a root Slack refuses for another reason is reported with Slack’s error, not as an invitation', async () => {
    rig = await SlackRig.start({ access: new TestLinking() });
    rig.standin.refuseNextPost('invalid_blocks');
    await rig.command('Summer sale for traffic', ANA);
    const [answer] = rig.standin.callsTo('response_url');
    expect(answer?.params).toMatchObject({ response_type: 'ephemeral' });
    expect(String(answer?.params.text)).toContain('Slack error `invalid_blocks`');
    expect(String(answer?.params.text)).not.toContain('/invite');
    expect(rig.handled).toHaveLength(0);
  });
});
