import { describe, expect, it } from 'vitest';
import { makeMeta, runCheck, summary } from '../testing';
import { noRecordedUse } from './no-recorded-use';

describe('no-recorded-use', () => {
  it.each([
    { name: 'no app recorded', usedBy: [], expected: [['info', 'auditNoRecordedUse']] },
    { name: 'one bot', usedBy: [{ kind: 'bot', name: 'Bot', domain: null }], expected: [] },
    {
      name: 'near miss: an app of unknown kind still counts',
      usedBy: [{ kind: 'unknown', name: '?', domain: null }],
      expected: [],
    },
  ] as const)('$name', ({ usedBy, expected }) => {
    expect(summary(runCheck(noRecordedUse, makeMeta({ usedBy })))).toEqual(expected);
  });
});
