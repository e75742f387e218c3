/**
 * A structural check that a credential-shape pattern runs in linear time on a backtracking engine (V8's
 * Irregexp), without timing anything. It parses the small regex subset the shapes use and reports:
 * - a repeated group that holds a variable-count quantifier, e.g. `(a+)+`, `(?:a{1,2})+`, `(?:ab?){2,}`;
 * - a repeated group that holds an alternation, e.g. `(a|aa)+` (conservative: disjoint ones are rejected too);
 * - two variable-length quantifiers over overlapping characters with nothing disjoint between them, e.g.
 *   `\w+\w+` or `\w+a\w+` (quadratic on a failing input);
 * - backreferences and lookarounds (outside the subset);
 * - missing `^…$` anchors around the whole pattern, and flags other than `i` and `u`.
 * See https://www.regular-expressions.info/catastrophic.html for the failure modes.
 */

/** A set of characters: one slot per ASCII code, plus slot 128 for "any non-ASCII". */
type CharSet = Uint8Array;

const NON_ASCII = 128;

function emptySet(): CharSet {
  return new Uint8Array(NON_ASCII + 1);
}

function fullSet(): CharSet {
  return new Uint8Array(NON_ASCII + 1).fill(1);
}

function addRange(set: CharSet, from: number, to: number): void {
  for (let c = from; c <= to; c += 1) set[Math.min(c, NON_ASCII)] = 1;
}

function union(a: CharSet, b: CharSet): CharSet {
  const out = emptySet();
  for (let i = 0; i <= NON_ASCII; i += 1) out[i] = a[i] === 1 || b[i] === 1 ? 1 : 0;
  return out;
}

function overlaps(a: CharSet, b: CharSet): boolean {
  for (let i = 0; i <= NON_ASCII; i += 1) if (a[i] === 1 && b[i] === 1) return true;
  return false;
}

function invert(set: CharSet): CharSet {
  const out = emptySet();
  for (let i = 0; i <= NON_ASCII; i += 1) out[i] = set[i] === 1 ? 0 : 1;
  out[NON_ASCII] = 1;
  return out;
}

function caseFold(set: CharSet): CharSet {
  const out = union(set, emptySet());
  for (let c = 65; c <= 90; c += 1) {
    if (set[c] === 1 || set[c + 32] === 1) {
      out[c] = 1;
      out[c + 32] = 1;
    }
  }
  return out;
}

type Node =
  | { readonly type: 'chars'; readonly set: CharSet }
  | { readonly type: 'anchor' }
  | { readonly type: 'group'; readonly alternatives: readonly Node[][] }
  | { readonly type: 'repeat'; readonly node: Node; readonly min: number; readonly max: number };

class ParseError extends Error {}

function classEscape(ch: string): CharSet | undefined {
  const set = emptySet();
  switch (ch) {
    case 'd':
      addRange(set, 48, 57);
      return set;
    case 'w':
      addRange(set, 48, 57);
      addRange(set, 65, 90);
      addRange(set, 97, 122);
      addRange(set, 95, 95);
      return set;
    case 's':
      addRange(set, 9, 13);
      addRange(set, 32, 32);
      set[NON_ASCII] = 1;
      return set;
    case 'D':
    case 'W':
    case 'S': {
      const positive = classEscape(ch.toLowerCase());
      return positive === undefined ? undefined : invert(positive);
    }
    default:
      return undefined;
  }
}

