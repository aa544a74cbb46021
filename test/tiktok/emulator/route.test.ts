import { EmulatorError } from '../../../src/tiktok/emulator/envelope';
import { filteringOf, idFilter, paginate } from '../../../src/tiktok/emulator/route';

/** The 40002 message `fn` throws; fails when it throws anything else or nothing. */
function paramErrorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof EmulatorError && err.tiktok_code === 40002) return err.message;
    throw err;
  }
  throw new Error('expected a 40002');
}

const items = Array.from({ length: 45 }, (_, i) => i + 1);

// Paging of TikTok list endpoints: `page` ≥ 1, `page_size`, `data.page_info`.
describe('paginate', () => {
  it('gives the first page of the default size', () => {
    const { list, page_info } = paginate(items, {}, 20, 100);
    expect(list).toEqual(items.slice(0, 20));
    expect(page_info).toEqual({ page: 1, page_size: 20, total_number: 45, total_page: 3 });
  });

  it('gives the last, partial page; a page beyond it is empty', () => {
    expect(paginate(items, { page: 3 }, 20, 100).list).toEqual([41, 42, 43, 44, 45]);
    expect(paginate(items, { page: '4' }, 20, 100)).toEqual({
      list: [],
      page_info: { page: 4, page_size: 20, total_number: 45, total_page: 3 },
    });
  });

  it('takes page_size up to the maximum, numbers in strings too', () => {
    expect(paginate(items, { page_size: '100' }, 20, 100).list).toHaveLength(45);
    expect(paginate([], {}, 20, 100).page_info).toEqual({
      page: 1,
      page_size: 20,
      total_number: 0,
      total_page: 0,
    });
  });

  it.each([
    [{ page: 0 }, 'page: must be an integer ≥ 1.'],
    [{ page: 1.5 }, 'page: must be an integer ≥ 1.'],
    [{ page: 'two' }, 'page: must be a number.'],
    [{ page_size: 0 }, 'page_size: must be an integer between 1 and 100.'],
    [{ page_size: 101 }, 'page_size: must be an integer between 1 and 100.'],
    [{ page_size: 2.5 }, 'page_size: must be an integer between 1 and 100.'],
  ])('refuses %j', (params, message) => {
    expect(paramErrorOf(() => paginate(items, params, 20, 100))).toBe(message);
  });
});

describe('filteringOf', () => {
  it('returns the decoded object, or {} when absent', () => {
    expect(filteringOf({ filtering: { campaign_ids: ['1'] } })).toEqual({ campaign_ids: ['1'] });
    expect(filteringOf({})).toEqual({});
    expect(filteringOf({ filtering: null })).toEqual({});
  });

  it.each([['text'], [[1, 2]], [5]])('refuses %j', (filtering) => {
    expect(paramErrorOf(() => filteringOf({ filtering }))).toBe(
      'filtering: must be a JSON object.',
    );
  });
});

describe('idFilter', () => {
  it('gives the ids as strings, or undefined when absent', () => {
    expect(idFilter({ campaign_ids: ['1', 2] }, 'campaign_ids')).toEqual(new Set(['1', '2']));
    expect(idFilter({}, 'campaign_ids')).toBeUndefined();
  });

  it('refuses a filter that is not a list', () => {
    expect(paramErrorOf(() => idFilter({ campaign_ids: '1' }, 'campaign_ids'))).toBe(
      'filtering.campaign_ids: must be an array.',
    );
  });
});
