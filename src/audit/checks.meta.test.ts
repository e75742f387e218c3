import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECKS } from './index';
import { MESSAGES_EN } from './messages.en';
import type { Check } from './types';

const dir = fileURLToPath(new URL('./checks/', import.meta.url));
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -'.ts'.length));
const locales = (await import('./locales.en.json', { with: { type: 'json' } })).default as Record<
  string,
  unknown
>;

function isCheck(value: unknown): value is Check {
  return typeof value === 'object' && value !== null && 'id' in value && 'run' in value;
}

describe('check registry', () => {
  it('has check modules', () => {
    expect(modules.length).toBeGreaterThanOrEqual(10);
  });

  it.each(modules)('%s is registered, tested, and named after its id', async (name) => {
    const module = (await import(`./checks/${name}.ts`)) as Record<string, unknown>;
    const exported = Object.values(module).filter(isCheck);
    expect(exported).toHaveLength(1);
    const [check] = exported;
    expect(check?.id).toBe(name);
    expect(CHECKS).toContain(check);
    expect(existsSync(`${dir}${name}.test.ts`), `${name}.test.ts`).toBe(true);
    for (const key of check?.messageKeys ?? [])
      expect(Object.keys(locales), `${name}: ${key}`).toContain(key);
  });

  it('registers only checks that have a module, once each', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...modules].sort());
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  it('uses every audit message somewhere', () => {
    const used = new Set(CHECKS.flatMap((c) => c.messageKeys));
    expect(Object.keys(MESSAGES_EN).filter((key) => !used.has(key as keyof typeof MESSAGES_EN))).toEqual([]);
  });
});
