/**
 * KuCoin: HMAC-SHA256 (base64) over ms timestamp + METHOD + endpoint (with query) + body; for key versions 2 and 3
 * the passphrase header is base64(HMAC-SHA256(secret, passphrase)).
 * https://www.kucoin.com/docs-new/authentication
 */
import { unknown as unknownFact } from '../../exchanges/kit';
import { field, numeric, record, splitList, strings, text } from '../json';
import { normalize } from '../normalize';
import { hmacBase64 } from '../sign';
import type { ExchangeAdapter } from '../types';
import {
  fromCode,
  need,
  notAnObject,
  plainRequest,
  unexpected,
  validWithIps,
  withQuery,
  type Meaning,
} from './common';

/** https://www.kucoin.com/docs-new/error-code */
const ERRORS: Readonly<Record<string, Meaning>> = {
  '400001': 'invalid',
  '400002': 'clock-skew',
  '400003': 'invalid',
  '400004': 'invalid',
  '400005': 'invalid',
  '400006': 'restricted',
  '400007': 'not-permitted',
  '411100': 'invalid',
  '429000': 'rate-limited',
};

export const kucoin: ExchangeAdapter = {
  id: 'kucoin',
  requires: ['apiKey', 'secret', 'passphrase'],
  credentialHeaders: ['KC-API-PASSPHRASE'],
  time: {
    method: 'GET',
    origin: 'https://api.kucoin.com',
    path: '/api/v1/timestamp',
    parse: (json) => numeric(field(json, 'data')),
  },
  timestamp: (nowMs) => String(Math.floor(nowMs)),
  permissionRequest: (endpoint, nowMs) => plainRequest(endpoint, String(Math.floor(nowMs))),
  async sign(input, credentials) {
    const secret = need(credentials, 'secret', 'KuCoin');
    const prehash = `${input.timestamp}${input.method}${withQuery(input.path, input.query)}${input.body}`;
    const signature = await hmacBase64('SHA-256', secret, prehash);
    const passphrase = await hmacBase64('SHA-256', secret, need(credentials, 'passphrase', 'KuCoin'));
    const notes = ['KC-API-PASSPHRASE is the passphrase HMAC-SHA256-signed with the secret (key version 2).'];
    if (!/^\d{13}$/.test(input.timestamp)) notes.push('KC-API-TIMESTAMP must be milliseconds (13 digits).');
    return {
      prehash,
      signature,
      headers: {
        'KC-API-KEY': need(credentials, 'apiKey', 'KuCoin'),
        'KC-API-SIGN': signature,
        'KC-API-TIMESTAMP': input.timestamp,
        'KC-API-PASSPHRASE': passphrase,
        'KC-API-KEY-VERSION': '2',
        'Content-Type': 'application/json',
      },
      query: input.query,
      body: input.body,
      notes,
    };
  },
  parse(response, credentials) {
    const body = record(response.json);
    if (body === null) return notAnObject(response, credentials);
    const code = text(body.code);
    if (code === '200000') {
      const data = record(body.data);
      if (data === null || typeof data.permission !== 'string') return unexpected(response, credentials);
      const perms = splitList(data.permission);
      const ips = Array.isArray(data.ipWhitelist) ? strings(data.ipWhitelist) : splitList(data.ipWhitelist);
      return validWithIps(normalize('kucoin', perms, perms), ips);
    }
    return fromCode(ERRORS, code, body.msg, response, credentials);
  },
  selfDelete: unknownFact(
    'No documented request lets a key delete itself; DELETE /api/v1/sub/api-key is for a master account deleting sub-account keys.',
  ),
};
