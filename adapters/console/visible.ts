/**
 * Characters a terminal would act on or hide instead of show: control characters (C0 and C1,
 * so `ESC` of an escape sequence such as `\x1b[31m` or `\x1b]0;title\x07`, `NUL`, carriage
 * return, backspace), and Unicode format characters (`Cf`: bidi controls such as U+202E that
 * reverse what follows, zero-width spaces, BOM, tag characters) plus the line and paragraph
 * separators. Line feed and tab are kept; a zero-width joiner after an emoji is kept (it is
 * part of the emoji, e.g. 👩‍💻). Source: Unicode general categories (unicode.org/reports/tr44).
 */
const HIDDEN = /(?!(?<=\p{Extended_Pictographic})\u200d)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

function escaped(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}

/**
 * `text` with every character of {@link HIDDEN} except `\n` and `\t` shown as its escape
 * (`\x1b`, `\u202e`, `\u{e0041}`), so what the terminal prints is exactly what was typed and
 * nothing in a value can recolour, retitle or reorder the screen.
 */
export function visible(text: string): string {
  return text.replace(HIDDEN, (char) => (char === '\n' || char === '\t' ? char : escaped(char)));
}
