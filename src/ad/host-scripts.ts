import unhomoglyph from 'unhomoglyph';

/**
 * Look-alike host names, checked the way UTS #39 "Unicode Security Mechanisms" describes
 * (https://www.unicode.org/reports/tr39/), one DNS label at a time, on the Unicode form:
 * - mixed script (§5.1, §5.2 "Highly Restrictive"): a label's letters must share one script
 *   (by `Script_Extensions`, so shared marks and digits count for every script), or be Latin
 *   with Han and Japanese kana, with Han and Bopomofo, or with Han and Hangul. `bооts` (Latin b,
 *   t, s with Cyrillic о) fails;
 * - whole-script confusable (§4): a label wholly in another script whose skeleton is plain
 *   ASCII (`аррӏе`, all Cyrillic, reads as `apple`). The skeleton is NFD then the
 *   confusables.txt mapping, via the `unhomoglyph` package (nodeca/unhomoglyph, UTS #39 data).
 * Pure: no network lookups.
 */

/** Scripts told apart (ECMAScript `Script_Extensions` values); a letter in none is "another". */
const SCRIPTS = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Hebrew',
  'Arabic',
  'Syriac',
  'Thaana',
  'Nko',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Tibetan',
  'Myanmar',
  'Georgian',
  'Hangul',
  'Ethiopic',
  'Cherokee',
  'Canadian_Aboriginal',
  'Ogham',
  'Runic',
  'Khmer',
  'Mongolian',
  'Hiragana',
  'Katakana',
  'Bopomofo',
  'Han',
  'Yi',
  'Coptic',
  'Tifinagh',
  'Vai',
  'Lisu',
  'Adlam',
  'Glagolitic',
  'Gothic',
  'Deseret',
  'Osage',
] as const;

const MATCHERS = SCRIPTS.map((name) => ({ name, re: new RegExp(`^\\p{scx=${name}}$`, 'u') }));
const COMMON = /^[\p{scx=Common}\p{scx=Inherited}]$/u;

/** UTS #39 §5.1 augmentation: Han joins the CJK writing systems, kana Japanese, and so on. */
const AUGMENT: Record<string, string[]> = {
  Han: ['Jpan', 'Kore', 'Hanb'],
  Hiragana: ['Jpan'],
  Katakana: ['Jpan'],
  Hangul: ['Kore'],
  Bopomofo: ['Hanb'],
};
const WITH_LATIN = ['Jpan', 'Hanb', 'Kore'];

/** The scripts of one character (augmented), or `null` for Common/Inherited ones. */
function scriptsOf(ch: string): Set<string> | null {
  if (COMMON.test(ch)) return null;
  const names = MATCHERS.filter((m) => m.re.test(ch)).map((m) => m.name as string);
  if (names.length === 0) names.push('another script');
  return new Set(names.flatMap((n) => [n, ...(AUGMENT[n] ?? [])]));
}

/**
 * The scripts a label mixes beyond what "Highly Restrictive" allows, for naming them (e.g.
 * `['Latin', 'Cyrillic']`), or `[]` when the label is fine.
 */
export function mixedScripts(label: string): string[] {
  const sets = Array.from(label)
    .map(scriptsOf)
    .filter((s): s is Set<string> => s !== null);
  if (sets.length === 0) return [];
  const first = sets[0] ?? new Set<string>();
  const resolved = [...first].filter((script) => sets.every((s) => s.has(script)));
  if (resolved.length > 0) return [];
  if (WITH_LATIN.some((c) => sets.every((s) => s.has('Latin') || s.has(c)))) return [];
  const named: string[] = [];
  for (const s of sets) {
    const name = [...s][0] ?? 'another script';
    if (!named.includes(name)) named.push(name);
  }
  return named;
}

/**
 * The ASCII label a non-ASCII label reads as (its UTS #39 skeleton), when that skeleton is
 * plain ASCII letters, digits and hyphens: `аррӏе` → `appie`. `null` for ASCII labels and for
 * labels that do not look like an ASCII one (`bücher`, `пример`).
 */
export function asciiLookAlike(label: string): string | null {
  if (/^[\x20-\x7e]*$/.test(label)) return null;
  const skeleton = unhomoglyph(label.normalize('NFD')).normalize('NFD').toLowerCase();
  return /^[a-z0-9-]+$/.test(skeleton) ? skeleton : null;
}
