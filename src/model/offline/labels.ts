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

/** Where a clause's lead is read: the text after any filler or correction word in front. */
interface LeadStart {
  /** The clause from `offset` on. */
  rest: string;
  /** Where `rest` starts in the clause. */
  offset: number;
  /** A correction word came first ("actually", "no,"). */
  correction: boolean;
}

/**
 * Reads how the clause `text` starts; `null` when it has no label or correction in front. The
 * shapes are tried in order: a rename ("rename it to", "call it"), a verb and a label ("change
 * the budget to"), a value said to replace ("switch to", "make it"), then a label on its own
 * ("the text …", "with a budget of …").
 */
export function leadOf(text: string): Lead | null {
  const { offset, correction } = skipLead(text);
  const at: LeadStart = { rest: text.slice(offset), offset, correction };
  return renameLead(at) ?? verbLead(at) ?? replaceLead(at) ?? labelLead(at);
}

/** A label lead for `field` whose value starts at `valueStart`. */
function labelled(
  at: LeadStart,
  field: SlotField,
  valueStart: number,
  delimited: boolean,
  fix: boolean,
): Lead {
  return { kind: 'label', field, valueStart, delimited, correction: fix || at.correction };
}

/** "rename it to …", "let's call it …": the campaign name follows. */
function renameLead(at: LeadStart): Lead | null {
  const rename =
    /^(?:rename|re-name)(?:\s+(?:it|this|the campaign|the ad|campaign))?(?:\s+(?:to|as))?\s+/i.exec(
      at.rest,
    );
  if (rename) return labelled(at, 'campaign_name', at.offset + rename[0].length, true, true);
  const callIt =
    /^(?:(?:let'?s|lets|we'?ll|i'?ll|i'?d|we'?d|i would|we would|maybe|please)\s+)?(?:call|name|title)\s+(?:it|this|the campaign|the ad|this one)\s+(?:as\s+)?/i.exec(
      at.rest,
    );
  if (callIt)
    return labelled(at, 'campaign_name', at.offset + callIt[0].length, true, at.correction);
  return null;
}

/** "change the budget to …", "change it to …", "switch to …" after a verb. */
function verbLead(at: LeadStart): Lead | null {
  const verb = VERB_START.exec(at.rest);
  if (!verb) return null;
  const after = at.rest.slice(verb[0].length);
  const valueAt = (length: number): Lead => ({
    kind: 'value',
    valueStart: at.offset + verb[0].length + length,
    correction: true,
  });
  const found = labelAt(after);
  if (found) {
    const tail = after.slice(found.length);
    const to = TO.exec(tail) ?? DELIMITER.exec(tail);
    const start = at.offset + verb[0].length + found.length + (to?.[0].length ?? 0);
    return labelled(at, found.field, start, true, true);
  }
  const itTo = /^(?:it|that|this|them)\s+(?:to\s+|into\s+)?/i.exec(after);
  if (itTo) return valueAt(itTo[0].length);
  const to = /^switch|^swap|^change/i.test(verb[0]) ? TO.exec(after) : null;
  return to ? valueAt(to[0].length) : null;
}

/** "switch to …", "make it …", "how about …": a value that replaces one said before. */
function replaceLead(at: LeadStart): Lead | null {
  const switchTo = /^(?:switch|change|swap|go|move)\s+(?:it\s+|that\s+)?(?:to|over to)\s+/i.exec(
    at.rest,
  );
  if (switchTo)
    return { kind: 'value', valueStart: at.offset + switchTo[0].length, correction: true };
  const makeThat =
    /^(?:make (?:it|that|this)|let'?s do|lets do|let'?s go with|go with|how about)\s+/i.exec(
      at.rest,
    );
  if (makeThat && /\S/.test(at.rest.slice(makeThat[0].length)))
    return { kind: 'value', valueStart: at.offset + makeThat[0].length, correction: true };
  return null;
}

/**
 * A label on its own, maybe after "with"/"plus" and an article ("with the text …", "plus a
 * budget of …"); else, after a correction word, the rest is a value. `null` otherwise.
 */
function labelLead(at: LeadStart): Lead | null {
  const { rest, offset, correction } = at;
  const joined = /^(?:with|plus)\s+/i.exec(rest)?.[0] ?? '';
  const article = joined + (ARTICLE_START.exec(rest.slice(joined.length))?.[0] ?? '');
  const found = labelAt(rest.slice(article.length));
  if (!found) {
    if (correction && /\S/.test(rest))
      return { kind: 'value', valueStart: offset, correction: true };
    return null;
  }
  const tail = rest.slice(article.length + found.length);
  const start = offset + article.length + found.length;
  const delimiter = DELIMITER.exec(tail);
  if (delimiter) return labelled(at, found.field, start + delimiter[0].length, true, correction);
  // "the text Relax like the tide": after an article, a label counts before a capital.
  const capital = /^\s+["“'‘A-Z]/.test(tail);
  if (WEAK_LABELS.has(found.label) || (article !== '' && joined === '' && !capital)) return null;
  const space = /^\s+/.exec(tail);
  if (space && /\S/.test(tail))
    return labelled(at, found.field, start + space[0].length, false, correction);
  return null;
}
