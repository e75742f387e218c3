/**
 * Documentation placeholders and masked values: `YOUR_API_KEY`, `xxxx…`, `<your secret>`, `{{API_SECRET}}`.
 * Random values contain these words with negligible odds (about 1e-4 for a 64-character key).
 */
const WORDS = /your|xxxx|placeholder|changeme|change_me|replace|example|insert|dummy|redacted|fake|sample/i;

export function isPlaceholder(text: string, start: number, end: number): boolean {
  if (WORDS.test(text.slice(start, end))) return true;
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  const after = end < text.length ? text.charCodeAt(end) : 0;
  // <API_SECRET>, [api secret], {API_SECRET}
  return (
    (before === 60 && after === 62) || (before === 91 && after === 93) || (before === 123 && after === 125)
  );
}
