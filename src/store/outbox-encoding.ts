import type { OutboxEntry } from './state-store';
import { toJson } from './store-support';

/**
 * How an outbox entry is kept as one list element, for both stores: `<id>\n<JSON value>`, so
 * the Redis script that marks an entry delivered finds it by its id prefix without decoding
 * JSON. Ids are made by the engine (random hex) and must not contain a newline.
 */

/**
 * Encodes one entry.
 * @throws RangeError when the id is empty or contains a newline; TypeError when the value has
 *   no JSON form.
 */
export function encodeOutboxEntry(entry: OutboxEntry): string {
  if (entry.id === '' || entry.id.includes('\n'))
    throw new RangeError(`outbox entry id must be non-empty and without a newline: ${entry.id}`);
  return `${entry.id}\n${toJson(entry.value)}`;
}

/** Decodes one list element written by {@link encodeOutboxEntry}. */
export function decodeOutboxEntry<T>(text: string): OutboxEntry<T> {
  const at = text.indexOf('\n');
  return { id: text.slice(0, at), value: JSON.parse(text.slice(at + 1)) as T };
}

/** Whether list element `text` is the entry with `id`. */
export function isOutboxEntry(text: string, id: string): boolean {
  return text.startsWith(`${id}\n`);
}
