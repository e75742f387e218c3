/**
 * Values too regular to be random: few distinct characters (`aaaa`, `abcabc`), a run of one character, a counting
 * sequence (`123456`, `abcdef`), or dashes that belong to punctuation (`KEY-----`, `--api-key`). A random key of the shortest shape (8 characters) fails this with odds
 * under 1e-3; a 64-character one practically never.
 */
const seen = new Uint32Array(65536);
let generation = 0;

export function isLowDiversity(token: string): boolean {
  return lowDiversityAt(token, 0, token.length);
}

/** `isLowDiversity` for `text[start, end)`, without cutting it out. */
export function lowDiversityAt(text: string, start: number, end: number): boolean {
  const n = end - start;
  // A stamp per call instead of a fresh Set: this runs for every candidate token.
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    seen.fill(0);
    generation = 1;
  }
  let distinct = 0;
  let run = 1;
  let up = 1;
  let down = 1;
  let dashes = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    dashes = c === 45 ? dashes + 1 : 0;
    // `--flag`, `KEY-----`: punctuation, not a value.
    if (dashes === 3 || (dashes === 2 && i === start + 1)) return true;
    if (seen[c] !== generation) {
      seen[c] = generation;
      distinct++;
    }
    if (i > start) {
      const p = text.charCodeAt(i - 1);
      run = c === p ? run + 1 : 1;
      up = c === p + 1 ? up + 1 : 1;
      down = c === p - 1 ? down + 1 : 1;
      if (run >= 6 || up >= 6 || down >= 6) return true;
    }
  }
  return distinct < Math.min(Math.ceil(n * 0.3), 10);
}
