// Wanting to see the music without asking a question ("I don't know any music IDs", "show me
// the music"), read before any value is: the engine answers with the music list.

const MUSIC = '(?:music|tracks?|songs?|sounds?|audio)';
const NO_ID = new RegExp(
  String.raw`\b(?:don'?t|do not|dont|doesn'?t|no idea|not sure)\b[^.!?]*\b${MUSIC}\b[^.!?]*\b(?:ids?|numbers?|codes?)\b|\b(?:no|without (?:a|any))\s+${MUSIC}\s+ids?\b`,
  'i',
);
const BROWSE = new RegExp(
  String.raw`^(?:(?:can|could) (?:i|we|you)\s+)?(?:please\s+)?(?:show|list|browse|see|view|let me see)\b(?:\s+(?:me|us))?(?:\s+(?:the|teh|my|our|your|some|all|available|what))*\s+${MUSIC}\b`,
  'i',
);

/** "I don't know any music IDs", "no music id", "show me the music", "list tracks". */
export function browsesMusic(text: string): boolean {
  return NO_ID.test(text) || BROWSE.test(text.trim());
}

const MEDIA = '(?:media|library|images?|pictures?|photos?|pics|videos?|clips?)';
const BROWSE_MEDIA = new RegExp(
  String.raw`^(?:(?:can|could) (?:i|we|you)\s+)?(?:please\s+)?(?:show|list|browse|see|view|let me see)\b(?:\s+(?:me|us))?(?:\s+(?:the|teh|my|our|your|some|all|available|what))*\s+${MEDIA}\b[\s.!?]*$`,
  'i',
);

/** "show me the pictures", "list the videos", "show my library": the media library to pick from. */
export function browsesMedia(text: string): boolean {
  return BROWSE_MEDIA.test(text.trim());
}
