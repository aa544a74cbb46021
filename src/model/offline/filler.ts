import type { AdDraft, DraftField } from '../../ad/draft';
import { emptyUpdates } from '../proposal';
import type { Clause } from './clauses';
import {
  type Amount,
  findAmounts,
  findMediaIds,
  findMusicIds,
  findQuotes,
  findUrls,
  type Span,
} from './entities';
import { messageClauses } from './inner-split';
import { labelAt, skipLead } from './labels';
import { leadIn, looseGoal, nameIn, plausibleName } from './leads';
import { stripTrailingPunctuation, unquote } from './normalise';
import { isTalk } from './talk';
import {
  readBudget,
  readCallToAction,
  readMedia,
  readMusic,
  readName,
  readObjective,
  readUrl,
} from './values';
import { ABOUT_THE_AD, NO_MUSIC, type SlotField } from './vocabulary';

/** What the filler knows besides the message: the open question and the draft so far. */
export interface SlotContext {
  last_question: DraftField | null;
  draft: AdDraft;
  /** Earlier user lines, newest last: a bare amount after a budget line is a budget. */
  previous_user_line?: string;
}

/**
 * Stage 4 of the offline model, the reading itself: clause by clause, labels first, an ad text
 * running on until a clause of another field, shaped values found anywhere; see `slots.ts`.
 */
export class Filler {
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

  /** The message's clauses from `from` on, split again where another field starts. */
  clauses(from = 0): Clause[] {
    return messageClauses(this.text, this.protectedSpans, from);
  }

  /** Reads clauses in order (see the module comment). */
  read(clauses: Clause[]): void {
    // "Text - Light that fits your mood": a label cut off from its value by a dash.
    let bareLabel: SlotField | null = null;
    for (const clause of clauses) {
      const { offset } = skipLead(clause.text);
      const lead = leadIn(clause.text);
      if (isTalk(clause.text)) continue;
      if (bareLabel && lead === null && !this.open) {
        this.closeOpen();
        this.label(bareLabel, clause.start, clause.end);
        bareLabel = null;
        continue;
      }
      const said = clause.text.slice(offset).replace(/[\s:=-]+$/, '');
      const alone = labelAt(said);
      bareLabel =
        lead?.kind === 'label' && clause.text.slice(lead.valueStart).trim() === ''
          ? lead.field
          : alone && alone.length === said.length
            ? alone.field
            : null;
      if (bareLabel && lead === null) continue;
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
      // A number is a budget only with a currency, a period or a budget word, or alone where
      // a budget is the answer ("a new one called …" is no budget of 1).
      (amount.currency ||
        amount.period ||
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
    // A short free clause names the campaign first ("Pet Spa, conversions, 'Pamper your pup'"),
    // so an unlabelled quote beside it is the ad text.
    const hasValues =
      this.quoteCandidates.length > 0 || Object.values(this.updates).some((v) => v !== null);
    for (const text of this.freeClauses) {
      if (nameKnown() || !hasValues) break;
      if (ABOUT_THE_AD.test(text) || text.split(/\s+/).length > 6) continue;
      const { name } = readName(text);
      if (plausibleName(name)) this.updates.campaign_name = name;
    }
    for (const quote of this.quoteCandidates) {
      if (this.updates.ad_text === null && (nameKnown() || this.ctx.last_question === 'ad_text'))
        this.updates.ad_text = quote.trim();
      else if (!nameKnown()) this.updates.campaign_name = stripTrailingPunctuation(quote.trim());
    }
    this.placeLeftover(nameKnown());
  }

  /**
   * "Boots Q4 | sales | Warm boots for cold mornings | shop now": in a list of fields, the one
   * clause left over once the name is known is the ad text. More than one, or one where the
   * ad text is already given: not placed, and the reply asks about it instead.
   */
  private placeLeftover(nameKnown: boolean): void {
    const used = new Set([this.updates.campaign_name, this.updates.ad_text]);
    const left = this.freeClauses.filter(
      (c) => !used.has(c) && !used.has(stripTrailingPunctuation(c)) && !ABOUT_THE_AD.test(c),
    );
    const textKnown = this.updates.ad_text !== null || this.ctx.draft.ad_text !== undefined;
    const found = Object.values(this.updates).filter((v) => v !== null).length;
    if (!nameKnown || left.length === 0 || found < 2) return;
    const [only] = left;
    // Said about the business or to the bot ("We're launching …", "Could you …?"): no ad text.
    const aside = (c: string) =>
      /^(?:we|we're|we've|i|i'm|i've|i'd|our|my|could|can|would|please|hi|hello|hey)\b/i.test(c) ||
      c.endsWith('?');
    if (left.length === 1 && only && !textKnown && !aside(only) && only.split(/\s+/).length >= 2) {
      this.updates.ad_text = unquote(only);
      return;
    }
    for (const line of left)
      this.notes.push(`I did not place “${line}”. Is it the ad text? Say "ad text: …" to use it.`);
  }
}
