import { closestWord } from '../../text/fuzzy';
import type { QuestionTopic } from '../proposal';
import { skipLead } from './labels';

/**
 * Stage 3 of the offline model (intents): commands and questions, read from the whole message
 * before any value is. Command typos are matched by edit distance ("sumbit", "stauts").
 */
export type Command = 'reset' | 'show_status' | 'request_approval';

const RESET =
  /^(?:reset|start over|start again|begin again|restart|new draft|start from scratch|cancel(?: (?:this|the|that) (?:draft|ad))?|scrap (?:it|this|that)|clear (?:it|the draft|everything))[.!]*$/i;
const STATUS =
  /^(?:status|where are we|where do we stand|show (?:me )?(?:the )?(?:draft|preview|card|ad)|preview|what do you have(?: so far)?|what have you got(?: so far)?|what(?:'s| is) the draft|summary)[?.!]*$/i;
const APPROVAL =
  /\b(?:submit(?: it)?|ready to (?:submit|go|approve)|looks good|lgtm|ship it|go ahead|send it(?: off)?|request approval|publish it|that'?s (?:all|everything)|good to go)\b/i;
const COMMAND_WORDS: ReadonlyArray<[string, Command]> = [
  ['submit', 'request_approval'],
  ['status', 'show_status'],
  ['preview', 'show_status'],
  ['reset', 'reset'],
  ['restart', 'reset'],
];

/** The command the message is, or `null`. `short` messages may be an approval phrase alone. */
export function commandOf(message: string): Command | null {
  const { offset } = skipLead(message);
  const rest = message
    .slice(offset)
    .trim()
    .replace(/[.!?]+$/, '');
  if (RESET.test(rest)) return 'reset';
  if (STATUS.test(rest)) return 'show_status';
  if (APPROVAL.test(rest) && rest.split(/\s+/).length <= 8) return 'request_approval';
  if (/^[a-z]+$/i.test(rest) && rest.length >= 5) {
    const word = closestWord(
      rest,
      COMMAND_WORDS.map(([w]) => w),
    );
    const command = COMMAND_WORDS.find(([w]) => w === word)?.[1];
    if (command) return command;
  }
  return null;
}

/** Topics in the order they are tried: the first whose words appear wins. */
const TOPICS: ReadonlyArray<[QuestionTopic, RegExp]> = [
  [
    'missing',
    /\b(?:still need|need from me|what else|missing|left|remaining|what do you need|next step|to do)\b/i,
  ],
  ['approval', /\b(?:approv\w*|submit\w*|publish\w*|go live|review\w*|who can)\b/i],
  ['music', /\b(?:music|song|songs|track|tracks|sound|audio|mp3)\b/i],
  ['media', /\b(?:images?|videos?|media|library|carousel|pictures?|photos?|pics?|creatives?)\b/i],
  ['call_to_action', /\b(?:ctas?|calls? to actions?|call-to-actions?|buttons?)\b/i],
  ['budget', /\b(?:budgets?|minimum|maximum|max|min|spend|currency|cost|how much|cap|limit)\b/i],
  ['landing_page_url', /\b(?:landing page|url|link|website|web address|page)\b/i],
  ['ad_text', /\b(?:ad text|caption|copy|text|characters?|emoji|how long|words)\b/i],
  ['objective', /\b(?:objectives?|goals?|traffic|conversions?|difference)\b/i],
  ['campaign_name', /\b(?:name|call the campaign|call it|title)\b/i],
  ['help', /\b(?:help|how does this work|what can you do|how do i|what do i do|options)\b/i],
];

const ASKS =
  /^(?:what|what's|whats|which|why|how|can i|can we|could i|do i|do we|do you|does|is there|are there|is it|are|is|where|who|when|should i|should we|must i|may i|tell me)\b/i;
const REQUEST =
  /^(?:can|could|would|will) you\b|^(?:can|could) (?:i|we) (?:have|get|set|change|make|switch)\b/i;

/**
 * The topic when the message asks something the bot can answer ("what CTAs can I use?",
 * "what do you still need?", "what's the minimum budget?", "why does Conversions need
 * music?", "help"), else `null`. A request phrased as a question ("can you make it
 * traffic?") is not a question. `needsTopic`: only count questions about a known topic (used
 * while a free-text answer is expected, so "Where will you go next?" stays an ad text).
 */
export function questionOf(message: string, needsTopic: boolean): QuestionTopic | null {
  const sentences = message.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '');
  const last = sentences.at(-1) ?? message;
  const { offset } = skipLead(last);
  const rest = last.slice(offset).trim();
  if (/^(?:help|\?|what now|options)[?!.]*$/i.test(rest)) return 'help';
  const asks = rest.endsWith('?') || ASKS.test(rest);
  // "can I change the button later?" asks about the rules, it requests no change now.
  const later =
    /\b(?:later|afterwards|after (?:that|approval|it'?s (?:live|approved))|any ?time)\b/i.test(
      rest,
    );
  if (!asks || (REQUEST.test(rest) && !later)) return null;
  if (!rest.endsWith('?') && !/^(?:what|which|why|how)\b/i.test(rest)) return null;
  for (const [topic, words] of TOPICS) if (words.test(rest)) return topic;
  return needsTopic || !ASKS.test(rest) ? null : 'help';
}
