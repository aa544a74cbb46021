import type { AdDraft, DraftField } from '../../ad/draft';
import { emptyUpdates, type TurnUpdates } from '../turn';
import { type Clause, splitClauses } from './clauses';
import {
  type Amount,
  findAmounts,
  findMediaIds,
  findMusicIds,
  findQuotes,
  findUrls,
  type Span,
} from './entities';
import { labelAt, leadOf, skipLead } from './labels';
import { stripTrailingPunctuation, unquote } from './normalise';
import {
  readBudget,
  readCallToAction,
  readMedia,
  readMusic,
  readName,
  readObjective,
  readUrl,
} from './values';
import { ABOUT_THE_AD, FIELD_LABELS, NO_MUSIC, type SlotField, WEAK_LABELS } from './vocabulary';

/**
 * Stage 4 of the offline model: fills the draft's slots from a normalised message. Every
 * clause is read for a label or correction first; an ad text runs on over the next clauses
 * until one that clearly belongs to another field; values with a shape (addresses, ids,
 * amounts, goals, calls to action, "no music") are found in any unlabelled clause. While a
 * free-text question is open (campaign name, ad text), the message answers it unless it starts
 * with a label or a correction that reads as another field.
 */
export interface Filled {
  updates: TurnUpdates;
  /** Short things to tell the user (e.g. that budgets are daily), in order. */
  notes: string[];
}

/** What the filler knows besides the message: the open question and the draft so far. */
export interface SlotContext {
  last_question: DraftField | null;
  draft: AdDraft;
  /** Earlier user lines, newest last: a bare amount after a budget line is a budget. */
  previous_user_line?: string;
}

const FIELD_OF_QUESTION: Partial<Record<DraftField, SlotField>> = {
  campaign_name: 'campaign_name',
  objective_type: 'objective',
  ad_text: 'ad_text',
  call_to_action: 'call_to_action',
  music: 'music',
  landing_page_url: 'landing_page_url',
  budget: 'budget',
  media: 'media',
};

const STRONG_LABEL_WORDS = FIELD_LABELS.flatMap(([, labels]) => labels)
  .filter((l) => !WEAK_LABELS.has(l))
  .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
  .join('|');
/**
 * {@link leadOf}, except that a shaped field's label without a delimiter counts only when a
 * value of that field follows ("website visits" is a goal, not a landing page).
 */
function leadIn(text: string): ReturnType<typeof leadOf> {
  const lead = leadOf(text);
  if (
    lead?.kind === 'label' &&
    !lead.delimited &&
    !lead.correction &&
    lead.field !== 'campaign_name' &&
    lead.field !== 'ad_text' &&
    !parses(lead.field, text.slice(lead.valueStart))
  )
    return null;
  return lead;
}

/** Where a clause goes on after "and", "with", ":" into another field. */
const INNER_SPLIT = new RegExp(
  `(?::\\s+|\\s+(?:and|with|plus|&|then|also)\\s+)(?=(?:(?:a|an|the|my|our|its)\\s+)?(?:(?:${STRONG_LABEL_WORDS})\\b|music_|img_|vid_|https?:|www\\.|no\\s+music|without\\s+music|\\$\\s?\\d|(?:make|change|set|swap|switch|update)\\s+(?:the|it)\\b|[a-z]+\\s+(?:now|more|up|us)\\s+button\\b|(?:a|an)\\s+[a-z]+\\s+(?:now|more|up)\\s+button\\b))`,
  'gi',
);

class Filler {
  readonly updates = emptyUpdates();
  readonly notes: string[] = [];
  private media: string[] = [];
  private open: { start: number; end: number } | null = null;
  private lastFree: { text: string } | null = null;
  private readonly quotes: Span[];
  private readonly protectedSpans: Span<unknown>[];

  constructor(
    private readonly text: string,
    private readonly ctx: SlotContext,
  ) {
    this.quotes = findQuotes(text);
    this.protectedSpans = [
      ...this.quotes,
      ...findUrls(text),
      ...findMusicIds(text),
      ...findMediaIds(text),
    ];
  }

  clauses(from = 0): Clause[] {
    const body = this.text.slice(from);
    const shifted = this.protectedSpans.map((s) => ({
      ...s,
      start: s.start - from,
      end: s.end - from,
    }));
    return splitClauses(body, shifted).flatMap((c) =>
      this.splitInner({ ...c, start: c.start + from, end: c.end + from }),
    );
  }

