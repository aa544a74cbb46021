/**
 * Stage 1 of the offline model: one clean string to read. Line breaks become `\n`, no-break
 * and other odd spaces become plain spaces, zero-width characters go, list markers at the start
 * of a line ("- ", "• ", "1. ") go, and the ends are trimmed.
 * Nothing else changes: values are later cut from this string exactly as typed.
 */
export function normalise(message: string): string {
  return message
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/^[ \t]*(?:[-*•·–—]|\d{1,2}[.)])[ \t]+/gm, '')
    .trim();
}

/**
 * Trims whitespace and one pair of surrounding quotes ("…", “…”, '…', ‘…’, `…`), the only change
 * every value gets: what the user typed is what is sent (docs/llm.md §5).
 */
export function unquote(value: string): string {
  const trimmed = value.trim();
  const pairs: ReadonlyArray<[string, string]> = [
    ['"', '"'],
    ['“', '”'],
    ["'", "'"],
    ['‘', '’'],
    ['`', '`'],
  ];
  for (const [open, close] of pairs) {
    if (trimmed.length >= 2 && trimmed.startsWith(open) && trimmed.endsWith(close))
      return trimmed.slice(open.length, trimmed.length - close.length).trim();
  }
  return trimmed;
}

/** Strips trailing sentence punctuation: the rule for URLs and names, never for ad text. */
export function stripTrailingPunctuation(value: string): string {
  return value.replace(/[\s.,;:!?]+$/u, '');
}
