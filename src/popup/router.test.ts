import { describe, expect, it } from 'vitest';
import { parseRoute } from './router';

describe('parseRoute', () => {
  it('maps every view', () => {
    expect(parseRoute('')).toEqual({ name: 'inventory' });
    expect(parseRoute('#/')).toEqual({ name: 'inventory' });
    expect(parseRoute('#/key/abc_1')).toEqual({ name: 'key', id: 'abc_1' });
    expect(parseRoute('#/edit/abc')).toEqual({ name: 'edit', id: 'abc' });
    expect(parseRoute('#/incident/i-1')).toEqual({ name: 'incident', id: 'i-1' });
    expect(parseRoute('#/revoke-all')).toEqual({ name: 'revoke-all', sessionId: null });
    expect(parseRoute('#/revoke-all/s1')).toEqual({ name: 'revoke-all', sessionId: 's1' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/signature')).toEqual({ name: 'signature' });
  });

  it('reads the replacement parameters of the add form', () => {
    expect(parseRoute('#/add?replaces=k1&exchange=okx&incident=i9')).toEqual({
      name: 'add',
      replaces: 'k1',
      exchange: 'okx',
      incident: 'i9',
    });
    expect(parseRoute('#/add')).toEqual({ name: 'add', replaces: null, exchange: null, incident: null });
  });

  it('decodes ids and refuses unknown or over-long paths', () => {
    expect(parseRoute('#/key/a%2Fb')).toEqual({ name: 'key', id: 'a/b' });
    expect(parseRoute('#/key')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/key/a/b')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/nope')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/settings/x')).toEqual({ name: 'not-found' });
  });
});
