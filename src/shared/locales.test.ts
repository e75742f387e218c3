import { describe, expect, it } from 'vitest';
import { localeFragments } from '../../vite.config';
import { mergeLocales } from './locales';

describe('locale fragments', () => {
  it('merge into one messages.json with every key defined once', () => {
    const merged = mergeLocales(localeFragments());
    expect(Object.keys(merged).length).toBeGreaterThan(100);
    for (const [key, entry] of Object.entries(merged)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(entry.message.length, key).toBeGreaterThan(0);
      // Every $NAME$ in a message has a placeholder, as chrome.i18n requires.
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
        expect(
          Object.keys(entry.placeholders ?? {}).map((p) => p.toLowerCase()),
          key,
        ).toContain(name!.toLowerCase());
      }
    }
  });

  it('refuses a key defined in two fragments', () => {
    expect(() =>
      mergeLocales({ 'a.json': { k: { message: 'a' } }, 'b.json': { k: { message: 'b' } } }),
    ).toThrow(/defined in both/);
  });
});
