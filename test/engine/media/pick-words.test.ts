import { type Pickable, pickFromWords } from '../../../src/engine/media/pick-words';

const items: Pickable[] = [
  { id: 'img_1', file_name: 'summer-beach.jpg', width: 1080, height: 1920 },
  { id: 'img_2', file_name: 'pier-sunset.jpg', width: 1920, height: 1080 },
  { id: 'img_3', file_name: 'logo.png', width: 1000, height: 1000 },
  { id: 'img_4', file_name: 'summer-city.jpg', width: 1080, height: 1920 },
];
const ids = (text: string, single = false) => pickFromWords(text, items, single).map((i) => i.id);

describe('pickFromWords', () => {
  it.each([
    ['#1 and #3', ['img_1', 'img_3']],
    ['1, 3', ['img_1', 'img_3']],
    ['numbers 2 and 4', ['img_2', 'img_4']],
    ['the first two', ['img_1', 'img_2']],
    ['the second', ['img_2']],
    ['first and third', ['img_1', 'img_3']],
    ['the last two', ['img_3', 'img_4']],
    ['all of them', ['img_1', 'img_2', 'img_3', 'img_4']],
    ['the vertical ones', ['img_1', 'img_4']],
    ['landscape', ['img_2']],
    ['the square one', ['img_3']],
    ['beach and pier', ['img_1', 'img_2']],
  ])('%j picks %j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('keeps each item once, and one at most for a single video', () => {
    expect(ids('#1 #1 #2')).toEqual(['img_1', 'img_2']);
    expect(ids('#2 and #3', true)).toEqual(['img_2']);
  });

  it('ignores positions past the list and picks nothing from unknown words', () => {
    expect(ids('#9')).toEqual([]);
    expect(ids('the mountain photo')).toEqual([]);
  });
});