const CONTROL_ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parse(): Node[][] {
    const alternatives = this.alternatives();
    if (this.pos < this.src.length) throw new ParseError(`unexpected ')' at ${this.pos}`);
    return alternatives;
  }

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  private next(): string {
    const ch = this.src[this.pos];
    if (ch === undefined) throw new ParseError('unexpected end of pattern');
    this.pos += 1;
    return ch;
  }

  private alternatives(): Node[][] {
    const alts: Node[][] = [this.sequence()];
    while (this.peek() === '|') {
      this.pos += 1;
      alts.push(this.sequence());
    }
    return alts;
  }

  private sequence(): Node[] {
    const items: Node[] = [];
    for (let ch = this.peek(); ch !== undefined && ch !== '|' && ch !== ')'; ch = this.peek()) {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return items;
  }

  private quantified(atom: Node): Node {
    const ch = this.peek();
    let min: number;
    let max: number;
    if (ch === '*') [min, max] = [0, Infinity];
    else if (ch === '+') [min, max] = [1, Infinity];
    else if (ch === '?') [min, max] = [0, 1];
    else if (ch === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (match === null) return atom;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
      this.pos += match[0].length - 1;
    } else return atom;
    this.pos += 1;
    if (this.peek() === '?') this.pos += 1;
    if (atom.type === 'anchor') throw new ParseError('quantified anchor');
    const q = this.peek();
    if (q === '*' || q === '+' || q === '?' || q === '{') throw new ParseError('stacked quantifiers');
    return { type: 'repeat', node: atom, min, max };
  }

  private atom(): Node {
    const ch = this.next();
    switch (ch) {
      case '^':
      case '$':
        return { type: 'anchor' };
      case '.':
        return { type: 'chars', set: fullSet() };
      case '[':
        return { type: 'chars', set: this.charClass() };
      case '(':
        return this.group();
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
        throw new ParseError(`nothing to repeat at ${this.pos - 1}`);
      default: {
        const set = emptySet();
        addRange(set, ch.charCodeAt(0), ch.charCodeAt(0));
        return { type: 'chars', set };
      }
    }
  }

  private group(): Node {
    if (this.src.startsWith('?:', this.pos)) this.pos += 2;
    else if (/^\?<[A-Za-z_]/.test(this.src.slice(this.pos))) {
      this.pos = this.src.indexOf('>', this.pos) + 1;
    } else if (this.peek() === '?') throw new ParseError('lookaround is outside the supported subset');
    const alternatives = this.alternatives();
    if (this.next() !== ')') throw new ParseError('unclosed group');
    return { type: 'group', alternatives };
  }

  private escape(): Node {
    const ch = this.next();
    if (ch === 'b' || ch === 'B') return { type: 'anchor' };
    if (/[1-9]/.test(ch) || ch === 'k') throw new ParseError('backreference');
    return { type: 'chars', set: this.escapedSet(ch) };
  }

  private escapedSet(ch: string): CharSet {
    const shorthand = classEscape(ch);
    if (shorthand !== undefined) return shorthand;
    const set = emptySet();
    const code = this.escapedCode(ch);
    addRange(set, code, code);
    return set;
  }

  private escapedCode(ch: string): number {
    const control = CONTROL_ESCAPES[ch];
    if (control !== undefined) return control;
    if (ch === 'x' || ch === 'u') {
      const digits = ch === 'x' ? 2 : 4;
      const hex = this.src.slice(this.pos, this.pos + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) throw new ParseError(`bad \\${ch} escape`);
      this.pos += digits;
      return parseInt(hex, 16);
    }
    if (/[A-Za-z0-9]/.test(ch)) throw new ParseError(`unsupported escape \\${ch}`);
    return ch.charCodeAt(0);
  }

  private charClass(): CharSet {
    let set = emptySet();
    const negated = this.peek() === '^';
    if (negated) this.pos += 1;
    let first = true;
    while (this.peek() !== ']' || first) {
      first = false;
      const ch = this.next();
      if (ch === '\\') {
        const esc = this.next();
        const shorthand = classEscape(esc);
        if (shorthand !== undefined) {
          set = union(set, shorthand);
          continue;
        }
        this.rangeFrom(set, this.escapedCode(esc));
        continue;
      }
      this.rangeFrom(set, ch.charCodeAt(0));
    }
    this.pos += 1;
    return negated ? invert(set) : set;
  }

  private rangeFrom(set: CharSet, from: number): void {
    if (this.peek() === '-' && this.src[this.pos + 1] !== ']') {
      this.pos += 1;
      const toCh = this.next();
      const to = toCh === '\\' ? this.escapedCode(this.next()) : toCh.charCodeAt(0);
      if (to < from) throw new ParseError('reversed class range');
      addRange(set, from, to);
    } else addRange(set, from, from);
  }
}

