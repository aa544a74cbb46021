import { visible } from '../../../adapters/console/visible';

describe('visible', () => {
  it('shows terminal escapes, NUL and bidi controls as escapes', () => {
    expect(visible('\x1b[31mred')).toBe('\\x1b[31mred');
    expect(visible('\x1b]0;title\x07')).toBe('\\x1b]0;title\\x07');
    expect(visible('a\u0000b\rc\bd')).toBe('a\\x00b\\x0dc\\x08d');
    expect(visible('abc\u202edef')).toBe('abc\\u202edef');
    expect(visible('x\u{e0041}')).toBe('x\\u{e0041}');
    expect(visible('zero\u200bwidth\ufeff')).toBe('zero\\u200bwidth\\ufeff');
  });

  it('keeps line feeds, tabs, ordinary text and emoji joiners', () => {
    expect(visible('a\n\tb — café 👩‍💻')).toBe('a\n\tb — café 👩‍💻');
    expect(visible('a\u200db')).toBe('a\\u200db');
  });
});
