/**
 * Values too regular to be random: few distinct characters (`aaaa`, `abcabc`), a run of one character, a counting
 * sequence (`123456`, `abcdef`), or dashes that belong to punctuation (`KEY-----`, `--api-key`). A random key of the shortest shape (8 characters) fails this with odds
 * under 1e-3; a 64-character one practically never.
 */
export function isLowDiversity(token: string): boolean {
  const n = token.length;
  if (token.startsWith('--') || token.includes('---')) return true;
  const seen = new Set<number>();
  let run = 1;
  let up = 1;
  let down = 1;
  for (let i = 0; i < n; i++) {
    const c = token.charCodeAt(i);
    seen.add(c);
    if (i > 0) {
      const p = token.charCodeAt(i - 1);
      run = c === p ? run + 1 : 1;
      up = c === p + 1 ? up + 1 : 1;
      down = c === p - 1 ? down + 1 : 1;
      if (run >= 6 || up >= 6 || down >= 6) return true;
    }
  }
  return seen.size < Math.min(Math.ceil(n * 0.3), 10);
}
