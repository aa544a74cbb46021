import type { Span } from './entities';

/**
 * Part of stage 2: a message cut into clauses, the pieces a person separates with line breaks,
 * ";", "|", ",", " - ", " / " or a sentence end. Cuts never fall inside a protected span
 * (quotes, web addresses, ids) or inside "1,200". Sentence punctuation (".", "!", "?") stays
 * with the clause it ends, so an ad text keeps it; the other separators belong to no clause.
 */
export interface Clause {
  /** Offsets into the message (`end` exclusive), trimmed of spaces. */
  start: number;
  end: number;
  text: string;
}

/** True when offset `i` is inside one of `spans`. */
function inside(spans: readonly Span<unknown>[], i: number): boolean {
  return spans.some((s) => i >= s.start && i < s.end);
}

/** Splits `text` into clauses (see {@link Clause}); empty clauses are dropped. */
export function splitClauses(text: string, protectedSpans: readonly Span<unknown>[]): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '')
      clauses.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
  };
  for (let i = 0; i < text.length; i++) {
    if (inside(protectedSpans, i)) continue;
    const ch = text[i] ?? '';
    const next = text[i + 1] ?? '';
    const prev = text[i - 1] ?? '';
    if (ch === '\n' || ch === ';' || ch === '|') {
      push(i);
      start = i + 1;
    } else if (ch === ',' && !(/\d/.test(prev) && /\d/.test(next))) {
      push(i);
      start = i + 1;
    } else if ((ch === '.' || ch === '!' || ch === '?') && (next === '' || /\s/.test(next))) {
      push(i + 1);
      start = i + 1;
    } else if (
      (ch === '-' || ch === '–' || ch === '—' || ch === '/') &&
      prev === ' ' &&
      next === ' '
    ) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return clauses;
}
