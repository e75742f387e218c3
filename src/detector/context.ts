import type { KeywordHits } from './keywords';

/** Keyword distances: within the value's label, near (same or previous line), far (the enclosing config block). */
export const NEAR = 80;
export const FAR = 300;

export interface ExchangeContext {
  /** Index of the exchange in the rule table. */
  readonly index: number;
  /** Characters from the keyword to the value. */
  readonly distance: number;
}

function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

/**
 * The venue named closest before `pos`, among those in `mask`, within `maxDistance`. A keyword shared by several
 * venues (`coinbase`) defers to a more specific one in the same window (`cb-access-passphrase`). Looks at no more
 * than 24 keywords, so the cost per value is bounded.
 */
export function nearestExchange(
  hits: KeywordHits,
  pos: number,
  mask: number,
  maxDistance: number,
): ExchangeContext | null {
  const { positions, masks } = hits;
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((positions[mid] ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  let found: ExchangeContext | null = null;
  let foundMask = 0;
  for (let k = lo - 1, seen = 0; k >= 0 && seen < 24; k--, seen++) {
    const at = positions[k] ?? 0;
    if (pos - at > maxDistance) break;
    const m = (masks[k] ?? 0) & mask;
    if (m === 0) continue;
    if (found === null) {
      found = { index: lowestBit(m), distance: pos - at };
      foundMask = m;
      if ((m & (m - 1)) === 0) return found;
    } else if ((m & (m - 1)) === 0 && (m & foundMask) !== 0) {
      return { index: lowestBit(m), distance: found.distance };
    }
  }
  return found;
}
