/**
 * UI strings live next to the code that uses them, as `locales.en.json` fragments in `_locales` format
 * (https://developer.chrome.com/docs/extensions/reference/api/i18n). The build merges every fragment into
 * `_locales/en/messages.json`; a key may be defined once only.
 */
export interface LocaleEntry {
  readonly message: string;
  readonly description?: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string; readonly example?: string }>>;
}

export type LocaleMessages = Readonly<Record<string, LocaleEntry>>;

/** Merges fragments (file name → messages), refusing a key defined twice. */
export function mergeLocales(
  fragments: Readonly<Record<string, LocaleMessages>>,
): Record<string, LocaleEntry> {
  const merged: Record<string, LocaleEntry> = {};
  const owner: Record<string, string> = {};
  for (const [file, messages] of Object.entries(fragments).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [key, entry] of Object.entries(messages)) {
      if (key in merged) throw new Error(`Locale key "${key}" is defined in both ${owner[key]} and ${file}.`);
      merged[key] = entry;
      owner[key] = file;
    }
  }
  return merged;
}
