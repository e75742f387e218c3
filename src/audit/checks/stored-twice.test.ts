import { describe, expect, it } from 'vitest';
import type { CredentialMeta } from '../../vault/model';
import { makeMeta, runCheck, summary } from '../testing';
import { storedTwice } from './stored-twice';

const HINT = 'AbCd…wXyZ';
const self = makeMeta({ id: 'k1', apiKeyHint: HINT });

describe('stored-twice', () => {
  const cases: {
    name: string;
    others: Partial<CredentialMeta>[];
    duplicateOf?: [string, string][];
    expected: [string, string][];
  }[] = [
    { name: 'alone', others: [], expected: [] },
    {
      name: 'exact duplicate from the vault (this → other)',
      others: [{ id: 'k2', apiKeyHint: HINT }],
      duplicateOf: [['k1', 'k2']],
      expected: [['low', 'auditStoredTwice']],
    },
    {
      name: 'exact duplicate from the vault (other → this)',
      others: [{ id: 'k2', apiKeyHint: null }],
      duplicateOf: [['k2', 'k1']],
      expected: [['low', 'auditStoredTwice']],
    },
    {
      name: 'same exchange and hint: a hint only',
      others: [{ id: 'k2', apiKeyHint: HINT }],
      expected: [['low', 'auditStoredTwiceHint']],
    },
    {
      name: 'near miss: same hint on another exchange',
      others: [{ id: 'k2', exchange: 'bybit', apiKeyHint: HINT }],
      expected: [],
    },
    { name: 'near miss: another hint', others: [{ id: 'k2', apiKeyHint: 'AbCd…wXyA' }], expected: [] },
    {
      name: 'near miss: the twin is revoked',
      others: [{ id: 'k2', apiKeyHint: HINT, status: 'revoked' }],
      duplicateOf: [['k1', 'k2']],
      expected: [],
    },
    {
      name: 'near miss: the vault pairs two other entries',
      others: [{ id: 'k2' }, { id: 'k3' }],
      duplicateOf: [['k2', 'k3']],
      expected: [],
    },
    {
      name: 'one finding per twin',
      others: [
        { id: 'k2', apiKeyHint: HINT },
        { id: 'k3', apiKeyHint: HINT },
      ],
      duplicateOf: [['k3', 'k1']],
      expected: [
        ['low', 'auditStoredTwiceHint'],
        ['low', 'auditStoredTwice'],
      ],
    },
  ];

  it.each(cases)('$name', ({ others, duplicateOf, expected }) => {
    const findings = runCheck(storedTwice, self, {
      others: [self, ...others.map((o) => makeMeta(o))],
      duplicateOf: new Map(duplicateOf ?? []),
    });
    expect(summary(findings)).toEqual(expected);
  });

  it('a missing hint matches nothing', () => {
    const noHint = makeMeta({ id: 'k1', apiKeyHint: null });
    expect(runCheck(storedTwice, noHint, { others: [makeMeta({ id: 'k2', apiKeyHint: null })] })).toEqual([]);
  });

  it('names the other entry; a hint match is reported, an exact one confirmed', () => {
    const other = makeMeta({ id: 'k2', label: 'Old bot key', apiKeyHint: HINT });
    const [hint] = runCheck(storedTwice, self, { others: [other] });
    expect(hint?.substitutions).toEqual(['Old bot key', HINT]);
    expect(hint?.confirmation).toBe('reported');
    const [exact] = runCheck(storedTwice, self, { others: [other], duplicateOf: new Map([['k2', 'k1']]) });
    expect(exact?.substitutions).toEqual(['Old bot key']);
    expect(exact?.confirmation).toBe('confirmed');
  });
});