  private splitInner(clause: Clause): Clause[] {
    const out: Clause[] = [];
    let start = clause.start;
    const lead = skipLead(clause.text).offset;
    for (const m of clause.text.matchAll(INNER_SPLIT)) {
      const at = clause.start + (m.index ?? 0);
      if (this.isProtected(at) || at <= start) continue;
      const before = this.text.slice(start, at);
      if (
        m[0].trim() === ':' &&
        labelAt(before.slice(start === clause.start ? lead : 0).trim()) !== null &&
        before.trim().split(/\s+/).length <= 3
      )
        continue;
      out.push(this.clause(start, at));
      start = at + m[0].length;
    }
    out.push(this.clause(start, clause.end));
    return out.filter((c) => c.text !== '');
  }

  private clause(start: number, end: number): Clause {
    const raw = this.text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    return { start: start + lead, end: start + lead + text.length, text };
  }

  private isProtected(i: number): boolean {
    return this.protectedSpans.some((s) => i >= s.start && i < s.end);
  }

  /** Reads clauses in order (see the module comment). */
  read(clauses: Clause[]): void {
    for (const clause of clauses) {
      const { offset } = skipLead(clause.text);
      const lead = leadIn(clause.text);
      if (this.open && lead === null && !this.standalone(clause.text)) {
        this.open.end = clause.end;
        continue;
      }
      this.closeOpen();
      if (clause.text.slice(offset).trim() === '') continue;
      if (this.backReference(clause.text.slice(offset))) continue;
      if (lead?.kind === 'label') {
        this.label(lead.field, clause.start + lead.valueStart, clause.end);
        continue;
      }
      const from = lead?.kind === 'value' ? clause.start + lead.valueStart : clause.start + offset;
      if (!this.scan(from, clause.end, lead?.kind === 'value')) this.free(from, clause.end);
    }
    this.closeOpen();
  }

  private closeOpen(): void {
    if (!this.open) return;
    const raw = this.text.slice(this.open.start, this.open.end);
    this.open = null;
    this.setAdText(raw);
  }

  private setAdText(raw: string): void {
    const value = unquote(raw.replace(/^[\s:=-]+/, '').replace(/[\s,;]+$/, ''));
    if (value !== '') this.updates.ad_text = value;
  }

  /** "… - that's the ad text": the value just before goes to that field. */
  private backReference(text: string): boolean {
    const m = /^(?:that'?s|that is|this is|it'?s|is|as|for)\s+(?:the|my|our)\s+(.+?)[.!]*$/i.exec(
      text,
    );
    const found = m?.[1] ? labelAt(m[1]) : null;
    if (!found || found.length !== m?.[1]?.length || !this.lastFree) return false;
    this.assign(found.field, this.lastFree.text);
    this.lastFree = null;
    return true;
  }

  private label(field: SlotField, start: number, end: number): void {
    const raw = this.text.slice(start, end).replace(/^[\s:=-]+/, '');
    const valueStart = end - raw.length;
    if (field === 'ad_text') {
      const quote = this.quotes.find((q) => q.start === valueStart);
      if (quote) {
        this.updates.ad_text = quote.value.trim();
        this.scan(quote.end, end, false);
        return;
      }
      this.open = { start: valueStart, end };
      return;
    }
    if (field === 'campaign_name') {
      const { name, restAt } = readName(raw);
      if (name !== '') this.updates.campaign_name = name;
      if (restAt < raw.length) this.scan(valueStart + restAt, end, false);
      return;
    }
    this.assign(field, raw, true);
  }

  /** Sets `field` from `raw` (a value known to be for that field). */
  private assign(field: SlotField, raw: string, labelled = false): void {
    switch (field) {
      case 'campaign_name': {
        const { name } = readName(raw);
        if (name !== '') this.updates.campaign_name = name;
        return;
      }
      case 'ad_text':
        this.setAdText(raw);
        return;
      case 'objective': {
        const goal = readObjective(raw, true);
        if (goal) this.updates.objective = goal.value;
        return;
      }
      case 'call_to_action': {
        const cta = readCallToAction(raw, true);
        const plain = stripTrailingPunctuation(unquote(raw));
        if (cta) this.updates.call_to_action = cta.value;
        else if (plain !== '') this.updates.call_to_action = plain;
        return;
      }
      case 'music':
        this.setMusic(raw, true);
        return;
      case 'landing_page_url': {
        const url = readUrl(raw, true);
        if (url) this.updates.landing_page_url = url;
        return;
      }
      case 'budget': {
        const amount = readBudget(raw, true);
        if (amount) this.setBudget(amount);
        else if (labelled) {
          const said = stripTrailingPunctuation(unquote(raw));
          this.notes.push(
            `I couldn't read a budget from "${said}"; give a daily amount such as 50.`,
          );
        }
        return;
      }
      case 'media':
        this.addMedia(readMedia(raw, true));
        return;
    }
  }

