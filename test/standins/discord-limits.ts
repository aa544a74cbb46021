// Discord's message limits and error envelopes, as the stand-in's REST routes enforce them.
import type { WireObject } from './discord-payloads';

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * Every way a message body breaks Discord's limits, as Discord's API checks them (Discord docs
 * "Embed limits", "Message components"; docs/platform-limits.md): `[]` when valid.
 * The numbers are written out here on purpose, independent of the adapter's own constants.
 */
export function messageLimitProblems(payload: WireObject): string[] {
  const problems: string[] = [];
  const content = str(payload.content);
  if (content.length > 2000) problems.push(`content ${content.length}`);
  const embeds = (payload.embeds as Json[] | undefined) ?? [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds`);
  let total = 0;
  for (const e of embeds) {
    const fields = (e.fields as Json[] | undefined) ?? [];
    const footer = str((e.footer as Json | undefined)?.text);
    const author = str((e.author as Json | undefined)?.name);
    if (str(e.title).length > 256) problems.push(`title ${str(e.title).length}`);
    if (str(e.description).length > 4096) problems.push('description');
    if (fields.length > 25) problems.push(`${fields.length} fields`);
    for (const f of fields) {
      if (str(f.name).length > 256 || str(f.name).length === 0) problems.push('field name');
      if (str(f.value).length > 1024 || str(f.value).length === 0) problems.push('field value');
      total += str(f.name).length + str(f.value).length;
    }
    if (footer.length > 2048) problems.push('footer');
    total += str(e.title).length + str(e.description).length + footer.length + author.length;
  }
  if (total > 6000) problems.push(`embed total ${total}`);
  for (const e of embeds)
    if (!e.title && !e.description && !((e.fields as Json[] | undefined) ?? []).length)
      problems.push('empty embed');
  const rows = (payload.components as Json[] | undefined) ?? [];
  if (rows.length > 5) problems.push(`${rows.length} rows`);
  const ids = new Set<string>();
  for (const row of rows) {
    const buttons = (row.components as Json[] | undefined) ?? [];
    if (row.type !== 1) problems.push('row type');
    if (buttons.length > 5) problems.push(`${buttons.length} buttons`);
    for (const b of buttons) {
      const id = str(b.custom_id);
      if (id && ids.has(id)) problems.push(`duplicate custom_id ${id}`);
      ids.add(id);
      if (b.type === 3) {
        // String select (Discord docs "Component reference → String Select").
        const options = (b.options as Json[] | undefined) ?? [];
        if (buttons.length !== 1) problems.push('select not alone in its row');
        if (options.length < 1 || options.length > 25) problems.push(`${options.length} options`);
        if (str(b.placeholder).length > 150) problems.push('placeholder');
        for (const o of options)
          if ([o.label, o.value, o.description].some((t) => str(t).length > 100))
            problems.push('option text');
        if (id.length === 0 || id.length > 100) problems.push(`custom_id ${id.length}`);
        continue;
      }
      if (str(b.label).length > 80) problems.push('label');
      if (b.style === 5) {
        if (!str(b.url) || b.custom_id !== undefined) problems.push('link button');
      } else if (str(b.custom_id).length === 0 || str(b.custom_id).length > 100) {
        problems.push(`custom_id ${str(b.custom_id).length}`);
      }
    }
  }
  return problems;
}

/** Discord's error envelope (Discord docs "Error messages"). */
export function apiError(code: number, message: string): WireObject {
  return { message, code };
}

/** Discord's answer to a message body over the limits: 400, code 50035 "Invalid Form Body". */
export function invalidBody(body: WireObject): { status: number; json: unknown } | null {
  const problems = messageLimitProblems(body);
  return problems.length === 0
    ? null
    : { status: 400, json: { ...apiError(50035, 'Invalid Form Body'), errors: problems } };
}
