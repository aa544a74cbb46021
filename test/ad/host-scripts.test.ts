import { asciiLookAlike, mixedScripts } from '../../src/ad/host-scripts';

// UTS #39 "Unicode Security Mechanisms" (https://www.unicode.org/reports/tr39/): §5.2 "Highly
// Restrictive" for mixed scripts, §4 for whole-script confusables.
describe('mixedScripts', () => {
  it.each([
    ['plain Latin', 'example'],
    ['digits and hyphens count for every script', 'shop-24'],
    ['German umlauts are Latin', 'bücher'],
    ['all Cyrillic', 'пример'],
    ['all Greek', 'παράδειγμα'],
    ['Cyrillic with digits', 'пример1'],
    ['Latin with Han and kana (Japanese)', 'abc漢字かな'],
    ['Latin with Han and Hangul (Korean)', 'abc漢字한국'],
    ['Latin with Han and Bopomofo', 'abc漢ㄅ'],
    ['an empty label', ''],
    ['only digits', '123'],
  ])('allows %s: %j', (_name, label) => {
    expect(mixedScripts(label)).toEqual([]);
  });

  it.each([
    ['Latin with Cyrillic о', 'bооts', ['Latin', 'Cyrillic']],
    ['Cyrillic first, then Latin', 'пpимep', ['Cyrillic', 'Latin']],
    ['Latin with Greek ο', 'gοogle', ['Latin', 'Greek']],
    ['three scripts', 'aбγ', ['Latin', 'Cyrillic', 'Greek']],
    ['Hangul with kana (two CJK systems that do not combine)', '한かな', ['Hangul', 'Hiragana']],
  ])('names the scripts of %s: %j', (_name, label, scripts) => {
    expect(mixedScripts(label)).toEqual(scripts);
  });
});

describe('asciiLookAlike', () => {
  it.each([
    ['all-Cyrillic "apple"', 'аррӏе', 'appie'],
    ['Cyrillic "сосо"', 'сосо', 'coco'],
  ])('reads %s as its ASCII skeleton', (_name, label, skeleton) => {
    expect(asciiLookAlike(label)).toBe(skeleton);
  });

  it.each([
    ['an ASCII label', 'apple'],
    ['a German word with an umlaut', 'bücher'],
    ['a Russian word', 'пример'],
    ['a Japanese word', '漢字'],
  ])('finds none for %s', (_name, label) => {
    expect(asciiLookAlike(label)).toBeNull();
  });
});
