import nlp from 'compromise';

/**
 * Stage 2 of the offline model: values that have a recognisable shape wherever they appear:
 * web addresses, TikTok music and library ids, quoted strings and money amounts (digits,
 * "1,200", "1.2k", "$50", "50 USD", "fifty dollars", "50 bucks"; number words are read by
 * `compromise`). Each entity keeps its position so later stages can tell which clause it is in.
 */

/** A found value and where it is in the text (`start` inclusive, `end` exclusive). */
export interface Span<T = string> {
  start: number;
  end: number;
  value: T;
}

const TLDS =
  'com|net|org|io|co|ai|app|shop|store|dev|us|uk|de|fr|es|it|nl|ca|au|info|biz|me|tv|xyz|online|site|page|link|health|media|studio';
const URL_PATTERN = new RegExp(
  `(?:\\b(?:https?|ftp|file):\\/\\/[^\\s<>"'“”]+)|(?:\\b(?:javascript|data|vbscript|blob):[^\\s<>"'“”]+)|(?:\\bwww\\.[^\\s<>"'“”]+)|(?:[\\p{L}\\p{N}][\\p{L}\\p{N}-]*(?:\\.[\\p{L}\\p{N}-]+)*\\.(?:${TLDS})\\b(?:\\/[^\\s<>"'“”]*)?)`,
  'giu',
);

/**
 * Web addresses: `https://…`, `www.…` and bare domains ("shop.example.com/x", international
 * ones in any letters, so a look-alike `bооts.example.com` is taken whole). Links of other
 * schemes (`ftp://`, `file://`, `javascript:`, `data:`) are taken too, so the landing page rule
 * refuses them by name rather than the message going unread. Trailing sentence punctuation
 * and a closing bracket are not part of the address ("https://a.com/week;" → "https://a.com/week").
 */
export function findUrls(text: string): Span[] {
  const found: Span[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    if (start > 0 && /[@\w./:\p{L}\p{N}]/u.test(text[start - 1] ?? '')) continue;
    const value = match[0].replace(/[.,;:!?)\]}>]+$/u, '');
    if (value.length === 0) continue;
    found.push({ start, end: start + value.length, value });
  }
  return found;
}

