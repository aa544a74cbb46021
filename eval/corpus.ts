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

/** Compares a draft with what a dialogue expects; returns the fields that differ. */
export function compareDraft(draft: AdDraft, expect: Dialogue['expect']): FieldResult[] {
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
  const actual: Record<keyof Dialogue['expect'], unknown> = {
    name: draft.campaign_name,
    objective,
    text: draft.ad_text,
    cta: draft.call_to_action,
    music,
    url: draft.landing_page_url,
    budget: draft.budget,
    media,
  };
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
