import { describe, expect, it } from 'vitest';
import type { CredentialMeta } from '../../vault/model';
import { makeMeta, runCheck, summary } from '../testing';
import { transferEnabled } from './transfer-enabled';

describe('transfer-enabled', () => {
  const cases: { name: string; meta: Partial<CredentialMeta>; expected: [string, string][] }[] = [
    {
      name: 'universal transfer',
      meta: { exchange: 'binance', permissions: ['enableReading', 'permitsUniversalTransfer'] },
      expected: [['low', 'auditTransferEnabled']],
    },
    {
      name: 'sub-account transfer',
      meta: { exchange: 'bingx', permissions: ['2', '7'] },
      expected: [['low', 'auditTransferEnabled']],
    },
    { name: 'read only', meta: { exchange: 'binance', permissions: ['enableReading'] }, expected: [] },
    {
      name: 'near miss: withdrawal is its own check',
      meta: { exchange: 'binance', permissions: ['enableWithdrawals'] },
      expected: [],
    },
    {
      name: 'near miss: margin loan, repay & transfer is a trade right in the knowledge base',
      meta: { exchange: 'binance', permissions: ['enableMargin'] },
      expected: [],
    },
  ];

  it.each(cases)('$name', ({ meta, expected }) => {
    expect(summary(runCheck(transferEnabled, makeMeta(meta)))).toEqual(expected);
  });

  it('names every transfer right once', () => {
    const [f] = runCheck(
      transferEnabled,
      makeMeta({ exchange: 'bybit', permissions: ['Wallet.AccountTransfer', 'Wallet.SubMemberTransfer'] }),
    );
    expect(f?.substitutions).toEqual(['Wallet: Account Transfer, Wallet: Subaccount Transfer']);
    expect(f?.actionSubstitutions).toEqual([
      'Bybit',
      'Wallet: Account Transfer, Wallet: Subaccount Transfer',
    ]);
  });
});
