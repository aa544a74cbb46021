// Clause splitting for the offline model's filler: a message's clauses, split again where
// one clause runs on into another field ("… and budget 50", "headline: …").
import { type Clause, splitClauses } from './clauses';
import { findAmounts, findMediaIds, findMusicIds, findUrls, type Span } from './entities';
import { labelAt, skipLead } from './labels';
import { readCallToAction, readName, readObjective } from './values';
import { FIELD_LABELS, WEAK_LABELS } from './vocabulary';

const STRONG_LABEL_WORDS = FIELD_LABELS.flatMap(([, labels]) => labels)
  .filter((l) => !WEAK_LABELS.has(l))
  .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
  .join('|');
/** Where a clause goes on after "and", "with", ":" into another field. */
const INNER_SPLIT = new RegExp(
  `(?::\\s+|\\s+(?:and|with|plus|&|then|also)\\s+)(?=(?:(?:a|an|the|my|our|its)\\s+)?(?:(?:${STRONG_LABEL_WORDS})\\b|music_|img_|vid_|https?:|www\\.|no\\s+music|without\\s+music|\\$\\s?\\d|(?:make|change|set|swap|switch|update)\\s+(?:the|it)\\b|[a-z]+\\s+(?:now|more|up|us)\\s+button\\b|(?:a|an)\\s+[a-z]+\\s+(?:now|more|up)\\s+button\\b))`,
  'gi',
);

/**
 * The clauses of `text` from `from` on (offsets into `text`): split at sentence and list
 * boundaries (`clauses.ts`), then again where a clause goes on into another field after
 * "and", "with", ":" ({@link INNER_SPLIT}). Nothing is split inside a protected span (quotes,
 * urls, ids).
 */
export function messageClauses(text: string, protectedSpans: Span<unknown>[], from = 0): Clause[] {
  const body = text.slice(from);
  const shifted = protectedSpans.map((s) => ({
    ...s,
    start: s.start - from,
    end: s.end - from,
  }));
  const clauses = joinDashedNames(
    text,
    splitClauses(body, shifted).map((c) => ({ ...c, start: c.start + from, end: c.end + from })),
  );
  return clauses
    .flatMap((c) => splitAfterValues(text, protectedSpans, c))
    .flatMap((c) => splitInner(text, protectedSpans, c));
}

/** A label of another field right after a value, with only spaces between them. */
const LABEL_AHEAD = new RegExp(
  `^\\s+(?=(?:(?:a|an|the|my|our|its)\\s+)?(?:${STRONG_LABEL_WORDS})\\b)`,
  'i',
);

/**
 * "landing page boots.example.com budget $60/day", "budget $60/day landing page …": a value
 * with a shape of its own (an address, an id, an amount) ends where the next field's label
 * starts, even with no comma or "and" between them, so neither value swallows or drops the other.
 */
function splitAfterValues(text: string, protectedSpans: Span<unknown>[], clause: Clause): Clause[] {
  const piece = text.slice(clause.start, clause.end);
  const valueEnds = [
    ...protectedSpans
      .filter((s) => s.start >= clause.start && s.end < clause.end)
      .map((s) => s.end),
    ...findAmounts(piece)
      .filter((a) => a.value.currency || a.value.period !== null)
      .map((a) => clause.start + amountEnd(piece, a.end)),
  ].sort((a, b) => a - b);
  const out: Clause[] = [];
  let start = clause.start;
  for (const end of valueEnds) {
    const ahead = LABEL_AHEAD.exec(text.slice(end, clause.end));
    if (!ahead || end <= start) continue;
    out.push(clauseAt(text, start, end));
    start = end + ahead[0].length;
  }
  out.push(clauseAt(text, start, clause.end));
  return out.filter((c) => c.text !== '');
}

/** The end of an amount with its currency word and period ("60 dollars a day", "$60/day"). */
function amountEnd(piece: string, end: number): number {
  const tail =
    /^(?:\s*(?:usd|eur|gbp|dollars?|euros?|bucks))?(?:\s*(?:\/\s*day|a\s+day|per\s+day|daily))?/i.exec(
      piece.slice(end),
    );
  return end + (tail?.[0].length ?? 0);
}

/**
 * "Sun & Sea — Summer 2025": a dash followed by more capitalised words that are no value of
 * another field belongs to the name, so the clauses around it are joined again (a name is
 * never cut at a dash; "Skate Shop — more purchases is the goal" stays two clauses).
 */
function joinDashedNames(text: string, clauses: Clause[]): Clause[] {
  const out: Clause[] = [];
  for (const clause of clauses) {
    const prev = out.at(-1);
    const between = prev ? text.slice(prev.end, clause.start) : '';
    if (prev && /^\s*[—–-]\s*$/.test(between) && continuesName(clause.text)) {
      out[out.length - 1] = {
        start: prev.start,
        end: clause.end,
        text: text.slice(prev.start, clause.end),
      };
      continue;
    }
    out.push(clause);
  }
  return out;
}

function continuesName(piece: string): boolean {
  if (labelAt(piece) !== null || skipLead(piece).offset > 0) return false;
  const { name } = readName(piece);
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 5) return false;
  if (!words.every((w) => /^(?:[A-Z0-9&"“‘'(]|of$|and$|the$|de$|la$|x$)/.test(w))) return false;
  return (
    readObjective(name, false) === null &&
    readCallToAction(name, false) === null &&
    findUrls(name).length === 0 &&
    findMediaIds(name).length === 0 &&
    findMusicIds(name).length === 0
  );
}

function splitInner(text: string, protectedSpans: Span<unknown>[], clause: Clause): Clause[] {
  const out: Clause[] = [];
  let start = clause.start;
  const lead = skipLead(clause.text).offset;
  for (const m of clause.text.matchAll(INNER_SPLIT)) {
    const at = clause.start + (m.index ?? 0);
    if (protectedSpans.some((s) => at >= s.start && at < s.end) || at <= start) continue;
    const before = text.slice(start, at);
    if (
      m[0].trim() === ':' &&
      labelAt(before.slice(start === clause.start ? lead : 0).trim()) !== null &&
      before.trim().split(/\s+/).length <= 3
    )
      continue;
    out.push(clauseAt(text, start, at));
    start = at + m[0].length;
  }
  out.push(clauseAt(text, start, clause.end));
  return out.filter((c) => c.text !== '');
}

/** The trimmed clause of `text` between `start` and `end`. */
function clauseAt(text: string, start: number, end: number): Clause {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const value = raw.trim();
  return { start: start + lead, end: start + lead + value.length, text: value };
}