  private setMusic(raw: string, loose: boolean): boolean {
    const music = readMusic(raw, loose);
    if (!music) return false;
    if (music.kind === 'existing') {
      this.updates.music = 'existing';
      this.updates.music_id = music.music_id;
    } else {
      this.updates.music = music.kind;
      this.updates.music_id = null;
    }
    return true;
  }

  private setBudget(amount: Amount): void {
    if (amount.period === 'total') {
      this.notes.push(
        `I run daily budgets, not totals, so I did not set ${amount.value} as the budget. How much per day?`,
      );
      return;
    }
    this.updates.budget = amount.value;
  }

  private addMedia(ids: string[]): void {
    this.media = [...new Set([...this.media, ...ids])];
    if (this.media.length > 0) this.updates.image_ids = [...this.media];
  }

  /**
   * Finds shaped values in `text[start, end)`. `loose`: the clause is a correction of one
   * value ("make it …"), so weak words and typos count. Returns whether anything was found.
   */
  scan(start: number, end: number, loose: boolean): boolean {
    let found = false;
    let part = this.text.slice(start, end);
    const mask = (from: number, to: number) => {
      part = part.slice(0, from) + ' '.repeat(Math.max(0, to - from)) + part.slice(to);
    };
    for (const span of this.protectedSpans) {
      if (span.start < start || span.end > end) continue;
      const value = String(span.value);
      const from = span.start - start;
      if (this.quotes.includes(span as Span)) {
        this.lastFree = { text: value };
        this.quoteCandidates.push(value);
        found = true;
      }
      mask(from, span.end - start);
    }
    const name = nameIn(part);
    if (name) {
      this.updates.campaign_name = name.name;
      mask(name.at, name.end);
      found = true;
    }
    const urls = findUrls(this.text.slice(start, end));
    if (urls[0]) {
      this.updates.landing_page_url = urls[0].value;
      found = true;
    }
    const media = findMediaIds(this.text.slice(start, end));
    if (media.length > 0) {
      this.addMedia(media.map((m) => m.value));
      found = true;
    }
    const music = this.text.slice(start, end);
    if (findMusicIds(music).length > 0 || NO_MUSIC.test(part)) {
      found = this.setMusic(findMusicIds(music).length > 0 ? music : part, false) || found;
    } else if (readMusic(part, false)) {
      found = this.setMusic(part, false) || found;
    }
    const goal = readObjective(part, false) ?? (loose ? looseGoal(part) : null);
    if (goal) {
      this.updates.objective = goal.value;
      mask(goal.at, goal.end);
      found = true;
    }
    const cta = readCallToAction(part, loose);
    if (cta) {
      this.updates.call_to_action = cta.value;
      mask(cta.at, cta.end);
      found = true;
    }
    const amount = readBudget(part, loose || this.bareAmount(part));
    if (
      amount &&
      (amount.currency ||
        amount.period ||
        loose ||
        this.bareAmount(part) ||
        /\bbudget\b|\bspend\b/i.test(part))
    ) {
      this.setBudget(amount);
      found = true;
    }
    return found;
  }

  get context(): SlotContext {
    return this.ctx;
  }

  /** The bare answer `raw` to the open question about `field`. */
  answer(field: SlotField, raw: string): void {
    this.assign(field, raw, true);
  }

  /**
   * True when a clause clearly belongs to a field of its own ("Shop now.", "music_123",
   * "$30 a day", "no music"): something shaped is in it and at most two other words.
   */
  standalone(clause: string, leftover = 2): boolean {
    let rest = clause;
    let hit = false;
    const cut = (from: number, to: number) => {
      rest = rest.slice(0, from) + ' '.repeat(to - from) + rest.slice(to);
      hit = true;
    };
    for (const s of [...findUrls(clause), ...findMusicIds(clause), ...findMediaIds(clause)])
      cut(s.start, s.end);
    const none = NO_MUSIC.exec(rest);
    if (none) cut(none.index, none.index + none[0].length);
    const cta = readCallToAction(rest, false);
    if (cta) cut(cta.at, cta.end);
    let priceOnly = false;
    for (const a of findAmounts(rest)) {
      if (a.value.period || /\b(?:budget|spend)\b/i.test(clause)) cut(a.start, a.end);
      else if (a.value.currency) {
        cut(a.start, a.end);
        priceOnly = true;
      }
    }
    if (!hit) return false;
    const words = rest
      .replace(
        /\b(?:button|cta|call to action|use|as|the|a|an|and|with|please|pls|music|budget|day|daily|per|link|url|page|landing|is|for|it|this|one|ok|then|usd|dollars|bucks)\b/gi,
        ' ',
      )
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    return words === '' || (!priceOnly && words.split(' ').length <= leftover);
  }

