import { describe, expect, it } from 'vitest';
import { lengthRange } from '../../src/detector/regex-length';
import { compileRules } from '../../src/detector/rules';
import { DETECTOR_RULES } from '../../src/detector/rules.generated';
import { EXCHANGES } from '../../src/exchanges/index';
import { EXCHANGE_IDS } from '../../src/exchanges/types';

describe('rules.generated.ts', () => {
  it('equals compileRules(EXCHANGES): run `npx tsx scripts/gen-detector-rules.ts` after changing src/exchanges', () => {
    expect(DETECTOR_RULES).toEqual(compileRules(EXCHANGES));
  });

  it('covers every venue, with keywords and at least one shape each', () => {
    expect(DETECTOR_RULES.exchanges.map(([id]) => id).sort()).toEqual([...EXCHANGE_IDS].sort());
    for (const [id, keywords, , shapes] of DETECTOR_RULES.exchanges) {
      expect(keywords.length, id).toBeGreaterThan(0);
      expect(shapes.length, id).toBeGreaterThan(0);
      for (const [, pattern] of shapes) expect(DETECTOR_RULES.patterns[pattern], id).toBeDefined();
    }
  });

  it('carries no prose, URLs or examples from the knowledge base', () => {
    const text = JSON.stringify(DETECTOR_RULES);
    expect(text).not.toMatch(/https?:\/\//);
    for (const e of EXCHANGES)
      for (const s of e.shapes) for (const ex of s.examples) expect(text).not.toContain(ex);
  });

  it('only trusts a distinctive flag backed by an official source', () => {
    const fake = EXCHANGES.map((e) => ({
      ...e,
      shapes: e.shapes.map((s) => ({
        ...s,
        distinctive: true,
        source: { ...s.source, confirmation: 'observed' as const },
      })),
    }));
    expect(compileRules(fake).exchanges.every(([, , , shapes]) => shapes.every(([, , , d]) => d === 0))).toBe(
      true,
    );
  });
});

describe('lengthRange', () => {
  it('reads the length range of anchored shape patterns', () => {
    expect(lengthRange('^[A-Za-z0-9]{64}$')).toEqual({ min: 64, max: 64 });
    expect(lengthRange('^[A-Za-z0-9]{27,28}$')).toEqual({ min: 27, max: 28 });
    expect(lengthRange('^(?:account|master)-[A-Za-z0-9]{20}$')).toEqual({ min: 27, max: 28 });
    expect(lengthRange('^mx0[A-Za-z0-9]{15}$')).toEqual({ min: 18, max: 18 });
    expect(lengthRange('^[A-Za-z0-9+/]{86}==$')).toEqual({ min: 88, max: 88 });
    expect(lengthRange('^[A-Za-z0-9+/]{40,120}={0,2}$')).toEqual({ min: 40, max: 122 });
    expect(lengthRange('^organizations\\/[0-9a-f-]{36}\\/apiKeys\\/[0-9a-f-]{36}$')).toEqual({
      min: 95,
      max: 95,
    });
    expect(lengthRange('^[a-z]+$')).toEqual({ min: 1, max: Infinity });
    expect(lengthRange('^a?b*\\d{2,}$')).toEqual({ min: 2, max: Infinity });
  });

  it('agrees with every knowledge-base example', () => {
    for (const e of EXCHANGES) {
      for (const s of e.shapes) {
        const { min, max } = lengthRange(s.pattern.source);
        for (const ex of s.examples) {
          if (!s.pattern.test(ex)) continue;
          expect(ex.length, s.id).toBeGreaterThanOrEqual(min);
          expect(ex.length, s.id).toBeLessThanOrEqual(max);
        }
      }
    }
  });
});
