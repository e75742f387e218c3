/**
 * The exchanges with a live audit and a signature checker.
 */
import type { ExchangeId } from '../../exchanges/types';
import type { ExchangeAdapter } from '../types';
import { binance } from './binance';
import { bingx } from './bingx';
import { bitget } from './bitget';
import { bitmex } from './bitmex';
import { bybit } from './bybit';
import { coinbase } from './coinbase';
import { gate } from './gate';
import { kraken } from './kraken';
import { kucoin } from './kucoin';
import { okx } from './okx';

export const ADAPTERS: readonly ExchangeAdapter[] = [
  binance,
  bybit,
  okx,
  bitget,
  bingx,
  bitmex,
  coinbase,
  kraken,
  kucoin,
  gate,
];

const BY_ID = new Map<ExchangeId, ExchangeAdapter>(ADAPTERS.map((adapter) => [adapter.id, adapter]));

export function getAdapter(id: ExchangeId): ExchangeAdapter | undefined {
  return BY_ID.get(id);
}

export const LIVE_AUDIT_EXCHANGES: readonly ExchangeId[] = ADAPTERS.map((adapter) => adapter.id);
