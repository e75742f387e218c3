import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCHANGES } from '../exchanges/index';
import messages from './locales.en.json';

const dir = import.meta.dirname;
const defined = new Set(Object.keys(messages));

function sources(): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts'))
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}

describe('popup strings', () => {
  it('defines every popup key the components use, and only popup-prefixed keys', () => {
    const used = new Set(
      sources().flatMap((text) => [...text.matchAll(/'(popup[A-Za-z0-9_]+)'/g)].map((m) => m[1]!)),
    );
    expect(used.size).toBeGreaterThan(200);
    expect([...used].filter((key) => !defined.has(key))).toEqual([]);
    expect([...defined].filter((key) => !key.startsWith('popup'))).toEqual([]);
  });

  it('names every audit check and every key type', () => {
    const checks = readdirSync(join(dir, '../audit/checks')).filter((f) => /^[a-z-]+\.ts$/.test(f));
    expect(checks.length).toBeGreaterThan(5);
    for (const file of checks) {
      const key = `popupCheck${file.replace(/\.ts$/, '').replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`;
      expect(defined, key).toContain(key);
    }
    for (const exchange of EXCHANGES)
      for (const field of exchange.fields)
        if (field.variant !== undefined)
          expect(defined).toContain(`popupVariant_${field.variant.replace(/-/g, '_')}`);
  });
});
