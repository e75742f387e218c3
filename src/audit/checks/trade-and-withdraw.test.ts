import { describe, expect, it } from 'vitest';
import type { CredentialMeta } from '../../vault/model';
import { makeMeta, runCheck, summary } from '../testing';
import type { LiveAudit } from '../types';
import { tradeAndWithdraw } from './trade-and-withdraw';

describe('trade-and-withdraw', () => {
  const cases: {
    name: string;
    meta: Partial<CredentialMeta>;
    live?: LiveAudit;
    expected: [string, string][];
  }[] = [
    {
      name: 'trade and withdraw on one key',
      meta: { permissions: ['read_only', 'trade', 'withdraw'] },
      expected: [['medium', 'auditTradeAndWithdraw']],
    },
    {
      name: 'several trade rights and withdrawal (Binance)',
      meta: {
        exchange: 'binance',
        permissions: ['enableSpotAndMarginTrading', 'enableFutures', 'enableWithdrawals'],
      },
      expected: [['medium', 'auditTradeAndWithdraw']],
    },
    { name: 'trade only', meta: { permissions: ['read_only', 'trade'] }, expected: [] },
    { name: 'withdraw only', meta: { permissions: ['read_only', 'withdraw'] }, expected: [] },
    {
      name: 'near miss: trade plus a transfer right (dangerous, but not withdrawal)',
      meta: { exchange: 'binance', permissions: ['enableSpotAndMarginTrading', 'permitsUniversalTransfer'] },
      expected: [],
    },
    {
      name: 'live audit adds the trade right',
      meta: { permissions: ['withdraw'] },
      live: { checkedAt: 0, permissions: ['trade', 'withdraw'], ipRestricted: true },
      expected: [['medium', 'auditTradeAndWithdraw']],
    },
  ];

  it.each(cases)('$name', ({ meta, live, expected }) => {
    const findings = runCheck(
      tradeAndWithdraw,
      makeMeta(meta),
      live === undefined ? {} : { liveAudit: live },
    );
    expect(summary(findings)).toEqual(expected);
  });

  it('lists each side by the exchange labels', () => {
    const [f] = runCheck(
      tradeAndWithdraw,
      makeMeta({
        exchange: 'bybit',
        permissions: ['Spot.SpotTrade', 'ContractTrade.Order', 'Wallet.Withdraw'],
      }),
    );
    expect(f?.substitutions).toEqual(['Spot: Trade, Contract: Orders', 'Wallet: Withdrawal']);
  });
});
