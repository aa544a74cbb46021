// Cutting and splitting text that has already been escaped for a platform, so a limit is met
// without breaking what the escaping made: an entity (`&amp;`), a backslash escape (`\*`) or an
// emoji's surrogate pair. Escape first, then cut: the limit counts the characters sent.

/** Returns an index ≤ `at` where `text` may be cut without breaking an escape. */
export type SafeCut = (text: string, at: number) => number;

/** The mark a cut text ends with. */
export const ELLIPSIS = '…';

/** Never leaves the first half of a surrogate pair (an emoji) at the end. */
export function surrogateSafe(text: string, at: number): number {
  const last = text.charCodeAt(at - 1);
  return last >= 0xd800 && last <= 0xdbff ? at - 1 : at;
}

/**
 * `text` cut to at most `max` characters, ending with `…` when something was cut; the cut is
 * moved back to where `safe` allows. The caller shows the rest elsewhere (a follow-up message,
 * a list beside a menu) whenever what is cut matters.
 */
export function cutText(text: string, max: number, safe: SafeCut = surrogateSafe): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  return `${text.slice(0, Math.max(0, safe(text, max - 1)))}${ELLIPSIS}`;
}

/**
 * Splits `text` into pieces of at most `max` characters that together hold all of it: at a line
 * end when one is in the second half of the piece (the line end is dropped), else after a space
 * there, else where `safe` allows. Joining the pieces with `\n` where a line end was dropped and
 * with nothing elsewhere gives `text` back. An empty text is one empty piece.
 */
export function splitText(text: string, max: number, safe: SafeCut = surrogateSafe): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const nl = rest.lastIndexOf('\n', max);
    if (nl > max / 2) {
      pieces.push(rest.slice(0, nl));
      rest = rest.slice(nl + 1);
      continue;
    }
    const space = rest.lastIndexOf(' ', max - 1);
    const at = space > max / 2 ? safe(rest, space + 1) : safe(rest, max);
    const cut = at > 0 ? at : max;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}
