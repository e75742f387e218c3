/**
 * Values too regular to be random: few distinct characters (`aaaa`, `abcabc`), a run of one character, a counting
 * sequence (`123456`, `abcdef`), or dashes that belong to punctuation (`KEY-----`, `--api-key`). A random key of the
 * shortest shape (8 characters) fails this with odds under 1e-3; a 64-character one practically never.
 * detect.ts reads the same facts in its own pass over each token; keep the two in step.
 */
export function isLowDiversity(token: string): boolean {
  const n = token.length;
  if (token.startsWith('--') || token.includes('---')) return true;
  const seen = new Set<number>();
  for (let i = 0, run = 0, up = 0, down = 0, prev = -1; i < n; i++) {
    const c = token.charCodeAt(i);
    seen.add(c);
    run = c === prev ? run + 1 : 1;
    up = c === prev + 1 ? up + 1 : 1;
    down = c === prev - 1 ? down + 1 : 1;
    if (run >= 6 || up >= 6 || down >= 6) return true;
    prev = c;
  }
  return seen.size < Math.min(Math.ceil(n * 0.3), 10);
}
