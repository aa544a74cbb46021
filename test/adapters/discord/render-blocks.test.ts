import { renderBlock } from '../../../adapters/discord/render-blocks';
import { COLOUR } from '../../../adapters/discord/render-parts';

const ids = (rows: ReturnType<typeof renderBlock>['rows']) =>
  rows.flatMap(
    (r) => r.components as unknown as Array<{ custom_id?: string; url?: string; style: number }>,
  );

describe('renderBlock (Discord)', () => {
  it('text carries the tone and escapes markdown and mentions typed by people', () => {
    const out = renderBlock({
      type: 'text',
      tone: 'warning',
      text: '**bold** @everyone',
      actions: [{ action_id: 'retry', label: 'Try again' }],
    });
    expect(out.content).toBe('⚠️ \\*\\*bold\\*\\* \\@everyone');
    expect(ids(out.rows).map((c) => c.custom_id)).toEqual(['tad:retry']);
  });

  it('a question shows its examples on a small line', () => {
    expect(
      renderBlock({
        type: 'question',
        field: 'objective_type',
        text: 'Traffic or Conversions?',
        examples: ['Traffic', 'Conversions'],
      }).content,
    ).toBe('Traffic or Conversions?\n-# e.g. Traffic · Conversions');
  });

  it('the approval card: warning colour, counts, requester rule and buttons while open', () => {
    const out = renderBlock({
      type: 'approval_request',
      approved_by: [],
      content_hash: 'abcdef12',
      required: 1,
      approve_emoji: 'white_check_mark',
      reject_emoji: 'x',
      requester_id: '123456789012345678',
      self_approval_allowed: false,
    });
    const [embed] = out.embeds;
    expect(embed).toMatchObject({ color: COLOUR.warning, title: 'Approval needed' });
    expect(embed?.description).toContain(
      'React ✅ to approve exactly this version or ❌ to reject',
    );
    expect(embed?.description).toContain(
      'The requester (<@123456789012345678>) and whoever changed this version cannot approve it.',
    );
    expect(embed?.fields?.map((f) => [f.name, f.value])).toEqual([
      ['Requested by', '<@123456789012345678>'],
      ['Approvals 0/1', 'nobody yet'],
      ['Version', '`abcdef12`'],
    ]);
    expect(ids(out.rows).map((c) => c.custom_id)).toEqual([
      'tad:approve',
      'tad:reject',
      'tad:audit',
    ]);
  });

  it('a link card is one URL button, and the violations card lists each rule', () => {
    const link = renderBlock({
      type: 'link_account',
      url: 'https://bot.example.com/link/start?link=abc',
      expires_in_minutes: 10,
      reason: 'submit',
    });
    expect(link.embeds[0]?.description).toContain(
      'Your ad is approved; connect your TikTok advertiser account',
    );
    expect(link.embeds[0]?.description).toContain('works once, for 10 minutes');
    expect(ids(link.rows)).toEqual([
      expect.objectContaining({ style: 5, url: 'https://bot.example.com/link/start?link=abc' }),
    ]);
    const violations = renderBlock({
      type: 'violations',
      violations: [
        {
          field: 'ad_text',
          rule: 'ad_text.length',
          message: 'Ad text must be 1 to 100 characters.',
        },
      ] as never,
    });
    expect(violations.embeds[0]).toMatchObject({
      color: COLOUR.error,
      description: '• Ad text must be 1 to 100 characters.',
    });
  });

  it('progress turns red on a failed step; the result names each id as code', () => {
    const failed = renderBlock({
      type: 'progress',
      steps: [{ step: 'campaign', label: 'Campaign', status: 'failed' }],
    });
    expect(failed.embeds[0]).toMatchObject({ color: COLOUR.error, description: '❌ Campaign' });
    const result = renderBlock({
      type: 'result',
      advertiser_id: 'A1',
      campaign_id: 'C1',
      adgroup_id: 'G1',
      ad_id: 'D1',
    });
    expect(result.embeds[0]?.fields?.map((f) => f.value)).toEqual(['`A1`', '`C1`', '`G1`', '`D1`']);
  });

  it('a remediation shows TikTok code and request id beside the advice', () => {
    const out = renderBlock({
      type: 'remediation',
      error_class: 'rate_limit',
      code: 40100,
      title: 'TikTok is busy',
      detail: 'Try again in a minute.',
      request_id: 'req-1',
      actions: [{ action_id: 'retry', label: 'Try again' }],
    });
    expect(out.embeds[0]).toMatchObject({
      color: COLOUR.error,
      title: 'TikTok is busy',
      description: 'Try again in a minute.',
    });
    expect(JSON.stringify(out.embeds[0]?.fields)).toContain('40100');
    expect(JSON.stringify(out.embeds[0]?.fields)).toContain('req-1');
  });
});