  readonly quoteCandidates: string[] = [];
  private freeClauses: string[] = [];

  /** A bare amount ("ok 20 then", "950") is a budget: the only numeric field. */
  private bareAmount(part: string): boolean {
    const asked = this.ctx.last_question;
    if (asked !== null && asked !== 'budget') return false;
    const words = part
      .replace(
        /\b(?:ok|okay|then|fine|instead|please|pls|thanks|let'?s do|make it|how about|maybe|usd|dollars|bucks)\b/gi,
        ' ',
      )
      .replace(/[\s.,!?:;$-]+/g, ' ')
      .trim();
    return (
      /^\d[\d,.]*k?$/i.test(words) ||
      (/^\d/.test(words) &&
        (this.ctx.last_question === 'budget' ||
          /\bbudget|\bspend|a day|daily/i.test(this.ctx.previous_user_line ?? '')) &&
        words.split(' ').length <= 2)
    );
  }

  private free(start: number, end: number): void {
    const text = this.text.slice(start, end).trim();
    if (text === '') return;
    this.lastFree = { text };
    this.freeClauses.push(text);
  }

  /** After all clauses: unlabelled quotes and short free clauses fill the name or ad text. */
  finish(): void {
    this.closeOpen();
    const nameKnown = () =>
      this.ctx.draft.campaign_name !== undefined || this.updates.campaign_name !== null;
    for (const quote of this.quoteCandidates) {
      if (this.updates.ad_text === null && (nameKnown() || this.ctx.last_question === 'ad_text'))
        this.updates.ad_text = quote.trim();
      else if (!nameKnown()) this.updates.campaign_name = stripTrailingPunctuation(quote.trim());
    }
    const hasValues = Object.values(this.updates).some((v) => v !== null);
    for (const text of this.freeClauses) {
      if (nameKnown() || !hasValues) break;
      if (ABOUT_THE_AD.test(text) || text.split(/\s+/).length > 6) continue;
      const { name } = readName(text);
      if (name.length >= 3) this.updates.campaign_name = name;
    }
  }
}

/** "campaign called X", "named X", "campaign X", "X campaign", "set up X": a name inside a clause. */
function nameIn(part: string): { name: string; at: number; end: number } | null {
  const patterns = [
    /\b(?:called|named|titled)\s+/i,
    /\bcampaign(?:\s+name)?(?:\s*(?:is|:|=))?\s+(?=["“'‘]|[A-Z0-9])/,
    /^(?:please\s+)?(?:create|set up|setup|make|start|launch|build|run)\s+(?:me\s+)?(?:(?:a|an|the|our|my|new|tiktok)\s+)*(?:(?:traffic|conversions?)\s+)?(?:(?:campaign|ad)\s+)?(?=["“'‘]|[A-Z])/i,
  ];
  for (const pattern of patterns) {
    const m = pattern.exec(part);
    if (!m) continue;
    const at = m.index + m[0].length;
    const { name, restAt } = readName(part.slice(at));
    if (name.length > 0 && !/^(?:please|pls|a|an|the|for|to|with)$/i.test(name))
      return { name, at: m.index, end: at + restAt };
  }
  const before = /^\s*([A-Z0-9][\w&'’ -]{1,60}?)\s+campaign\b/.exec(part);
  if (
    before?.[1] &&
    !/^(?:a|an|the|new|my|our|traffic|conversions?|sales|tiktok|website traffic)$/i.test(
      before[1].trim(),
    )
  ) {
    const name = stripTrailingPunctuation(before[1].trim());
    if (!readObjective(name, false)) return { name, at: 0, end: before[0].length };
  }
  return null;
}

/** True when the text says nothing but a goal ("traffic", "more sales pls"). */
function onlyGoal(text: string): boolean {
  const goal = readObjective(text, false);
  if (!goal) return false;
  const rest = text.slice(0, goal.at) + text.slice(goal.end);
  return /^[\s.,!?:;-]*(?:(?:ok|okay|pls|please|then|more|campaign|i want|we want|for)[\s.,!?:;-]*)*$/i.test(
    rest,
  );
}

function looseGoal(part: string) {
  const goal = readObjective(part, true);
  return goal && (goal.value === 'traffic' || goal.value === 'conversions') ? goal : null;
}

/**
 * Fills slots from `text` (already normalised). See the module comment for the order of rules.
 */
export function fillSlots(message: string, ctx: SlotContext): Filled {
  const whole = findQuotes(message)[0];
  const text =
    whole && whole.start === 0 && whole.end === message.length ? whole.value.trim() : message;
  const filler = new Filler(text, ctx);
  const asked = ctx.last_question ? FIELD_OF_QUESTION[ctx.last_question] : undefined;
  const clauses = filler.clauses();
  if (asked === 'campaign_name' || asked === 'ad_text') {
    const answered = answerFreeText(filler, text, clauses, asked);
    if (answered) return { updates: filler.updates, notes: filler.notes };
  }
  filler.read(clauses);
  filler.finish();
  if (asked && Object.values(filler.updates).every((v) => v === null)) {
    bareAnswer(filler, text, asked);
  }
  return { updates: filler.updates, notes: filler.notes };
}

/**
 * The message as the answer to an open campaign-name or ad-text question, when it does not
 * start with a label or correction about another field. The answer runs until a clause that
 * belongs to another field; the clauses after it are read as usual. Returns false when the
 * message is not such an answer.
 */
function answerFreeText(
  filler: Filler,
  text: string,
  clauses: Clause[],
  asked: 'campaign_name' | 'ad_text',
): boolean {
  const firstIndex = clauses.findIndex((c) => c.text.slice(skipLead(c.text).offset).trim() !== '');
  const first = clauses[firstIndex];
  if (!first) return false;
  if (clauses.length === 1 && (filler.standalone(first.text, 0) || onlyGoal(first.text)))
    return false;
  const lead = leadIn(first.text);
  if (lead && !answersAnyway(filler, first, lead, asked)) return false;
  let endIndex = clauses.length;
  for (let i = firstIndex + 1; i < clauses.length; i++) {
    const clause = clauses[i];
    if (clause && (leadIn(clause.text) !== null || filler.standalone(clause.text))) {
      endIndex = i;
      break;
    }
  }
  const lastClause = clauses[endIndex - 1] ?? first;
  const ack =
    /^(?:(?:ok(?:ay)?|sure|alright)\b[\s,:.!-]*)?(?:(?:let'?s say|how about|something like|maybe)\b\s*[:,-]?\s*|say:\s*)?/i.exec(
      first.text,
    )?.[0].length ?? 0;
  let answer = text.slice(first.start + ack, lastClause.end).replace(/[\s,;]+$/, '');
  const quotes = findQuotes(answer);
  if (quotes.length === 1 && quotes[0]) {
    const outside = (answer.slice(0, quotes[0].start) + answer.slice(quotes[0].end)).trim();
    if (outside.split(/\s+/).filter(Boolean).length <= 4) answer = quotes[0].value;
  }
  if (asked === 'campaign_name') {
    const { name, restAt } = readName(answer);
    if (name === '') return false;
    filler.updates.campaign_name = name;
    if (restAt < answer.length) filler.scan(first.start + ack + restAt, lastClause.end, false);
  } else {
    const value = unquote(answer);
    if (value === '') return false;
    filler.updates.ad_text = value;
  }
  filler.read(clauses.slice(endIndex));
  filler.finish();
  return true;
}

/** A clause that starts like a label but is really the answer ("Photo Studio", "Make it yours!"). */
function answersAnyway(
  filler: Filler,
  clause: Clause,
  lead: NonNullable<ReturnType<typeof leadIn>>,
  asked: SlotField,
): boolean {
  if (lead.kind === 'label') {
    if (lead.field === asked || lead.delimited || lead.correction) return false;
    return !parses(lead.field, clause.text.slice(lead.valueStart));
  }
  const probe = new Filler(clause.text.slice(lead.valueStart), {
    ...filler.context,
    last_question: null,
  });
  return !probe.scan(0, clause.text.length - lead.valueStart, true);
}

function parses(field: SlotField, value: string): boolean {
  switch (field) {
    case 'objective':
      return readObjective(value, false) !== null;
    case 'call_to_action':
      return readCallToAction(value, true) !== null;
    case 'music':
      return readMusic(value, false) !== null;
    case 'landing_page_url':
      return findUrls(value).length > 0;
    case 'budget':
      return readBudget(value, true) !== null;
    case 'media':
      return findMediaIds(value).length > 0;
    default:
      return false;
  }
}

/** Nothing was found: the whole message is a bare answer to the open question. */
function bareAnswer(filler: Filler, text: string, asked: SlotField): void {
  const { offset } = skipLead(text);
  const rest = text.slice(offset).trim();
  if (rest === '') return;
  filler.answer(asked, rest);
}
