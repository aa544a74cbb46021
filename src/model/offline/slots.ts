import type { DraftField } from '../../ad/draft';
import type { ProposalUpdates } from '../proposal';
import type { Clause } from './clauses';
import { findQuotes } from './entities';
import { Filler, type SlotContext } from './filler';
import { skipLead } from './labels';
import { leadIn, leadingName, nameIn, onlyGoal, parses } from './leads';
import { unquote } from './normalise';
import { isTalk } from './talk';
import { isMediaReference, readName } from './values';
import type { SlotField } from './vocabulary';
import { ABOUT_THE_AD } from './vocabulary';

export type { SlotContext } from './filler';

/**
 * Stage 4 of the offline model: fills the draft's slots from a normalised message. Every
 * clause is read for a label or correction first; an ad text runs on over the next clauses
 * until one that clearly belongs to another field; values with a shape (addresses, ids,
 * amounts, goals, calls to action, "no music") are found in any unlabelled clause. While a
 * free-text question is open (campaign name, ad text), the message answers it unless it starts
 * with a label or a correction that reads as another field.
 */
export interface Filled {
  updates: ProposalUpdates;
  /** Short things to tell the user (e.g. that budgets are daily), in order. */
  notes: string[];
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
  if (asked !== 'media' && isMediaReference(text)) {
    // "the summer video", "#1 and #3", "the first two" point at the library, whatever is
    // asked: the engine picks from the list (or says it cannot tell); never an ad text.
    filler.answer('media', text.trim());
    return { updates: filler.updates, notes: filler.notes };
  }
  if (asked === 'campaign_name' || asked === 'ad_text') {
    const answered = answerFreeText(filler, text, clauses, asked);
    if (answered) return { updates: filler.updates, notes: filler.notes };
  }
  filler.read(nameFirst(filler, clauses, ctx));
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
  const firstIndex = clauses.findIndex(
    (c) => c.text.slice(skipLead(c.text).offset).trim() !== '' && !isTalk(c.text),
  );
  const first = clauses[firstIndex];
  if (!first) return false;
  // "shop now | music_456 | boots.example.com": values of other fields, not an answer.
  if (
    filler.standalone(first.text, 0) &&
    clauses.slice(firstIndex + 1).every((c) => filler.standalone(c.text) || leadIn(c.text))
  )
    return false;
  // "ok, $75/day then": a filler clause in front does not make the value an answer.
  if (
    clauses.length - firstIndex === 1 &&
    (filler.standalone(first.text, 0) || onlyGoal(first.text))
  )
    return false;
  const lead = leadIn(first.text);
  if (lead && !answersAnyway(filler, first, lead, asked)) return false;
  let endIndex = clauses.length;
  for (let i = firstIndex + 1; i < clauses.length; i++) {
    const clause = clauses[i];
    if (
      clause &&
      (leadIn(clause.text) !== null || filler.standalone(clause.text) || onlyGoal(clause.text))
    ) {
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
    // "I want to create a campaign called Delta": the name inside the request.
    const inner = nameIn(answer);
    if (inner && ABOUT_THE_AD.test(answer.slice(0, inner.at))) {
      filler.updates.campaign_name = inner.name;
      if (inner.end < answer.length)
        filler.scan(first.start + ack + inner.end, lastClause.end, false);
      filler.read(clauses.slice(endIndex));
      filler.finish();
      return true;
    }
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

/** Nothing was found: the whole message is a bare answer to the open question. */
function bareAnswer(filler: Filler, text: string, asked: SlotField): void {
  const { offset } = skipLead(text);
  const rest = text.slice(offset).trim();
  if (rest === '') return;
  filler.answer(asked, rest);
}

/**
 * While the draft has no name and none is asked for otherwise, a message that starts with a
 * name ("Summer Sale for traffic", "Fitness Blog: …", see {@link leadingName}) names the
 * campaign; returns the clauses left to read.
 */
function nameFirst(filler: Filler, clauses: Clause[], ctx: SlotContext): Clause[] {
  if (ctx.draft.campaign_name !== undefined) return clauses;
  if (ctx.last_question !== null && ctx.last_question !== 'campaign_name') return clauses;
  const index = clauses.findIndex((c) => c.text.slice(skipLead(c.text).offset).trim() !== '');
  const said = clauses[index];
  // "Let's do Ocean Spa for conversions": the name after a request to make one.
  const ask = said
    ? /^(?:[Ll]et'?s|[Ll]ets)\s+(?:do|make|run|create|set up|launch)\s+(?:(?:an?|the|new)\s+)?(?:(?:campaign|ad)\s+(?:for\s+)?)?(?=["“'‘A-Z0-9])/.exec(
        said.text,
      )
    : null;
  const first =
    said && ask
      ? { start: said.start + ask[0].length, end: said.end, text: said.text.slice(ask[0].length) }
      : said;
  if (!first || skipLead(first.text).offset > 0 || (!ask && leadIn(first.text) !== null))
    return clauses;
  const found = leadingName(first);
  if (!found) return clauses;
  filler.updates.campaign_name = found.name;
  return [
    ...clauses.slice(0, index),
    ...(found.rest ? [found.rest] : []),
    ...clauses.slice(index + 1),
  ];
}
