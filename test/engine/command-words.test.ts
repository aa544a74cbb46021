import { campaignNameFromCommand } from '../../src/engine/command-words';

describe('campaignNameFromCommand', () => {
  it.each([
    ['Summer sale for traffic', 'Summer sale'],
    ['create a new TikTok campaign for Spring Shoes', 'Spring Shoes'],
    ['Hair Cuts 4 Kids / traffic', 'Hair Cuts 4 Kids'],
    ['Cat Cafe, no music, conversions', 'Cat Cafe'],
    ['"Winter Glow"', 'Winter Glow'],
    ['Back to School - to drive sales', 'Back to School'],
    ['Spring Launch.', 'Spring Launch'],
  ])('%j names %j', (words, name) => {
    expect(campaignNameFromCommand(words)).toBe(name);
  });

  it.each([
    ['hello'],
    ['help'],
    ['conversions'],
    ['hello! new ad please'],
    ['I want to create an ad for traffic'],
    ['what should I call the campaign?'],
    ['we need one for Black Friday'],
    ['use music_789 for this one'],
    ['https://example.com/shoes'],
    ['ab'],
    ['one two three four five six seven eight nine ten eleven'],
    ['x'.repeat(101)],
  ])('%j names nothing', (words) => {
    expect(campaignNameFromCommand(words)).toBeNull();
  });
});