/** Every character a node can consume. */
function charsOf(node: Node): CharSet {
  switch (node.type) {
    case 'chars':
      return node.set;
    case 'anchor':
      return emptySet();
    case 'repeat':
      return charsOf(node.node);
    case 'group':
      return node.alternatives.flat().reduce((acc, n) => union(acc, charsOf(n)), emptySet());
  }
}

/** True when the node can match strings of more than two different lengths (a "variable" quantifier). */
function isVariable(node: Node): boolean {
  switch (node.type) {
    case 'chars':
    case 'anchor':
      return false;
    case 'repeat':
      return node.max - node.min > 1 || isVariable(node.node);
    case 'group':
      return node.alternatives.some((alt) => alt.some(isVariable));
  }
}

/** True when some quantifier inside can match more than one count, e.g. `a?` or `a{1,2}`. */
function hasFlexibleQuantifier(node: Node): boolean {
  switch (node.type) {
    case 'chars':
    case 'anchor':
      return false;
    case 'repeat':
      return node.min !== node.max || hasFlexibleQuantifier(node.node);
    case 'group':
      return node.alternatives.some((alt) => alt.some(hasFlexibleQuantifier));
  }
}

function containsAlternation(node: Node): boolean {
  if (node.type === 'group')
    return node.alternatives.length > 1 || node.alternatives.some((alt) => alt.some(containsAlternation));
  if (node.type === 'repeat') return containsAlternation(node.node);
  return false;
}

function checkSequence(items: readonly Node[], fold: (s: CharSet) => CharSet, problems: string[]): void {
  // `pending`: characters that a preceding variable quantifier may still be consuming.
  let pending: CharSet | null = null;
  for (const item of items) {
    if (item.type === 'anchor') continue;
    checkNode(item, fold, problems);
    const chars = fold(charsOf(item));
    if (isVariable(item)) {
      if (pending !== null && overlaps(pending, chars))
        problems.push('adjacent variable quantifiers over overlapping characters');
      const optional = item.type === 'repeat' && item.min === 0;
      pending = optional && pending !== null ? union(pending, chars) : chars;
    } else if (pending !== null && !overlaps(pending, chars)) {
      pending = null;
    }
  }
}

function checkNode(node: Node, fold: (s: CharSet) => CharSet, problems: string[]): void {
  if (node.type === 'group') {
    for (const alt of node.alternatives) checkSequence(alt, fold, problems);
  } else if (node.type === 'repeat') {
    if (node.max > 1 && node.node.type === 'group') {
      if (hasFlexibleQuantifier(node.node))
        problems.push('nested quantifier: a repeated group holds a variable-length quantifier');
      if (containsAlternation(node.node)) problems.push('repeated group holds an alternation');
    }
    checkNode(node.node, fold, problems);
  }
}

/** Problems found in the pattern; an empty list means it passed. */
export function patternProblems(pattern: RegExp): string[] {
  const problems: string[] = [];
  const badFlags = pattern.flags.replace(/[iu]/g, '');
  if (badFlags !== '') problems.push(`flags other than i/u: ${badFlags}`);
  const src = pattern.source;
  if (!src.startsWith('^') || !src.endsWith('$') || src.endsWith('\\$'))
    problems.push('not anchored with ^…$');
  let alternatives: Node[][];
  try {
    alternatives = new Parser(src).parse();
  } catch (err) {
    problems.push(err instanceof ParseError ? err.message : 'unparsable');
    return problems;
  }
  if (alternatives.length > 1) problems.push('top-level alternation escapes the anchors; wrap it in (?:…)');
  const fold = pattern.flags.includes('i') ? caseFold : (s: CharSet) => s;
  for (const alt of alternatives) checkSequence(alt, fold, problems);
  return problems;
}
