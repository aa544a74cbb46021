import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AdDraft } from '../src/ad/draft';

/**
 * The evaluation corpus: dialogues as marketers type them, one JSON object per line in
 * `eval/dialogues/*.jsonl`, each with the values the finished draft must hold.
 *
 * `expect` uses short keys: `name` (campaign_name), `objective` ("traffic" | "conversions"),
 * `text` (ad_text, exactly), `cta` (TikTok `call_to_action` value), `music` ("none" or a
 * `music_id`), `url` (landing_page_url as typed, with https:// added to a bare domain),
 * `budget` (daily, in USD; absent = the configured default), `media` (image ids of a
 * carousel in order, or the one video id of a single-video ad).
 */
export const DialogueSchema = z
  .object({
    id: z.string(),
    style: z.string(),
    user: z.array(z.string()).min(1),
    expect: z
      .object({
        name: z.string(),
        objective: z.enum(['traffic', 'conversions']),
        text: z.string(),
        cta: z.string(),
        music: z.string(),
        url: z.string(),
        budget: z.number().optional(),
        media: z.array(z.string()).min(1),
      })
      .strict(),
    /**
     * Values the script means for a while before it changes them (a corrected objective, the
     * first draft before a restart): per short key, every such value in the `expect` format.
     * Any other value on the card that differs from `expect` is a silent misassignment.
     */
    interim: z.record(z.string(), z.array(z.unknown())).optional(),
  })
  .strict();

/** One dialogue of the corpus. */
export type Dialogue = z.infer<typeof DialogueSchema>;

/** Where the corpus files are (the source folder, also when run from `dist/`). */
export const CORPUS_DIR = [
  join(__dirname, 'dialogues'),
  join(__dirname, '..', '..', 'eval', 'dialogues'),
].find((dir) => existsSync(dir)) as string;

/**
 * Reads every `*.jsonl` file in `dir` (sorted by name).
 * @throws Error naming the file and line of a dialogue that does not match {@link DialogueSchema}.
 */
export function loadCorpus(dir: string = CORPUS_DIR): Dialogue[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  return files.flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => line.trim() !== '')
      .map(({ line, i }) => {
        const parsed = DialogueSchema.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`${file}:${i + 1}: ${z.prettifyError(parsed.error)}`);
        return parsed.data;
      }),
  );
}

/** One field of a finished draft that is not what the dialogue expects. */
export interface FieldResult {
  field: keyof Dialogue['expect'];
  expected: unknown;
  actual: unknown;
  /** `mismatch`: the draft holds a different value (changed or misplaced); `missing`: none. */
  kind: 'mismatch' | 'missing';
}

/** The draft's values in the corpus' short keys and formats (see {@link DialogueSchema}). */
export function cardValues(draft: AdDraft): Record<keyof Dialogue['expect'], unknown> {
  const music =
    draft.music === undefined
      ? undefined
      : draft.music.kind === 'none'
        ? 'none'
        : draft.music.music_id;
  const media =
    draft.music?.kind === 'none'
      ? draft.video_id === undefined
        ? draft.pending_media
        : [draft.video_id]
      : (draft.image_ids ?? draft.pending_media);
  const objective =
    draft.objective_type === undefined
      ? undefined
      : draft.objective_type === 'TRAFFIC'
        ? 'traffic'
        : 'conversions';
  return {
    name: draft.campaign_name,
    objective,
    text: draft.ad_text,
    cta: draft.call_to_action,
    music,
    url: draft.landing_page_url,
    budget: draft.budget,
    media,
  };
}

/** Compares a draft with what a dialogue expects; returns the fields that differ. */
export function compareDraft(draft: AdDraft, expect: Dialogue['expect']): FieldResult[] {
  const actual = cardValues(draft);
  const results: FieldResult[] = [];
  for (const field of Object.keys(actual) as (keyof Dialogue['expect'])[]) {
    const expected = expect[field];
    const value = actual[field];
    if (JSON.stringify(expected) === JSON.stringify(value)) continue;
    results.push({
      field,
      expected,
      actual: value,
      kind: value === undefined ? 'missing' : 'mismatch',
    });
  }
  return results;
}

/**
 * Values on the card the script never meant: each field whose value is set, differs from
 * `expect` and is not one of the dialogue's `interim` values. The bot that is unsure asks
 * ("Use “…” as the ad text?") and fills nothing, so a value here was placed without asking.
 * Returns `field=value` strings.
 */
export function misassigned(draft: AdDraft, dialogue: Dialogue): string[] {
  const actual = cardValues(draft);
  const out: string[] = [];
  for (const field of Object.keys(actual) as (keyof Dialogue['expect'])[]) {
    // A single video's cover is the bot's pick, not the user's: the video stands for the media.
    const value = field === 'media' && draft.video_id ? [draft.video_id] : actual[field];
    if (value === undefined) continue;
    const meant = [dialogue.expect[field], ...(dialogue.interim?.[field] ?? [])];
    if (meant.some((m) => JSON.stringify(m) === JSON.stringify(value))) continue;
    // The default budget is on the card only as `undefined`; media still being picked is partial.
    if (field === 'media' && isPrefixOf(value, dialogue.expect.media)) continue;
    out.push(`${field}=${JSON.stringify(value)}`);
  }
  return out;
}

function isPrefixOf(value: unknown, expected: string[]): boolean {
  return Array.isArray(value) && value.every((v, i) => expected[i] === v);
}
