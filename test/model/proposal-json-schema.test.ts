import { z } from 'zod';
import { ProposalSchema } from '../../src/model/proposal';
import { PROPOSAL_JSON_SCHEMA } from '../../src/model/proposal-json-schema';

/** Every key used anywhere in a JSON Schema (property names under `properties` excluded). */
function keywords(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) keywords(item, found);
  } else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      found.add(key);
      if (key === 'properties') {
        for (const sub of Object.values(value as object)) keywords(sub, found);
      } else {
        keywords(value, found);
      }
    }
  }
  return found;
}

describe('PROPOSAL_JSON_SCHEMA', () => {
  it('is z.toJSONSchema(ProposalSchema), with $schema kept', () => {
    expect(PROPOSAL_JSON_SCHEMA).toEqual(z.toJSONSchema(ProposalSchema));
    expect(PROPOSAL_JSON_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('requires every key and forbids extra ones, like ProposalSchema', () => {
    expect(PROPOSAL_JSON_SCHEMA.required).toEqual(['message', 'intent', 'updates']);
    expect(PROPOSAL_JSON_SCHEMA.additionalProperties).toBe(false);
    const updates = (PROPOSAL_JSON_SCHEMA.properties as Record<string, Record<string, unknown>>)
      .updates;
    expect(updates?.required).toHaveLength(10);
    expect(updates?.additionalProperties).toBe(false);
  });

  it("uses only Google's documented keywords, plus $schema and maxLength (docs/llm.md §1.3)", () => {
    // A new keyword here (const, pattern, format, …) needs a look at docs/llm.md §1.3 first.
    expect([...keywords(PROPOSAL_JSON_SCHEMA)].sort()).toEqual(
      [
        '$schema',
        'additionalProperties',
        'anyOf',
        'description',
        'enum',
        'items',
        'maxLength',
        'properties',
        'required',
        'type',
      ].sort(),
    );
  });
});
