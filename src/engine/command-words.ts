/** A greeting at the start of the words. */
const GREETING = /^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))\b/i;

/** Words that, alone, are a greeting, a command or a goal, never a campaign name. */
const NOT_A_NAME =
  /^(?:hi|hello|hey|hiya|yo|help|yes|yeah|no|nope|ok|okay|thanks|thank you|start|status|reset|submit|preview|test|traffic|conversions?|sales?|clicks|visits|visitors|leads|purchases|orders|sign[- ]?ups)$/i;

/**
 * The campaign name in the words of `/tiktok-ad <words>`, e.g. `/tiktok-ad Summer sale for
 * traffic` → `Summer sale`. The command's usage hint asks for "what the ad is about", so those
 * words name the campaign unless the model found a name in them ("a campaign called …").
 *
 * Drops a leading "create a (new) (TikTok) campaign/ad (for|about)" and everything from the
 * objective on ("for traffic", "for conversions", "to drive sales"…). Returns `null` when what
 * is left is not a plausible name: under 3 or over 100 characters, more than 10 words, a web
 * address, a question, a request in the person's own words ("I want…", "we need…"), or a
 * greeting, command or goal alone ("hello", "help", "conversions"), or a greeting or a
 * request for an ad ("hello! new ad please"). Only the first phrase
 * counts: what follows a comma, semicolon or dash is something else.
 */
export function campaignNameFromCommand(words: string): string | null {
  let name = words.trim();
  // An address or an id is a value of another field: "use music_789 for this one".
  if (/https?:\/\/|www\.|\b(?:music|img|vid|image|video)_\w/i.test(name)) return null;
  // A request or a question in someone's own words names nothing: "I want to create an ad for
  // traffic", "what should I call the campaign?", "we need one for Black Friday".
  if (
    /\?\s*$/.test(name) ||
    /\b(?:i|i'd|i'm|we|we'd|let's|you|me|my|our|us|want|need)\b/i.test(name)
  )
    return null;
  name = name.replace(
    /^(?:please\s+)?(?:(?:create|make|start|launch|set up|new)\s+)?(?:(?:a|an|the|my)\s+)?(?:new\s+)?(?:tiktok\s+)?(?:ad\s+campaign|campaign|ad)(?:\s+(?:for|about|on))?(?:\s+|$)/i,
    '',
  );
  // The name is the first phrase: "Hair Cuts 4 Kids / traffic", "Cat Cafe, no music, …".
  name = name.split(/\s*[,;|]\s*|\s+[-–—/]\s+/)[0] ?? '';
  name = name.replace(
    /\s*(?:[-–—,:]\s*)?\b(?:for|to drive|to get|driving|aimed at)\s+(?:more\s+)?(?:traffic|conversions?|sales|clicks|visits|website visits|sign[- ]?ups|leads|purchases)\b.*$/i,
    '',
  );
  name = name.replace(/^["“'‘]+|["”'’.!?,;:]+$/g, '').trim();
  if (name.length < 3 || name.length > 100 || name.split(/\s+/).length > 10) return null;
  // A greeting, a command or a goal alone names nothing ("hello", "help", "conversions"), nor
  // does a greeting or a request for an ad ("hello! new ad please").
  if (NOT_A_NAME.test(name) || GREETING.test(name) || /\b(?:ad|ads|campaign)\b/i.test(name))
    return null;
  return name;
}
