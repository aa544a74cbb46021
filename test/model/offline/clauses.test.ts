import { splitClauses } from '../../../src/model/offline/clauses';

const texts = (text: string, spans: Array<{ start: number; end: number }> = []) =>
  splitClauses(
    text,
    spans.map((s) => ({ ...s, value: null })),
  ).map((c) => c.text);

describe('splitClauses', () => {
  it('cuts at line breaks, ; | , and spaced dashes or slashes, which belong to no clause', () => {
    expect(
      texts('name Spring; budget 50 | cta shop now, music none - objective traffic / go'),
    ).toEqual([
      'name Spring',
      'budget 50',
      'cta shop now',
      'music none',
      'objective traffic',
      'go',
    ]);
    expect(texts('a\nb')).toEqual(['a', 'b']);
  });

  it('keeps sentence punctuation with the clause it ends', () => {
    expect(texts('Big sale today! Shop now. Why wait?')).toEqual([
      'Big sale today!',
      'Shop now.',
      'Why wait?',
    ]);
  });

  it('does not cut inside 1,200, a.b, or an unspaced dash', () => {
    expect(texts('budget 1,200 for e-commerce at shop.example')).toEqual([
      'budget 1,200 for e-commerce at shop.example',
    ]);
  });

  it('does not cut inside a protected span', () => {
    const text = 'text "Hi, there. Bye" now';
    const start = text.indexOf('"');
    const end = text.lastIndexOf('"') + 1;
    expect(texts(text, [{ start, end }])).toEqual(['text "Hi, there. Bye" now']);
    expect(texts(text)).toEqual(['text "Hi', 'there.', 'Bye" now']);
  });

  it('gives offsets into the message, trimmed of spaces, and drops empty clauses', () => {
    const text = '  one ;; two  ';
    const clauses = splitClauses(text, []);
    expect(clauses).toEqual([
      { start: 2, end: 5, text: 'one' },
      { start: 9, end: 12, text: 'two' },
    ]);
    for (const c of clauses) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});
