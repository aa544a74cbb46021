import { blockKitProblems, type KitBlock } from '../../../adapters/slack/limits';
import { adPreview, approvalRequest, progress, result } from '../../../adapters/slack/render-cards';

const ZWSP = '\u200b';
const textOf = (blocks: KitBlock[]) =>
  JSON.stringify(blocks.map((b) => [b.text, b.fields, b.elements]));
const fieldTexts = (blocks: KitBlock[]) =>
  blocks.flatMap((b) =>
    ((b.fields as Array<{ text: string }> | undefined) ?? []).map((f) => f.text),
  );

describe('Slack cards', () => {
  it('the preview shows every field as typed, marks the default budget, and what is missing', () => {
    const blocks = adPreview({
      type: 'ad_preview',
      draft: {
        campaign_name: 'Spring *Sale*',
        objective_type: 'TRAFFIC',
        call_to_action: 'SHOP_NOW',
        music: { kind: 'none' },
      },
      budget: 50,
      currency: 'USD',
      ad_format: 'SINGLE_VIDEO',
      missing: ['ad_text', 'media'],
    });
    const fields = fieldTexts(blocks);
    expect(fields).toContain(`*Campaign*\nSpring ${ZWSP}*${ZWSP}Sale${ZWSP}*${ZWSP}`);
    expect(fields).toContain('*Objective*\nTraffic');
    expect(fields).toContain('*Call to action*\nShop now');
    expect(fields).toContain('*Music*\nNone (a single video with its own sound)');
    expect(fields).toContain('*Daily budget*\n50 USD (default)');
    expect(fields).toContain('*Ad text*\n(not set)');
    expect(textOf(blocks)).toContain('Still needed: ad_text, media');
    expect(blockKitProblems({ text: 'x', blocks })).toEqual([]);
  });

  it('the approval request counts, names approvers and refuses to ping through values', () => {
    const blocks = approvalRequest({
      type: 'approval_request',
      approved_by: ['U111'],
      content_hash: 'abcdef12',
      approvers: ['S0GROUP', 'U222'],
      required: 2,
      approve_emoji: 'white_check_mark',
      reject_emoji: 'x',
      requester_id: 'U999',
      self_approval_allowed: false,
    });
    const text = textOf(blocks);
    expect(text).toContain(
      '*Approval needed* · 1 of 2 approvals, 1 still needed · version `abcdef12`',
    );
    expect(text).toContain('Approved by <@U111>.');
    expect(text).toContain('React with :white_check_mark: on this message');
    expect(text).toContain('<@U999> requested this ad, so a teammate approves it');
    expect(text).toContain('Approvers: <!subteam^S0GROUP>, <@U222>.');
    const buttons = blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements as Array<{ action_id: string }>);
    expect(buttons.map((b) => b.action_id)).toEqual(['tab:approve', 'tab:reject', 'tab:audit']);
  });

  it('an approved card keeps only the audit button', () => {
    const blocks = approvalRequest({
      type: 'approval_request',
      approved_by: ['U111'],
      content_hash: 'abcdef12',
      required: 1,
      approve_emoji: 'white_check_mark',
      reject_emoji: 'x',
      requester_id: 'U999',
      self_approval_allowed: true,
    });
    expect(textOf(blocks)).toContain('*Approved* · 1 of 1 approval · version');
    const buttons = blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements as Array<{ action_id: string }>);
    expect(buttons.map((b) => b.action_id)).toEqual(['tab:audit']);
  });

  it('progress shows each step with its icon and id; the result names every id', () => {
    const steps = progress({
      type: 'progress',
      steps: [
        { step: 'campaign', label: 'Campaign', status: 'done', id: '1800' },
        { step: 'adgroup', label: 'Ad group', status: 'running' },
        { step: 'ad', label: 'Ad', status: 'failed' },
        { step: 'enable', label: 'Switch all on', status: 'pending' },
      ],
    });
    expect((steps[0]?.text as { text: string } | undefined)?.text).toBe(
      '*Submitting to TikTok*\n:large_green_circle: Campaign `1800`\n:hourglass_flowing_sand: Ad group\n:red_circle: Ad\n:white_circle: Switch all on',
    );
    const fields = fieldTexts(
      result({
        type: 'result',
        advertiser_id: 'A1',
        campaign_id: 'C1',
        adgroup_id: 'G1',
        ad_id: 'D1',
      }),
    );
    expect(fields).toEqual([
      '*Advertiser ID*\nA1',
      '*Campaign ID*\nC1',
      '*Ad group ID*\nG1',
      '*Ad ID*\nD1',
    ]);
  });
});
