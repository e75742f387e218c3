import { describe, expect, it } from 'vitest';
import { estimateStrength, type StrengthWarningCode } from './strength';

describe('estimateStrength', () => {
  it.each<[string, number, number, StrengthWarningCode?]>([
    ['', 0, 0, 'empty'],
    ['password', 0, 0, 'common-password'],
    ['P@ssw0rd', 0, 0, 'common-password'],
    ['Password123!', 0, 1, 'sequence'],
    ['hunter2', 0, 0, 'common-password'],
    ['aaaaaaaaaaaaaaaaaaaa', 0, 0, 'repeated'],
    ['qwerty2024', 0, 0, 'year'],
    ['ilovemydogmax', 0, 1, 'few-words'],
    ['Tr0ub4dor&3', 1, 2],
    ['orbit lamp velvet', 1, 2, 'few-words'],
    ['orbit-lamp-velvet-cactus-harbor', 3, 4],
    ['kL8v2QxZp9rT4mWn', 4, 4],
    ['jX4!uR7#pQ2@wZ9$eT6%', 4, 4],
  ])('%j scores between %i and %i', (passphrase, min, max, warning) => {
    const estimate = estimateStrength(passphrase);
    expect(estimate.score).toBeGreaterThanOrEqual(min);
    expect(estimate.score).toBeLessThanOrEqual(max);
    if (warning) expect(estimate.warnings.map((w) => w.code)).toContain(warning);
    for (const w of estimate.warnings)
      if (passphrase.length >= 10) expect(w.message).not.toContain(passphrase);
  });

  it('never rates a longer random passphrase lower than its prefix by more than rounding', () => {
    const words = ['orbit', 'lamp', 'velvet', 'cactus', 'harbor', 'quartz', 'meadow'];
    let previous = 0;
    for (let n = 1; n <= words.length; n++) {
      const { bits } = estimateStrength(words.slice(0, n).join('-'));
      expect(bits).toBeGreaterThanOrEqual(previous);
      previous = bits;
    }
    expect(previous).toBeGreaterThan(70);
  });
});
