import { allowedEdits, typoDistance } from '../../text/fuzzy';
import { CORRECTION, FIELD_LABELS, FILLER, type SlotField, WEAK_LABELS } from './vocabulary';

/**
 * Stage 3 of the offline model (intents and corrections): what a clause starts with.
 * - a field label ("ad text: …", "budget 80", "the objective is …", "button says …"),
 * - a correction of a field ("change the ad text to …", "swap the button to sign up",
 *   "rename it to …", "let's call it …"),
 * - or an unlabelled correction whose field the value decides ("actually make it traffic",
 *   "make that 45 a day", "use music_456 instead").
 * Fillers ("ok then", "hi", "please") and correction markers ("actually", "no wait", "sorry")
 * in front are skipped; `correction` tells whether there was one.
 */
export type Lead =
  | { kind: 'label'; field: SlotField; valueStart: number; delimited: boolean; correction: boolean }
  | { kind: 'value'; valueStart: number; correction: boolean };

const ARTICLE = '(?:(?:the|my|our|your|a|an|its|new)\\s+)*';
const VERB =
  "(?:change|set|make|update|switch|swap|put|replace|edit|fix|correct|use|let's use|lets use|go with)";
const DELIMITER =
  /^\s*(?::|=|-(?=\s)|\b(?:(?:can|could|should|will|would|shall|may|might|is going to)\s+be|is|was)\s+(?:called|named|titled)\b|\bis\b|\bare\b|\bshould be\b|\bshould say\b|\bshould read\b|\bwill be\b|\bwould be\b|\bto be\b|\breads\b|\bsays\b|\bsay\b|\bsaying\b|\bread\b|\bof\b|\bcalled\b|\bnamed\b|\btitled\b)\s*(?:something\s+like\b\s*[:,-]?\s*)?/i;
const VERB_START = new RegExp(`^${VERB}\\s+${ARTICLE}`, 'i');
const ARTICLE_START = new RegExp(`^${ARTICLE}`, 'i');
const TO = /^\s*(?:to|into|as|=|:|for|with|->|→)\s*/i;

/** Every label, longest first, with its field. */
const LABELS: ReadonlyArray<[string, SlotField]> = FIELD_LABELS.flatMap(([field, labels]) =>
  labels.map((label): [string, SlotField] => [label, field]),
).sort((a, b) => b[0].length - a[0].length);

/** Length of the fillers and correction markers at the start of `text`, and whether one corrected. */
export function skipLead(text: string): { offset: number; correction: boolean } {
  let offset = 0;
  let correction = false;
  for (;;) {
    const rest = text.slice(offset);
    const filler = FILLER.exec(rest)?.[0] ?? '';
    const fix = CORRECTION.exec(rest.slice(filler.length))?.[0] ?? '';
    if (fix) correction = true;
    const step = filler.length + fix.length;
    if (step === 0) return { offset, correction };
    offset += step;
  }
}

/** The label at the very start of `text` (exact, or a typo of a 5+ letter label), and its length. */
export function labelAt(text: string): { field: SlotField; length: number; label: string } | null {
  const lower = text.toLowerCase();
  for (const [label, field] of LABELS) {
    if (lower.startsWith(label) && !/[a-z0-9_]/i.test(lower[label.length] ?? ''))
      return { field, length: label.length, label };
  }
  // A typo in a label of several words ("campain name", "landng page"): the same number of
  // words, compared as one string, one edit allowed per word of 5+ letters.
  for (const [label, field] of LABELS) {
    const count = label.split(' ').length;
    if (count < 2) continue;
    const words = new RegExp(`^[a-z]+(?:\\s+[a-z]+){${count - 1}}(?![\\w-])`, 'i').exec(text)?.[0];
    if (!words) continue;
    const typed = words.toLowerCase().split(/\s+/);
    const edits = typed.reduce(
      (n, w, i) => (n < 0 ? n : w === label.split(' ')[i] ? n : w.length >= 5 ? n + 1 : -1),
      0,
    );
    if (edits > 0 && typoDistance(typed.join(' '), label) <= edits)
      return { field, length: words.length, label };
  }
  const word = /^[a-z]+(?![\w-])/i.exec(text)?.[0] ?? '';
  if (word.length >= 5) {
    for (const [label, field] of LABELS) {
      if (label.includes(' ') || label.length < 5) continue;
      if (
        typoDistance(word.toLowerCase(), label) <=
        allowedEdits(label.length) - (label.length < 7 ? 0 : 1)
      )
        return { field, length: word.length, label };
    }
  }
  return null;
}

