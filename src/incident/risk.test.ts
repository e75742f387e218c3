import { describe, expect, it } from 'vitest';
import { getExchange } from '../exchanges/index';
import { assessRisk, tierRank } from './risk';
import { makeMeta } from './testing';

const binance = getExchange('binance');

describe('assessRisk', () => {
  it('ranks a key with any dangerous permission as withdraw, naming them', () => {
    const risk = assessRisk(
      makeMeta({ permissions: ['enableReading', 'permitsUniversalTransfer'] }),
      binance,
    );
    expect(risk.tier).toBe('withdraw');
    expect(risk.reasonKey).toBe('incidentRiskWithdraw');
    expect(risk.substitutions).toEqual(['Permits Universal Transfer']);
  });

  it('withdraw wins over unrecognised permissions', () => {
    const risk = assessRisk(makeMeta({ permissions: ['enableWithdrawals', 'somethingNew'] }), binance);
    expect(risk.tier).toBe('withdraw');
    expect(risk.unrecognised).toEqual(['somethingNew']);
  });

  it('treats no recorded permissions, unrecognised ones and an exchange without a permission list as unknown', () => {
    expect(assessRisk(makeMeta({ permissions: [] }), binance).reasonKey).toBe('incidentRiskUnknownNone');
    const odd = assessRisk(makeMeta({ permissions: ['enableReading', 'somethingNew'] }), binance);
    expect([odd.tier, odd.reasonKey, odd.substitutions]).toEqual([
      'unknown',
      'incidentRiskUnknownIds',
      ['somethingNew'],
    ]);
    const bitstamp = assessRisk(
      makeMeta({ exchange: 'bitstamp', permissions: ['trade'] }),
      getExchange('bitstamp'),
    );
    expect([bitstamp.tier, bitstamp.reasonKey]).toEqual(['unknown', 'incidentRiskUnknownExchange']);
  });

  it('trade and read-only', () => {
    expect(assessRisk(makeMeta({ permissions: ['enableReading', 'enableFutures'] }), binance).tier).toBe(
      'trade',
    );
    expect(assessRisk(makeMeta({ permissions: ['enableReading', 'enableFixReadOnly'] }), binance).tier).toBe(
      'read',
    );
  });

  it('matches permission ids or labels ignoring case', () => {
    expect(assessRisk(makeMeta({ permissions: ['ENABLEWITHDRAWALS'] }), binance).tier).toBe('withdraw');
    expect(assessRisk(makeMeta({ permissions: ['enable reading'] }), binance).tier).toBe('read');
  });

  it('orders tiers withdraw, unknown, trade, read', () => {
    const tiers = (['read', 'trade', 'unknown', 'withdraw'] as const)
      .slice()
      .sort((a, b) => tierRank(a) - tierRank(b));
    expect(tiers).toEqual(['withdraw', 'unknown', 'trade', 'read']);
  });
});
