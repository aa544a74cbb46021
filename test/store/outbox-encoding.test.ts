import {
  decodeOutboxEntry,
  encodeOutboxEntry,
  isOutboxEntry,
} from '../../src/store/outbox-encoding';

describe('outbox entry encoding', () => {
  it('writes `<id>\\n<JSON>` and reads it back, newlines in the value included', () => {
    const entry = { id: 'a1b2', value: { text: 'line one\nline two', n: 2 } };
    const text = encodeOutboxEntry(entry);
    expect(text).toBe('a1b2\n{"text":"line one\\nline two","n":2}');
    expect(decodeOutboxEntry(text)).toEqual(entry);
  });

  it('refuses an empty id or one with a newline', () => {
    expect(() => encodeOutboxEntry({ id: '', value: 1 })).toThrow(RangeError);
    expect(() => encodeOutboxEntry({ id: 'a\nb', value: 1 })).toThrow(
      'outbox entry id must be non-empty and without a newline: a\nb',
    );
  });

  it('refuses a value without a JSON form', () => {
    expect(() => encodeOutboxEntry({ id: 'x', value: undefined })).toThrow(TypeError);
  });

  it('matches an element by its whole id, not by a shared start', () => {
    const text = encodeOutboxEntry({ id: 'a12', value: 'hi' });
    expect(isOutboxEntry(text, 'a12')).toBe(true);
    expect(isOutboxEntry(text, 'a1')).toBe(false);
    expect(isOutboxEntry(text, 'a123')).toBe(false);
  });
});
