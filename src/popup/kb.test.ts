import { describe, expect, it } from 'vitest';
import { checkShape, fieldsFor, guessVariant, permissionViews, variantsOf } from './kb';

const BINANCE_KEY = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';

describe('form knowledge-base helpers', () => {
  it('offers Binance key types and only the fields of the chosen one', () => {
    expect(variantsOf('binance')).toEqual(['hmac', 'ed25519', 'rsa']);
    expect(fieldsFor('binance', 'hmac').map((f) => f.kind)).toEqual(['apiKey', 'secret']);
    expect(fieldsFor('binance', 'ed25519').map((f) => f.kind)).toEqual(['apiKey', 'privateKey']);
    expect(variantsOf('okx')).toEqual([]);
    expect(fieldsFor('okx', null).map((f) => f.kind)).toEqual(['apiKey', 'secret', 'passphrase']);
  });

  it('guesses the key type of a stored key from its fields', () => {
    expect(guessVariant('binance', ['apiKey', 'privateKey'])).toBe('ed25519');
    expect(guessVariant('binance', ['apiKey', 'secret'])).toBe('hmac');
    expect(guessVariant('okx', ['apiKey'])).toBeNull();
  });

  it('hints at a value of the wrong length without refusing it', () => {
    expect(checkShape('binance', 'apiKey', 'hmac', '')).toEqual({ state: 'empty' });
    expect(checkShape('binance', 'apiKey', 'hmac', BINANCE_KEY)).toEqual({ state: 'matches' });
    expect(checkShape('binance', 'apiKey', 'hmac', ` ${BINANCE_KEY}\n`)).toEqual({ state: 'whitespace' });
    const short = checkShape('binance', 'apiKey', 'hmac', BINANCE_KEY.slice(1));
    expect(short).toMatchObject({ state: 'differs', length: 63 });
    expect(short.state === 'differs' && short.descriptions).toEqual(['64 letters and digits']);
  });

  it("names permissions with the exchange's own labels and marks dangerous ones", () => {
    const views = permissionViews('binance', ['enableWithdrawals', 'enableReading', 'madeUp']);
    expect(views.map((p) => [p.label, p.dangerous, p.known])).toEqual([
      ['Enable Withdrawals', true, true],
      ['Enable Reading', false, true],
      ['madeUp', false, false],
    ]);
  });
});
