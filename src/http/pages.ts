/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A small self-contained HTML page (no scripts, no external assets) for the browser end of
 * account linking: a title, a sentence or two, and an optional reference to quote.
 */
export function page(title: string, lines: string[], ref?: string): string {
  const body = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n    ');
  const reference = ref ? `\n    <p class="ref">Reference: ${escapeHtml(ref)}</p>` : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>${escapeHtml(title)}</title>
    <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}.ref{color:#666;font-size:.9em}</style>
  </head>
  <body>
    <h1>${escapeHtml(title)}</h1>
    ${body}${reference}
  </body>
</html>
`;
}
