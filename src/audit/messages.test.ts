import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MESSAGES_EN,
  formatEnglish,
  localeFragment,
  type LocaleMessage,
  type MessageDef,
} from './messages.en';

function readJson(relative: string): Record<string, LocaleMessage> {
  return JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as Record<
    string,
    LocaleMessage
  >;
}

/** chrome.i18n.getMessage's substitution rules, enough to check the fragment renders like formatEnglish. */
function getMessage(entry: LocaleMessage, substitutions: readonly string[]): string {
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    return entry.placeholders?.[name.toLowerCase()]?.content ?? whole;
  });
  return named.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

const entries = Object.entries<MessageDef>(MESSAGES_EN);

describe('audit messages', () => {
  it('locales.en.json is the generated fragment', () => {
    // Regenerate with: npx tsx -e "import('./src/audit/messages.en.ts').then((m) => require('node:fs').writeFileSync('src/audit/locales.en.json', JSON.stringify(m.localeFragment(), null, 2) + '\n'))"
    expect(readJson('./locales.en.json')).toEqual(localeFragment());
  });

  it.each(entries)('%s uses each placeholder, in range, with a valid name', (key, def) => {
    expect(key).toMatch(/^audit[A-Za-z0-9]+$/);
    const used = [...def.message.matchAll(/\$(\d)/g)].map((m) => Number(m[1]));
    expect(new Set(used)).toEqual(new Set(def.placeholders.map((_, i) => i + 1)));
    expect(def.message.replace(/\$\d/g, '')).not.toContain('$');
    const names = def.placeholders.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z_]+$/);
    expect(def.description.trim()).not.toBe('');
  });

  it.each(entries)('%s renders the same through the _locales fragment', (key, def) => {
    const values = def.placeholders.map(([, example]) => example);
    const fragment = localeFragment()[key];
    expect(fragment).toBeDefined();
    if (fragment !== undefined)
      expect(getMessage(fragment, values)).toBe(formatEnglish(key as keyof typeof MESSAGES_EN, values));
  });

  it('formatEnglish refuses the wrong number of values', () => {
    expect(() => formatEnglish('auditStoredTwice', [])).toThrow(/takes 1/);
    expect(() => formatEnglish('auditNoIpAllowlist', ['x'])).toThrow(/takes 0/);
    expect(formatEnglish('auditStoredTwice', ['Main'])).toBe('This key is also stored as “Main”.');
  });
});
