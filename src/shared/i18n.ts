/**
 * UI strings come from `_locales/<lang>/messages.json` through the browser's i18n API, so every string is
 * translatable. A missing key returns the key itself, which tests catch (see src/shared/i18n-keys.test.ts).
 */
export function t(key: string, substitutions?: string | string[]): string {
  return chrome.i18n.getMessage(key, substitutions) || key;
}
