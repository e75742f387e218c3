import { describe, expect, it } from 'vitest';
import type { Usage } from '../../vault/model';
import { makeMeta, runCheck, summary } from '../testing';
import { sharedByApps } from './shared-by-apps';

function app(name: string, kind: Usage['kind'] = 'app'): Usage {
  return { kind, name, domain: null };
}

describe('shared-by-apps', () => {
  it.each([
    { name: 'no app', usedBy: [], expected: [] },
    { name: 'one app', usedBy: [app('3Commas')], expected: [] },
    {
      name: 'two apps',
      usedBy: [app('3Commas'), app('my bot', 'bot')],
      expected: [['medium', 'auditSharedByApps']],
    },
    {
      name: 'near miss: the same app entered twice (case and spaces differ)',
      usedBy: [app('3Commas'), app(' 3commas ')],
      expected: [],
    },
  ])('$name', ({ usedBy, expected }) => {
    expect(summary(runCheck(sharedByApps, makeMeta({ usedBy })))).toEqual(expected);
  });

  it('counts and names the distinct apps', () => {
    const [f] = runCheck(sharedByApps, makeMeta({ usedBy: [app('A'), app('B'), app('a'), app('C')] }));
    expect(f?.substitutions).toEqual(['3', 'A, B, C']);
  });
});