/** Reads how the clause `text` starts; `null` when it has no label or correction in front. */
export function leadOf(text: string): Lead | null {
  const { offset, correction } = skipLead(text);
  const rest = text.slice(offset);

  const rename =
    /^(?:rename|re-name)(?:\s+(?:it|this|the campaign|the ad|campaign))?(?:\s+(?:to|as))?\s+/i.exec(
      rest,
    );
  if (rename) return label('campaign_name', offset + rename[0].length, true, true);
  const callIt =
    /^(?:(?:let'?s|lets|we'?ll|i'?ll|i'?d|we'?d|i would|we would|maybe|please)\s+)?(?:call|name|title)\s+(?:it|this|the campaign|the ad|this one)\s+(?:as\s+)?/i.exec(
      rest,
    );
  if (callIt) return label('campaign_name', offset + callIt[0].length, true, correction);

  const verb = VERB_START.exec(rest);
  if (verb) {
    const after = rest.slice(verb[0].length);
    const found = labelAt(after);
    if (found) {
      const tail = after.slice(found.length);
      const to = TO.exec(tail) ?? DELIMITER.exec(tail);
      const start = offset + verb[0].length + found.length + (to?.[0].length ?? 0);
      return label(found.field, start, true, true);
    }
    const itTo = /^(?:it|that|this|them)\s+(?:to\s+|into\s+)?/i.exec(after);
    if (itTo)
      return {
        kind: 'value',
        valueStart: offset + verb[0].length + itTo[0].length,
        correction: true,
      };
    if (/^switch|^swap|^change/i.test(verb[0])) {
      const to = TO.exec(after);
      if (to)
        return {
          kind: 'value',
          valueStart: offset + verb[0].length + to[0].length,
          correction: true,
        };
    }
  }
  const switchTo = /^(?:switch|change|swap|go|move)\s+(?:it\s+|that\s+)?(?:to|over to)\s+/i.exec(
    rest,
  );
  if (switchTo) return { kind: 'value', valueStart: offset + switchTo[0].length, correction: true };
  const makeThat =
    /^(?:make (?:it|that|this)|let'?s do|lets do|let'?s go with|go with|how about)\s+/i.exec(rest);
  if (makeThat && /\S/.test(rest.slice(makeThat[0].length)))
    return { kind: 'value', valueStart: offset + makeThat[0].length, correction: true };

  // "with the text …", "plus a budget of …": a label joined on to what came before.
  const joined = /^(?:with|plus)\s+/i.exec(rest)?.[0] ?? '';
  const article = joined + (ARTICLE_START.exec(rest.slice(joined.length))?.[0] ?? '');
  const found = labelAt(rest.slice(article.length));
  if (found) {
    const tail = rest.slice(article.length + found.length);
    const delimiter = DELIMITER.exec(tail);
    if (delimiter)
      return label(
        found.field,
        offset + article.length + found.length + delimiter[0].length,
        true,
        correction,
      );
    // "the text Relax like the tide": after an article, a label counts before a capital.
    const capital = /^\s+["“'‘A-Z]/.test(tail);
    if (WEAK_LABELS.has(found.label) || (article !== '' && joined === '' && !capital)) return null;
    const space = /^\s+/.exec(tail);
    if (space && /\S/.test(tail))
      return label(
        found.field,
        offset + article.length + found.length + space[0].length,
        false,
        correction,
      );
    return null;
  }
  if (correction && /\S/.test(rest)) return { kind: 'value', valueStart: offset, correction: true };
  return null;

  function label(field: SlotField, valueStart: number, delimited: boolean, fix: boolean): Lead {
    return { kind: 'label', field, valueStart, delimited, correction: fix || correction };
  }
}
