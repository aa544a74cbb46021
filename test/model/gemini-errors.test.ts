import { ApiError } from '@google/genai';
import { classifyCallError, exhausted } from '../../src/model/gemini-errors';
import { ModelError } from '../../src/model/proposal';

/** An `ApiError` as the SDK throws it: the response body's JSON in `message`. */
function apiError(status: number, body?: Record<string, unknown>): ApiError {
  return new ApiError({ message: body ? JSON.stringify({ error: body }) : 'not json', status });
}

const RETRY_INFO = 'type.googleapis.com/google.rpc.RetryInfo';
const QUOTA_FAILURE = 'type.googleapis.com/google.rpc.QuotaFailure';

describe('classifyCallError', () => {
  it.each([408, 429, 500, 502, 503, 504])(
    'retries HTTP %i, labelled with the Google status',
    (status) => {
      expect(classifyCallError(apiError(status, { code: status, status: 'UNAVAILABLE' }))).toEqual({
        retryable: true,
        label: `${status} UNAVAILABLE`,
      });
    },
  );

  it('labels with the bare HTTP status when the body is not Google JSON', () => {
    expect(classifyCallError(apiError(503))).toEqual({ retryable: true, label: '503' });
  });

  it("carries the server's RetryInfo.retryDelay in ms", () => {
    const err = apiError(429, {
      status: 'RESOURCE_EXHAUSTED',
      details: [{ '@type': 'other' }, { '@type': RETRY_INFO, retryDelay: '12s' }],
    });
    expect(classifyCallError(err)).toEqual({
      retryable: true,
      label: '429 RESOURCE_EXHAUSTED',
      retryDelayMs: 12_000,
    });
  });

  it('gives up on a per-day quota 429 with the daily-quota text', () => {
    const err = apiError(429, {
      status: 'RESOURCE_EXHAUSTED',
      details: [
        {
          '@type': QUOTA_FAILURE,
          violations: [{ quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier' }],
        },
        { '@type': RETRY_INFO, retryDelay: '40s' },
      ],
    });
    const failure = classifyCallError(err);
    expect(failure).toMatchObject({ retryable: false, label: '429 RESOURCE_EXHAUSTED' });
    if (failure.retryable) throw new Error('expected a final failure');
    expect(failure.error).toBeInstanceOf(ModelError);
    expect(failure.error.kind).toBe('unavailable');
    expect(failure.error.message).toBe(
      'The AI assistant has used up its daily Gemini quota (429 RESOURCE_EXHAUSTED). Your draft is unchanged; try again tomorrow or ask an admin to raise the quota.',
    );
    expect(failure.error.cause).toBe(err);
  });

  it('still retries a per-minute quota 429', () => {
    const err = apiError(429, {
      status: 'RESOURCE_EXHAUSTED',
      details: [
        { '@type': QUOTA_FAILURE, violations: [{ quotaId: 'GenerateRequestsPerMinute' }, null] },
      ],
    });
    expect(classifyCallError(err)).toEqual({ retryable: true, label: '429 RESOURCE_EXHAUSTED' });
  });

  it.each([400, 401, 403, 404])('turns HTTP %i into a config error for the admin', (status) => {
    const err = apiError(status, { status: 'PERMISSION_DENIED', message: 'API key not valid' });
    const failure = classifyCallError(err);
    if (failure.retryable) throw new Error('expected a final failure');
    expect(failure.label).toBe(`${status} PERMISSION_DENIED`);
    expect(failure.error.kind).toBe('config');
    expect(failure.error.message).toBe(
      `The AI assistant is not set up correctly (Gemini answered ${status} PERMISSION_DENIED). Your draft is unchanged; an admin needs to check the Gemini API key and model name.`,
    );
    expect(failure.error.cause).toBe(err);
  });

  it('gives up on another status as unavailable, without retry', () => {
    const failure = classifyCallError(apiError(501));
    if (failure.retryable) throw new Error('expected a final failure');
    expect(failure.label).toBe('501');
    expect(failure.error.kind).toBe('unavailable');
    expect(failure.error.message).toBe(
      'The AI assistant is not reachable right now (501). Your draft is unchanged; please try again in a minute.',
    );
  });

  it.each([
    ['fetch failed TypeError', Object.assign(new TypeError('fetch failed'), {})],
    ['AbortError', Object.assign(new Error('aborted'), { name: 'AbortError' })],
    ['TimeoutError', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
    ['socket code', Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })],
    [
      'SDK wrapper with a socket error two causes down',
      new Error('exception sending request', {
        cause: new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }),
      }),
    ],
  ])('retries a network failure: %s', (_name, err) => {
    expect(classifyCallError(err)).toEqual({ retryable: true, label: 'network' });
  });

  it('does not follow a cause chain deeper than three levels', () => {
    let err: unknown = { code: 'ECONNRESET' };
    for (let i = 0; i < 4; i++) err = new Error(`level ${i}`, { cause: err });
    expect(classifyCallError(err)).toMatchObject({ retryable: false, label: 'unexpected' });
  });

  it('gives up on an unexpected error (a bug, a lower-case code) as unavailable', () => {
    const err = Object.assign(new Error('boom'), { code: 'not_a_socket_code' });
    const failure = classifyCallError(err);
    if (failure.retryable) throw new Error('expected a final failure');
    expect(failure.label).toBe('unexpected');
    expect(failure.error.kind).toBe('unavailable');
    expect(failure.error.message).toBe(
      'The AI assistant is not reachable right now (unexpected error). Your draft is unchanged; please try again in a minute.',
    );
    expect(failure.error.cause).toBe(err);
  });
});

describe('exhausted', () => {
  it('names the last failure in the unavailable text and keeps the cause', () => {
    const cause = apiError(503);
    const error = exhausted({ retryable: true, label: '503 UNAVAILABLE' }, cause);
    expect(error).toBeInstanceOf(ModelError);
    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe(
      'The AI assistant is not reachable right now (503 UNAVAILABLE). Your draft is unchanged; please try again in a minute.',
    );
    expect(error.cause).toBe(cause);
  });
});
