import { describeCodePoint } from './char-names';

/** One refused character in a value: where it is (1-based, in characters) and which it is. */
export interface HiddenCharacter {
  /** 1-based position counted in characters (code points) of the value as checked. */
  position: number;
  code_point: number;
}

/**
 * Characters no ad text, name or address may hold, because they are invisible or change how
 * the rest shows while TikTok would still get them as they are:
 * - controls (`Cc`): NUL, ESC (the start of terminal escape sequences such as `\x1b[31m` and
 *   `\x1b]0;…\x07`), BEL, line breaks and tabs, DEL and the C1 controls;
 * - format characters (`Cf`): the bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/F,
 *   U+061C) that reorder what a reader sees, zero-width spaces, BOM, soft hyphen, tag characters;
 * - line and paragraph separators (`Zl`, `Zp`), unpaired surrogates (`Cs`), and the other
 *   default-ignorable code points (Hangul fillers, the combining grapheme joiner).
 * Variation selectors are left to the emoji rule (they follow emoji). A zero-width joiner or
 * non-joiner between two letters of a script that needs it (Persian, Indic scripts) is kept:
 * there it is part of correct spelling, not a hidden mark.
 * Source: Unicode general categories and `Default_Ignorable_Code_Point` (UAX #44), and the bidi
 * controls of UAX #9 (https://www.unicode.org/reports/tr9/); the choice to refuse is ours.
 */
const HIDDEN =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]|(?![\u180B-\u180D\u180F\uFE00-\uFE0F\u{E0100}-\u{E01EF}])\p{Default_Ignorable_Code_Point}/u;
const JOINERS = new Set([0x200c, 0x200d]);
const LETTER = /[\p{L}\p{M}]/u;

/** Every refused character in `text`, in order (see {@link HIDDEN}). */
export function findHiddenCharacters(text: string): HiddenCharacter[] {
  const chars = Array.from(text);
  const found: HiddenCharacter[] = [];
  chars.forEach((ch, i) => {
    if (!HIDDEN.test(ch)) return;
    const code_point = ch.codePointAt(0) ?? 0;
    if (JOINERS.has(code_point) && joinsLetters(chars[i - 1], chars[i + 1])) return;
    found.push({ position: i + 1, code_point });
  });
  return found;
}

/** True when a joiner stands between two letters and the one before is not ASCII. */
function joinsLetters(before: string | undefined, after: string | undefined): boolean {
  if (!before || !after) return false;
  return LETTER.test(before) && LETTER.test(after) && (before.codePointAt(0) ?? 0) > 0x7f;
}

/**
 * The refusal text for a value holding hidden characters, naming each (up to three) by code
 * point, name and position, e.g. `The ad text has a control character (U+202E RIGHT-TO-LEFT
 * OVERRIDE) at position 12: …`. `what` names the field ("ad text", "campaign name").
 */
export function hiddenCharactersMessage(what: string, found: readonly HiddenCharacter[]): string {
  const shown = found.slice(0, 3);
  const more = found.length - shown.length;
  const list =
    found.length === 1 && shown[0]
      ? `a control character (${describeCodePoint(shown[0].code_point)}) at position ${shown[0].position}`
      : `${found.length} control characters: ${shown
          .map((h) => `${describeCodePoint(h.code_point)} at position ${h.position}`)
          .join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  return `The ${what} has ${list}. Such characters are invisible or change how the text shows, yet TikTok would get them as they are: please type it again without them. I kept the ${what} as it was.`;
}
