import { findQuotes } from '../../../src/model/offline/entities';
import { messageClauses } from '../../../src/model/offline/inner-split';

const texts = (text: string, from = 0) =>
  messageClauses(text, findQuotes(text), from).map((c) => c.text);

describe('messageClauses', () => {
  it('splits at list and sentence boundaries', () => {
    expect(texts('name Spring Sale, budget 50')).toEqual(['name Spring Sale', 'budget 50']);
    expect(texts('Call it "A, B"; text hi there. cta shop now')).toEqual([
      'Call it "A, B"',
      'text hi there.',
      'cta shop now',
    ]);
  });

  it('splits again where a clause runs on into another field after "and" or "with"', () => {
    expect(texts('name it Spring Sale and budget 50')).toEqual([
      'name it Spring Sale',
      'budget 50',
    ]);
    expect(texts('traffic with music_pop_2024')).toEqual(['traffic', 'music_pop_2024']);
    expect(texts('fresh boots and no music')).toEqual(['fresh boots', 'no music']);
  });

  it('keeps "and" that joins words of one value', () => {
    expect(texts('name it Salt and Pepper')).toEqual(['name it Salt and Pepper']);
  });

  it('gives offsets into the whole text when reading from `from`', () => {
    const text = 'hello. budget 50';
    const [clause] = messageClauses(text, [], 7);
    expect(clause).toEqual({ start: 7, end: 16, text: 'budget 50' });
    expect(text.slice(clause?.start, clause?.end)).toBe('budget 50');
  });
});
