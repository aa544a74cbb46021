import { FinishReason, GenerateContentResponse } from '@google/genai';
import { correctionText, readTurn } from '../../src/model/gemini-reply';
import { emptyUpdates, ModelError, type Proposal } from '../../src/model/proposal';

const TURN: Proposal = {
  message: 'Summer Sale it is.',
  intent: 'provide_details',
  updates: { ...emptyUpdates(), campaign_name: 'Summer Sale', budget: 50 },
};

/** A response whose first candidate says `text` and stopped for `finishReason`. */
function response(text: string | undefined, finishReason?: FinishReason): GenerateContentResponse {
  const res = new GenerateContentResponse();
  const content = { role: 'model', parts: text === undefined ? [] : [{ text }] };
  res.candidates = [finishReason === undefined ? { content } : { content, finishReason }];
  return res;
}

describe('readTurn', () => {
  it('returns the validated turn from the JSON text', () => {
    expect(readTurn(response(JSON.stringify(TURN), FinishReason.STOP))).toEqual({
      ok: true,
      turn: TURN,
    });
  });

  it.each(['SAFETY', 'PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII', 'RECITATION'])(
    'throws a refused ModelError on finish reason %s, even with valid text',
    (reason) => {
      const call = () => readTurn(response(JSON.stringify(TURN), reason as FinishReason));
      expect(call).toThrow(ModelError);
      expect(call).toThrow(
        "The AI assistant's safety filter stopped that message, so nothing was changed. Please rephrase it.",
      );
      try {
        call();
      } catch (err) {
        expect((err as ModelError).kind).toBe('refused');
      }
    },
  );

  it('throws refused when the prompt itself was blocked (no candidates)', () => {
    const res = new GenerateContentResponse();
    res.promptFeedback = { blockReason: 'SAFETY' as never };
    expect(() => readTurn(res)).toThrow(expect.objectContaining({ kind: 'refused' }));
  });

  it('reports an empty reply, saying when the token limit was hit', () => {
    expect(readTurn(response('   ', FinishReason.STOP))).toEqual({
      ok: false,
      kind: 'empty',
      problem: 'Your reply was empty.',
      truncated: false,
    });
    expect(readTurn(response(undefined, FinishReason.MAX_TOKENS))).toEqual({
      ok: false,
      kind: 'empty',
      problem: 'Your reply was empty (it hit the output token limit before any text).',
      truncated: true,
    });
  });

  it("reports invalid JSON with the parser's reason, and asks for a shorter message when cut", () => {
    const whole = readTurn(response('{"message": ', FinishReason.STOP));
    expect(whole).toMatchObject({ ok: false, kind: 'json', truncated: false });
    if (whole.ok) throw new Error('expected a problem');
    expect(whole.problem).toMatch(/^Your reply was not valid JSON: .+\.$/);
    expect(whole.problem).not.toContain('cut off');

    const cut = readTurn(response('{"message": "a very long', FinishReason.MAX_TOKENS));
    if (cut.ok) throw new Error('expected a problem');
    expect(cut).toMatchObject({ kind: 'json', truncated: true });
    expect(cut.problem).toMatch(
      / It was cut off at the output token limit; keep "message" short\.$/,
    );
  });

  it('reports a schema mismatch with the field that is wrong', () => {
    const bad = { ...TURN, intent: 'launch_now' };
    const read = readTurn(response(JSON.stringify(bad), FinishReason.STOP));
    if (read.ok) throw new Error('expected a problem');
    expect(read.kind).toBe('schema');
    expect(read.truncated).toBe(false);
    expect(read.problem.startsWith('Your reply did not match the schema:\n')).toBe(true);
    expect(read.problem).toContain('intent');
  });

  it('refuses extra keys in updates (the schema is strict)', () => {
    const bad = { ...TURN, updates: { ...TURN.updates, advertiser_id: '123' } };
    const read = readTurn(response(JSON.stringify(bad)));
    expect(read).toMatchObject({ ok: false, kind: 'schema' });
    if (read.ok) throw new Error('expected a problem');
    expect(read.problem).toContain('advertiser_id');
  });
});

describe('correctionText', () => {
  it('puts the problem first, then the ask for one valid JSON turn', () => {
    expect(correctionText('Your reply was empty.')).toBe(
      'Your reply was empty.\nAnswer the same user message again with only one JSON object that matches the response schema: every key present, null for any field you do not change, nothing outside the JSON.',
    );
  });
});
