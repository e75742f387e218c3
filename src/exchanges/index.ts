import { binance } from './binance';
import { bingx } from './bingx';
import { bitfinex } from './bitfinex';
import { bitget } from './bitget';
import { bitmex } from './bitmex';
import { bitstamp } from './bitstamp';
import { bybit } from './bybit';
import { coinbase } from './coinbase';
import { coinbaseExchange } from './coinbaseexchange';
import { cryptocom } from './cryptocom';
import { deribit } from './deribit';
import { gate } from './gate';
import { gemini } from './gemini';
import { htx } from './htx';
import { kraken } from './kraken';
import { kucoin } from './kucoin';
import { mexc } from './mexc';
import { okx } from './okx';
import type { Exchange, ExchangeId } from './types';

/** Every supported exchange, in the order the UI lists them. */
export const EXCHANGES: readonly Exchange[] = [
  binance,
  bybit,
  bingx,
  bitget,
  bitmex,
  okx,
  coinbase,
  coinbaseExchange,
  kraken,
  kucoin,
  gate,
  bitfinex,
  gemini,
  deribit,
  mexc,
  htx,
  bitstamp,
  cryptocom,
];

const BY_ID = new Map<ExchangeId, Exchange>(EXCHANGES.map((exchange) => [exchange.id, exchange]));

export function getExchange(id: ExchangeId): Exchange {
  const exchange = BY_ID.get(id);
  // Unreachable while EXCHANGES covers EXCHANGE_IDS (checked in exchanges.test.ts).
  if (exchange === undefined) throw new Error(`unknown exchange id: ${id}`);
  return exchange;
}
