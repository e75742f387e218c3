import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH, english, positionsRead } from './english';
import { revokeAllTitle } from './revoke-all';
import { getExchange } from '../exchanges/index';

const here = import.meta.dirname;
const sources = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(here, f), 'utf8'))
  .join('\n');
const usedKeys = new Set([...sources.matchAll(/'(incident[A-Z][A-Za-z]*)'/g)].map((m) => m[1] ?? ''));

describe('locales.en.json fragment', () => {
  it('is in _locales format: message, description, placeholders mapping names to $n', () => {
    for (const [key, entry] of Object.entries(ENGLISH)) {
      expect(key).toMatch(/^incident[A-Za-z0-9_]+$/);
      expect(entry.message.trim(), key).not.toBe('');
      expect(entry.description.trim(), key).not.toBe('');
      const inMessage = new Set(
        [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]?.toLowerCase()),
      );
      const declared = Object.keys(entry.placeholders ?? {});
      expect(new Set(declared.map((n) => n.toLowerCase())), key).toEqual(inMessage);
      for (const p of Object.values(entry.placeholders ?? {})) expect(p.content).toMatch(/^\$[1-9]$/);
    }
  });

  it('every key the code uses exists, and every key exists because the code uses it', () => {
    for (const key of usedKeys) expect(ENGLISH[key], key).toBeDefined();
    for (const key of Object.keys(ENGLISH)) expect(usedKeys.has(key), key).toBe(true);
  });

  it('renders like chrome.i18n: placeholders, positional values, $$, values never re-scanned', () => {
    expect(english('incidentProgress', ['3', '7'])).toBe('3 of 7 steps done');
    expect(english('incidentStepUpdateAppTitle', ['$1 $$ $APP$'])).toBe(
      'Update $1 $$ $APP$ with the new key',
    );
    expect(english('incidentReplaceIpMax', ['Bybit', '', '', '', '4'])).toBe(
      'Bybit accepts up to 4 addresses per key.',
    );
    expect(positionsRead('incidentReplaceIpMax')).toBe(5);
    expect(() => english('incidentNoSuchKey')).toThrow();
  });

  it('titles the combined checklist', () => {
    const one = revokeAllTitle('kraken', getExchange);
    expect(english(one.key, one.substitutions)).toBe('Revoke everything on Kraken');
    const all = revokeAllTitle('all', getExchange);
    expect(english(all.key, all.substitutions)).toBe('Revoke everything on all exchanges');
  });
});
