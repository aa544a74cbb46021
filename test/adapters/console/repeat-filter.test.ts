import { RepeatFilter } from '../../../adapters/console/repeat-filter';
import type { Block, Reply } from '../../../src/engine/reply';

const preview = (budget: number): Block =>
  ({
    type: 'ad_preview',
    draft: {},
    budget,
    currency: 'USD',
    ad_format: null,
    missing: [],
  }) as Block;
const reply = (thread: string, ...blocks: Block[]): Reply => ({ thread_id: thread, blocks });
const question: Block = { type: 'text', text: 'What next?' };

describe('RepeatFilter', () => {
  it('prints the preview again only when it changed, per thread', () => {
    const filter = new RepeatFilter();
    expect(filter.filter(reply('t1', preview(50), question)).blocks).toHaveLength(2);
    expect(filter.filter(reply('t1', preview(50), question)).blocks).toEqual([question]);
    expect(filter.filter(reply('t2', preview(50))).blocks).toHaveLength(1);
    expect(filter.filter(reply('t1', preview(60))).blocks).toHaveLength(1);
  });

  it('answers with one line when everything was unchanged', () => {
    const filter = new RepeatFilter();
    filter.filter(reply('t', preview(50)));
    expect(filter.filter(reply('t', preview(50))).blocks).toEqual([
      { type: 'text', text: '(Unchanged since shown above: the ad preview.)' },
    ]);
  });

  it('keeps and records the blocks when the user asked to see them', () => {
    const filter = new RepeatFilter();
    filter.filter(reply('t', preview(50)));
    expect(filter.filter(reply('t', preview(50)), true).blocks).toHaveLength(1);
  });
});