/** TikTok music ids as people type them: "music_pop_2024", "music id 7123456", "music #123". */
export function findMusicIds(text: string): Span[] {
  const found: Span[] = [];
  for (const m of text.matchAll(/\bmusic_[a-z0-9_]*[a-z0-9]/gi)) {
    const start = m.index ?? 0;
    found.push({ start, end: start + m[0].length, value: m[0] });
  }
  for (const m of text.matchAll(/\b(?:music|track|song)(?:\s+id)?\s*[:#]?\s*(\d{3,20})\b/gi)) {
    const start = m.index ?? 0;
    found.push({ start, end: start + m[0].length, value: m[1] ?? '' });
  }
  return found;
}

/**
 * Library ids: the emulator's images (`img_…`, `image_…`) and videos (`vid_…`, `video_…`), and
 * TikTok's real formats: image ids such as `ad-site-i18n-sg/202203285d0de5c8…` and video ids
 * such as `v10033g50000c4s4dpbc77u7ttle1f60` (docs/tiktok-api.md §9), each taken whole.
 */
export function findMediaIds(text: string): Span[] {
  const found: Span[] = [];
  for (const m of text.matchAll(
    /(?<![\w/-])(?:(?:img|vid|image|video)_[a-z0-9_-]*[a-z0-9]|ad-site-[a-z0-9-]+\/[a-z0-9]{6,}|v\d{2}[0-9a-z]{20,40})(?![\w/-])/gi,
  )) {
    const start = m.index ?? 0;
    found.push({ start, end: start + m[0].length, value: m[0] });
  }
  return found;
}

const QUOTE_PAIRS: ReadonlyArray<[string, string]> = [
  ['"', '"'],
  ['“', '”'],
  ['‘', '’'],
  ["'", "'"],
];

/**
 * Quoted strings: "…", “…”, ‘…’, and '…' when the quotes stand at word edges (so "it's" and
 * "o'clock" are not quotes). The span covers the quotes; `value` is what is inside, as typed.
 */
export function findQuotes(text: string): Span[] {
  const found: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    const pair = QUOTE_PAIRS.find(([open]) => open === ch);
    const atEdge = i === 0 || /[\s:(=,-]/.test(text[i - 1] ?? '');
    if (pair && (pair[0] !== "'" || atEdge)) {
      let j = text.indexOf(pair[1], i + 1);
      while (
        j !== -1 &&
        pair[1] === "'" &&
        j + 1 < text.length &&
        !/[\s,.;:!?)]/.test(text[j + 1] ?? '')
      )
        j = text.indexOf(pair[1], j + 1);
      if (j > i + 1) {
        found.push({ start: i, end: j + 1, value: text.slice(i + 1, j) });
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  return found;
}

/** How an amount is meant: per day, a total (or other period), or not said. */
export type Period = 'daily' | 'total' | null;

/** A money amount: `value` in currency units, whether a currency was named, and its period. */
export interface Amount {
  value: number;
  currency: boolean;
  period: Period;
}

const NUMBER_WORDS =
  /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\b/i;
const NUMBER_RUN =
  /^(?:(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|and|a)(?:[\s-]+|$))+/i;
const DIGITS =
  /(?:\b(usd|us\$|eur|gbp)\s*|(\$)\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(k)\b)?/gi;
const CURRENCY_AFTER = /^\s*(?:usd|dollars?|bucks|eur|euros?|gbp|\$)\b/i;
const DAILY_AFTER =
  /^\s*(?:(?:usd|dollars?|bucks|eur|euros?|gbp|\$)\s*)?(?:\/\s*day|(?:a|per|each|every|\/)\s*day|daily|a-day|\/d\b)/i;
const TOTAL_AFTER =
  /^\s*(?:(?:usd|dollars?|bucks|eur|euros?|gbp|\$)\s*)?(?:in total|total|overall|lifetime|for the whole|for the (?:month|week|campaign)|(?:a|per|each|every)\s*(?:month|week)|monthly|weekly)/i;
const DAILY_BEFORE = /\b(?:daily|per day|a day)(?:\s+budget)?(?:\s+(?:of|is|=|:))?\s*$/i;
const TOTAL_BEFORE = /\b(?:total|lifetime|overall)(?:\s+budget)?(?:\s+(?:of|is|=|:))?\s*$/i;

/**
 * Money amounts in `text`, in order: digits with thousands commas and decimals, "k" for
 * thousands, a currency before or after ("$", "USD", "dollars", "bucks"), number words
 * ("seventy five", "one hundred and twenty", via `compromise`), and the period said next to it
 * ("a day", "/day", "daily" → daily; "in total", "a month" → total).
 */
export function findAmounts(text: string): Span<Amount>[] {
  const found: Span<Amount>[] = [];
  for (const m of text.matchAll(DIGITS)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const before = text.slice(0, start);
    if (/[\w.]$/.test(before) || /^[\w]/.test(text.slice(end))) continue;
    if (/^\s*%/.test(text.slice(end))) continue;
    let value = Number((m[3] ?? '').replace(/,/g, ''));
    if (m[4]) value *= 1000;
    const currency = Boolean(m[1] || m[2]) || CURRENCY_AFTER.test(text.slice(end));
    found.push({ start, end, value: { value, currency, period: periodOf(text, start, end) } });
  }
  if (NUMBER_WORDS.test(text)) found.push(...wordAmounts(text));
  return found.sort((a, b) => a.start - b.start);
}

function wordAmounts(text: string): Span<Amount>[] {
  const found: Span<Amount>[] = [];
  const numbers = nlp(text).numbers().json({ offset: true }) as Array<{
    number?: { num?: number | null };
    offset?: { start: number };
  }>;
  for (const n of numbers) {
    const value = n.number?.num;
    const start = n.offset?.start;
    if (typeof value !== 'number' || start === undefined) continue;
    const run = NUMBER_RUN.exec(text.slice(start))?.[0] ?? '';
    if (!NUMBER_WORDS.test(run)) continue;
    const end = start + run.replace(/(?:[\s-]+(?:and|a))*[\s-]*$/i, '').length;
    const currency = CURRENCY_AFTER.test(text.slice(end));
    found.push({ start, end, value: { value, currency, period: periodOf(text, start, end) } });
  }
  return found;
}

function periodOf(text: string, start: number, end: number): Period {
  const after = text.slice(end);
  const before = text.slice(0, start).replace(/(?:\$|usd|us\$)\s*$/i, '');
  if (DAILY_AFTER.test(after) || DAILY_BEFORE.test(before)) return 'daily';
  if (TOTAL_AFTER.test(after) || TOTAL_BEFORE.test(before)) return 'total';
  return null;
}
