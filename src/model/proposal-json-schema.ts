import { z } from 'zod';
import { ProposalSchema } from './proposal';

/**
 * The JSON Schema of one model proposal, sent as `config.responseJsonSchema` (Gemini API:
 * generateContent, `generationConfig.responseJsonSchema`; docs/llm.md §1.3).
 *
 * Derived once, at module load, from {@link ProposalSchema} with zod's `z.toJSONSchema()`
 * (draft 2020-12, output mode), so the schema the model is constrained by and the schema its
 * reply is validated against cannot drift apart.
 *
 * Left unsanitized on purpose: `responseJsonSchema` is passed to the API verbatim and takes
 * plain JSON Schema, and Google lists nothing that must be stripped on that path (the strict
 * OpenAPI-subset parser that rejects `$schema`, `const`, … is `responseSchema`'s). `$schema` is
 * kept: it is what makes the SDK route a schema to `responseJsonSchema` if it is ever passed as
 * `responseSchema` (docs/llm.md §1.3). `maxLength` on `message` is outside Google's
 * documented keyword list and may be ignored by constrained decoding; `ProposalSchema.safeParse`
 * enforces it after every call. A test pins the keywords used, so a new one is a visible change.
 */
export const PROPOSAL_JSON_SCHEMA: Readonly<Record<string, unknown>> = Object.freeze(
  z.toJSONSchema(ProposalSchema),
);
