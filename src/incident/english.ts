/**
 * English rendering of the incident messages outside the browser (report export, tests), with the same rules as
 * chrome.i18n.getMessage: `$NAME$` becomes the placeholder's content, `$1`…`$9` in that content (or in the message)
 * become the positional substitutions, `$$` is a dollar sign. Substituted values are never re-scanned, so a label
 * containing "$1" stays as typed.
 */
import fragment from './locales.en.json';

export interface LocaleEntry {
  readonly message: string;
  readonly description: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string; readonly example?: string }>>;
}

export const ENGLISH: Readonly<Record<string, LocaleEntry>> = fragment;

function positional(text: string, substitutions: readonly string[]): string {
  return text.replace(/\$\$|\$(\d)/g, (whole, digit: string | undefined) =>
    digit === undefined ? '$' : (substitutions[Number(digit) - 1] ?? ''),
  );
}

/** The English text of `key`; throws on an unknown key so a typo fails in tests rather than showing a key. */
export function english(key: string, substitutions: readonly string[] = []): string {
  const entry = ENGLISH[key];
  if (entry === undefined) throw new Error(`no English message for ${key}`);
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]),
  );
  return entry.message.replace(
    /\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g,
    (whole, name?: string, digit?: string) => {
      if (name !== undefined) {
        const content = placeholders.get(name.toLowerCase());
        return content === undefined ? '' : positional(content, substitutions);
      }
      if (digit !== undefined) return substitutions[Number(digit) - 1] ?? '';
      return '$';
    },
  );
}

/** The highest `$n` a message reads, through its placeholders or directly (0 when it reads none). */
export function positionsRead(key: string): number {
  const entry = ENGLISH[key];
  if (entry === undefined) throw new Error(`no English message for ${key}`);
  const texts = [entry.message, ...Object.values(entry.placeholders ?? {}).map((p) => p.content)];
  let highest = 0;
  for (const text of texts)
    for (const match of text.matchAll(/\$(\d)/g)) highest = Math.max(highest, Number(match[1]));
  return highest;
}
