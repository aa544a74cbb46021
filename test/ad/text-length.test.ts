import { hasEmoji, tiktokLength } from '../../src/ad/text-length';

// TikTok "Create a campaign" (`campaign_name`) and "Create ads" (`ad_text`): each Chinese,
// Japanese (and, UNCONFIRMED, Korean) character counts 2, everything else 1.
describe('tiktokLength', () => {
  it.each([
    ['', 0],
    ['Summer sale', 11],
    ['夏季促销', 8],
    ['ひらがな', 8],
    ['カタカナ', 8],
    ['한국어', 6],
    ['Sale 夏', 7],
    ['Bücher', 6],
    ['café', 4],
    // one code point each, though two UTF-16 units
    ['𝒜𝒷', 2],
    ['🌞', 1],
  ])('%j counts %i', (text, length) => {
    expect(tiktokLength(text)).toBe(length);
  });
});

describe('hasEmoji', () => {
  it.each([
    ['Summer 🌞 sale', true],
    ['❤ love', true],
    // a flag is two regional indicator letters (UTS #51), not a pictograph
    ['🇺🇸 flags', true],
    ['Summer sale', false],
    ['夏季促销', false],
    ['30% off & more!', false],
    ['© 2026', true],
  ])('%j: %s', (text, found) => {
    expect(hasEmoji(text)).toBe(found);
  });
});
