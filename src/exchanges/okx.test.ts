import { describe, expect, it } from 'vitest';
import { okx } from './okx';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  ['okx.secret', '22582BD0CFF14C41EDBF1AB98506286D', 'docs SecretKey example'],
  ['okx.apiKey', '985d5b66-57ce-40fb-b714-afc0b9787083', 'UUID-form key'],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['okx.secret', '22582bd0cff14c41edbf1ab98506286d', 'lower-case'],
  ['okx.apiKey', '985D5B66-57CE-40FB-B714-AFC0B9787083', 'upper-case UUID'],
];

describe('okx', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(okx, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(okx, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(okx)).toEqual(['apiKey', 'passphrase*', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(okx)).toEqual(['inactivity/14/key-invalid/unbound/official']);
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(okx)).toBe('GET https://www.okx.com/api/v5/account/config');
    expect(dangerousPermissions(okx)).toEqual(['withdraw']);
  });
});
