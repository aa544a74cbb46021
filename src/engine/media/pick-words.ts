import { shapeOf } from './library';

/**
 * What can be picked in words: a library item (image, video) or a music track. Items without a
 * pixel size never match a shape word; `about` holds more words to match (author, style).
 */
export interface Pickable {
  id: string;
  file_name: string;
  width?: number;
  height?: number;
  about?: string;
}

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
const COUNTS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const SHAPES: ReadonlyArray<[RegExp, 'vertical' | 'horizontal' | 'square']> = [
  [/\b(vertical|portrait|tall|upright)\b/, 'vertical'],
  [/\b(horizontal|landscape|wide)\b/, 'horizontal'],
  [/\bsquare\b/, 'square'],
];
/** Words that describe the pick rather than name it. */
const FILLER = new Set(
  'the a an and or of my our your use pick take choose want these those them ones one image images photo photos picture pictures video videos clip clips music track tracks song songs sound please with from library first last second third all both just only please also then this that'.split(
    ' ',
  ),
);

const count = (word: string | undefined): number | undefined =>
  word === undefined
    ? undefined
    : (COUNTS[word] ?? (/^\d{1,2}$/.test(word) ? Number(word) : undefined));

/**
 * Library items a message picks in plain words, in the order it names them, from `items` (the
 * list the media question showed, newest first; positions count from 1):
 * - positions: `#1 and #3`, `1, 3`, `numbers 2 and 4`;
 * - ordinals: `the first two`, `the first one`, `the second`, `first and third`, `the last two`,
 *   `all of them`, `both`;
 * - shape: `the vertical ones` (portrait), `landscape`, `square`;
 * - words from file names (and `about`): `the summer video`, `beach and pier`, `the upbeat
 *   one` (a shape narrows them).
 * With `single` (a single-video ad) at most one item is returned. Empty when nothing matches:
 * the caller then says it could not tell (a word never becomes an id).
 */
export function pickFromWords<T extends Pickable>(text: string, items: T[], single: boolean): T[] {
  const lower = ` ${text.toLowerCase().replace(/[^a-z0-9#_ -]+/g, ' ')} `;
  const at = (positions: number[]) =>
    positions.flatMap((p) => (items[p - 1] ? [items[p - 1] as T] : []));
  const done = (picked: T[]) => {
    const unique = [...new Map(picked.map((i) => [i.id, i])).values()];
    return single ? unique.slice(0, 1) : unique;
  };

  const hashes = [...lower.matchAll(/#\s*(\d{1,3})\b/g)].map((m) => Number(m[1]));
  if (hashes.length > 0) return done(at(hashes));
  if (/^\s*(?:(?:numbers?|nos?|items?)\s+)?\d{1,3}(?:\s*(?:,|and|&|\s)\s*\d{1,3})*\s*$/.test(lower))
    return done(at([...lower.matchAll(/\d{1,3}/g)].map((m) => Number(m[0]))));
  if (/\b(all|every|everything|both)\b/.test(lower)) return done(items);

  const firstN = /\b(first|last|top|latest|newest)\s+(\w+)\b/.exec(lower);
  const howMany = count(firstN?.[2]);
  if (firstN && howMany !== undefined) {
    return done(firstN[1] === 'last' ? items.slice(-howMany) : items.slice(0, howMany));
  }
  const ordinals = [
    ...lower.matchAll(
      /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\b/g,
    ),
  ].map((m) => (m[1] === 'last' ? items.length : (ORDINALS[m[1] ?? ''] ?? 0)));
  if (ordinals.length > 0) return done(at(ordinals));

  const shape = SHAPES.find(([pattern]) => pattern.test(lower))?.[1];
  const words = lower
    .split(/\s+/)
    .filter((w) => w.length >= 3 && !FILLER.has(w) && !SHAPES.some(([p]) => p.test(` ${w} `)));
  let picked = items.filter(
    (i) =>
      !shape ||
      (i.width !== undefined &&
        i.height !== undefined &&
        shapeOf({ width: i.width, height: i.height }) === shape),
  );
  if (words.length > 0) {
    const named = picked.filter((i) =>
      words.some((w) => `${i.file_name} ${i.id} ${i.about ?? ''}`.toLowerCase().includes(w)),
    );
    if (named.length > 0 || !shape) picked = named;
  }
  if (!shape && words.length === 0) return [];
  return done(picked);
}

/**
 * True when a whole message only points at positions in a list ("#2", "#1 and #3", "number 3",
 * "the second one", "2nd"): it can mean nothing when no numbered list is open.
 */
export function namesAPosition(message: string): boolean {
  return /^\s*(?:(?:pick|take|use|choose)\s+)?(?:#\s*\d{1,3}(?:\s*(?:,|and|&)\s*#?\s*\d{1,3})*|(?:number|no\.?|option)\s*\d{1,3}|\d{1,2}(?:st|nd|rd|th)(?:\s+one)?|(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)(?:\s+(?:one|track|song))?)\s*(?:please|pls)?[\s.!]*$/i.test(
    message,
  );
}

/**
 * True when a short message reads as a pick from a list rather than a value: a position
 * ({@link namesAPosition}) or "the upbeat one" / "the piano track" (at most four words before
 * one, track, song or tune).
 */
export function soundsLikeAPick(message: string): boolean {
  return (
    namesAPosition(message) ||
    /^\s*the\s+(?:[a-z'-]+\s+){1,4}(?:one|track|song|tune)\s*(?:please|pls)?[\s.!]*$/i.test(message)
  );
}
