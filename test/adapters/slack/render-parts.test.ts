import {
  actionBlocks,
  context,
  cutMrkdwn,
  fieldSections,
  mrkdwn,
  plain,
  sections,
} from '../../../adapters/slack/render-parts';

type Section = { type: string; text?: { text: string }; fields?: Array<{ text: string }> };

describe('Slack message parts', () => {
  it('mrkdwn is verbatim; plain text is cut to its limit with an ellipsis', () => {
    expect(mrkdwn('*x*')).toEqual({ type: 'mrkdwn', text: '*x*', verbatim: true });
    expect(plain('Approve', 75)).toEqual({ type: 'plain_text', text: 'Approve', emoji: true });
    const cut = plain('x'.repeat(80), 75).text;
    expect(cut).toHaveLength(75);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never cuts an entity in half', () => {
    const cut = cutMrkdwn(`${'a'.repeat(8)}&amp;bbbb`, 10);
    expect(cut).not.toMatch(/&am?…|&a…/);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('splits long text into sections of at most 3000 characters, losing nothing', () => {
    const line = `${'w'.repeat(99)}\n`;
    const text = line.repeat(70);
    const blocks = sections(text) as Section[];
    expect(blocks.length).toBeGreaterThan(2);
    for (const b of blocks) expect(b.text?.text.length).toBeLessThanOrEqual(3000);
    expect(
      blocks
        .map((b) => b.text?.text)
        .join('')
        .replace(/\n/g, ''),
    ).toBe(text.replace(/\n/g, ''));
    expect(sections('   ')).toEqual([{ type: 'section', text: mrkdwn(' ') }]);
  });

  it('puts label/value fields two a row, continuing long values instead of cutting them', () => {
    const blocks = fieldSections([
      ['Ad text', 'Fresh kicks'],
      ['Landing page', ''],
      ['Long', 'y'.repeat(4500)],
    ]) as Section[];
    const fields = blocks.flatMap((b) => b.fields ?? []).map((f) => f.text);
    expect(fields[0]).toBe('*Ad text*\nFresh kicks');
    expect(fields[1]).toBe('*Landing page*\n-');
    expect(fields.filter((f) => f.startsWith('*Long (cont.)*'))).toHaveLength(2);
    for (const f of fields) expect(f.length).toBeLessThanOrEqual(2000);
    expect(fields.join('').split('y').length - 1).toBe(4500);
    for (const b of blocks) expect(b.fields?.length).toBeLessThanOrEqual(10);
  });

  it('a context line is cut to 3000', () => {
    const block = context('z'.repeat(4000)) as unknown as { elements: Array<{ text: string }> };
    expect(block.elements[0]?.text).toHaveLength(3000);
  });

  it('buttons get styles, unique numbered ids for repeats, and at most 25 per actions block', () => {
    const [single] = actionBlocks([
      { action_id: 'approve', label: 'Approve' },
      { action_id: 'reject', label: 'Reject' },
      { action_id: 'retry', label: 'Try again' },
    ]) as unknown as Array<{ elements: Array<Record<string, unknown>> }>;
    expect(single?.elements.map((e) => [e.action_id, e.style])).toEqual([
      ['tab:approve', 'primary'],
      ['tab:reject', 'danger'],
      ['tab:retry', 'primary'],
    ]);
    const many = actionBlocks(
      Array.from({ length: 30 }, (_, i) => ({
        action_id: 'choose_advertiser' as const,
        label: `A${i}`,
        value: `adv${i}`,
      })),
    ) as unknown as Array<{ elements: Array<Record<string, unknown>> }>;
    expect(many.map((b) => b.elements.length)).toEqual([25, 5]);
    expect(many[1]?.elements[0]).toMatchObject({
      action_id: 'tab:choose_advertiser:25',
      value: 'adv25',
    });
  });
});
