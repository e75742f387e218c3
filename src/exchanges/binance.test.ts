import { describe, expect, it } from 'vitest';
import { binance } from './binance';
import { dangerousPermissions, endpointSummary, expirySummary, fieldKinds, shapeOf } from './testing';

// [shape id, value, what it is]
const ACCEPTS: readonly (readonly [string, string, string])[] = [
  ['binance.apiKey', 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A', 'spot docs API key'],
  [
    'binance.apiKey',
    'dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83',
    'USDⓈ-M docs API key',
  ],
  [
    'binance.secret.hmac',
    'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
    'spot docs secret',
  ],
  [
    'binance.secret.hmac',
    '87ssWB7azoy6ACRfyp6OVOL5U3rtZptX31QWw2kWjl1jHEYRbyM1pd6qykRBQw8p',
    'margin special-key docs secret',
  ],
];

const REJECTS: readonly (readonly [string, string, string])[] = [
  ['binance.apiKey', 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8', '63 characters'],
  ['binance.apiKey', 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8-', 'a dash'],
];

describe('binance', () => {
  it.each(ACCEPTS)('%s accepts %s (%s)', (id, value) => {
    expect(shapeOf(binance, id).pattern.test(value)).toBe(true);
  });

  it.each(REJECTS)('%s rejects %s (%s)', (id, value) => {
    expect(shapeOf(binance, id).pattern.test(value)).toBe(false);
  });

  it('issues the expected credential fields (* = secret)', () => {
    expect(fieldKinds(binance)).toEqual(['apiKey', 'privateKey*', 'secret*']);
  });

  it('knows its expiry rules', () => {
    expect(expirySummary(binance)).toEqual([
      'creation/30/permission-removed/unbound/official',
      'inactivity/30/key-deleted/unbound/third-party',
    ]);
  });

  it('knows its permission endpoint and dangerous permissions', () => {
    expect(endpointSummary(binance)).toBe('GET https://api.binance.com/sapi/v1/account/apiRestrictions');
    expect(dangerousPermissions(binance)).toEqual([
      'permitsUniversalTransfer',
      'enableInternalTransfer',
      'enableWithdrawals',
    ]);
  });
});
