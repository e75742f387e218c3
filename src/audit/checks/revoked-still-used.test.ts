import { describe, expect, it } from 'vitest';
import type { CredentialMeta } from '../../vault/model';
import { makeMeta, runCheck, summary } from '../testing';
import { revokedStillUsed } from './revoked-still-used';

const BOT = { kind: 'bot', name: 'Bot', domain: null } as const;

describe('revoked-still-used', () => {
  it.each<{ name: string; meta: Partial<CredentialMeta>; expected: [string, string][] }>([
    {
      name: 'revoked, still used',
      meta: { status: 'revoked', usedBy: [BOT] },
      expected: [['low', 'auditRevokedStillUsed']],
    },
    { name: 'revoked, list cleared', meta: { status: 'revoked', usedBy: [] }, expected: [] },
    { name: 'near miss: active and used', meta: { status: 'active', usedBy: [BOT] }, expected: [] },
    { name: 'near miss: compromised and used', meta: { status: 'compromised', usedBy: [BOT] }, expected: [] },
  ])('$name', ({ meta, expected }) => {
    expect(summary(runCheck(revokedStillUsed, makeMeta(meta)))).toEqual(expected);
  });

  it('names the apps once each', () => {
    const [f] = runCheck(
      revokedStillUsed,
      makeMeta({
        status: 'revoked',
        usedBy: [BOT, { kind: 'app', name: '3Commas', domain: '3commas.io' }, BOT],
      }),
    );
    expect(f?.substitutions).toEqual(['Bot, 3Commas']);
  });
});
