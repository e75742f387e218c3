/**
 * Length range of the strings an anchored shape pattern can match, read from its source. Handles the subset the
 * knowledge base uses (literals, escapes, classes, groups, alternation, quantifiers); anything unbounded gives
 * `max = Infinity`. Used to bucket shapes by length so each token meets only shapes it can fit.
 */
export interface LengthRange {
  readonly min: number;
  readonly max: number;
}

export function lengthRange(source: string): LengthRange {
  let i = 0;

  function parseAlternation(): LengthRange {
    let best = parseSequence();
    while (source[i] === '|') {
      i++;
      const next = parseSequence();
      best = { min: Math.min(best.min, next.min), max: Math.max(best.max, next.max) };
    }
    return best;
  }

  function parseSequence(): LengthRange {
    let min = 0;
    let max = 0;
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const atom = parseAtom();
      const [qMin, qMax] = parseQuantifier();
      min += atom.min * qMin;
      max += qMax === 0 ? 0 : atom.max * qMax;
    }
    return { min, max };
  }

  function parseAtom(): LengthRange {
    const c = source[i];
    if (c === '^' || c === '$') {
      i++;
      return { min: 0, max: 0 };
    }
    if (c === '(') {
      i++;
      if (source[i] === '?') {
        i++;
        if (source[i] === '<') i++;
        if (source[i] === '=' || source[i] === '!') {
          i++;
          parseAlternation();
          i++;
          return { min: 0, max: 0 };
        }
        if (source[i] === ':') i++;
      }
      const inner = parseAlternation();
      i++; // ')'
      return inner;
    }
    if (c === '[') {
      i++;
      while (i < source.length && source[i] !== ']') {
        i += source[i] === '\\' ? 2 : 1;
      }
      i++;
      return { min: 1, max: 1 };
    }
    if (c === '\\') {
      const e = source[i + 1];
      i += 2;
      if (e === 'b' || e === 'B') return { min: 0, max: 0 };
      if (e === 'u' && source[i] === '{') {
        while (i < source.length && source[i] !== '}') i++;
        i++;
      } else if (e === 'u') {
        i += 4;
      } else if (e === 'x') {
        i += 2;
      }
      return { min: 1, max: 1 };
    }
    i++;
    return { min: 1, max: 1 };
  }

  function parseQuantifier(): [number, number] {
    const c = source[i];
    let q: [number, number] = [1, 1];
    if (c === '?') q = [0, 1];
    else if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) return q;
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3]);
      i += m[0].length;
      if (source[i] === '?') i++;
      return [lo, hi];
    } else return q;
    i++;
    if (source[i] === '?') i++;
    return q;
  }

  return parseAlternation();
}
