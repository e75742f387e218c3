import { describe, expect, it } from 'vitest';
import { patternProblems } from './pattern-safety';

describe('patternProblems', () => {
  it.each([
    [/^(a+)+$/, 'nested quantifier'],
    [/^(?:a{1,2})+$/, 'nested quantifier'],
    [/^(?:ab?){2,}$/, 'nested quantifier'],
    [/^(a|aa)+$/, 'alternation'],
    [/^\w+\w+$/, 'adjacent'],
    [/^\w+a\w+$/, 'adjacent'],
    [/^[a-z]+[A-Z]+$/i, 'adjacent'],
    [/^(a)\1$/, 'backreference'],
    [/^(?=a)a$/, 'lookaround'],
    [/abc/, 'anchored'],
    [/^abc/, 'anchored'],
    [/^a|b$/, 'alternation'],
    [/^[a-z]+$/g, 'flags'],
  ])('rejects %s (%s)', (pattern, problem) => {
    expect(patternProblems(pattern).join('; ')).toContain(problem);
  });

  it.each([
    /^[A-Za-z0-9]{64}$/,
    /^bg_[0-9a-f]{32}$/,
    /^(?:account|master)-[A-Za-z0-9]{20}$/,
    /^[A-Za-z0-9+/]{40,120}={0,2}$/,
    /^(?:[0-9a-f]{4}-){3}[0-9a-f]{4}$/,
    /^[a-z]+[A-Z]+$/,
    /^-----BEGIN PRIVATE KEY-----[A-Za-z0-9+/=\s\\]{64,80}-----END PRIVATE KEY-----\s*$/,
    /^[a-z]+$/iu,
  ])('accepts %s', (pattern) => {
    expect(patternProblems(pattern)).toEqual([]);
  });
});
