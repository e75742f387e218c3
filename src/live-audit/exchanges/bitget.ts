/**
 * Bitget: HMAC-SHA256 (base64) over ms timestamp + METHOD + path + ("?" + query when present) + body; passphrase in
 * clear. https://www.bitget.com/api-doc/common/signature
 * Unified-account keys answer 40085 on the classic account-info request, so the v3 request is tried next.
 */
import { unknown as unknownFact } from '../../exchanges/kit';
import type { PermissionKind } from '../../exchanges/types';
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

/** https://www.bitget.com/api-doc/common/error-code/restapi */
const ERRORS: Readonly<Record<string, Meaning>> = {
  '40005': 'clock-skew',
  '40008': 'clock-skew',
  '40006': 'invalid',
  '40009': 'invalid',
  '40011': 'invalid',
  '40012': 'invalid',
  '40037': 'invalid',
  '40014': 'not-permitted',
  '40018': 'restricted',
  '429': 'rate-limited',
};

export const BITGET_UTA_ENDPOINT = {
  method: 'GET',
  origin: 'https://api.bitget.com',
  path: '/api/v3/account/info',
} as const;

/** Kinds of authority codes the knowledge base does not list: `…r` codes are read-only, `…w` codes act. */
function classicKind(code: string): PermissionKind {
  if (code.endsWith('r')) return 'read';
  if (code === 'wwow') return 'withdraw';
  if (code === 'wtow' || code === 'chow') return 'transfer';
  return code.endsWith('w') ? 'trade' : 'other';
}

/** UTA permission names (Get Account Info v3). */
const UTA_KINDS: Readonly<Record<string, PermissionKind>> = {
  uta_trade: 'trade',
  copy_futures_order: 'trade',
  copy_futures_position: 'trade',
  withdraw: 'withdraw',
};

export const bitget: ExchangeAdapter = {
  id: 'bitget',
  requires: ['apiKey', 'secret', 'passphrase'],
  credentialHeaders: ['ACCESS-PASSPHRASE'],
  fallbackEndpoints: [BITGET_UTA_ENDPOINT],
  time: {
    method: 'GET',
    origin: 'https://api.bitget.com',
    path: '/api/v2/public/time',
    parse: (json) => numeric(field(json, 'data', 'serverTime')),
  },
  timestamp: (nowMs) => String(Math.floor(nowMs)),
  permissionRequest: (endpoint, nowMs) => plainRequest(endpoint, String(Math.floor(nowMs))),
  async sign(input, credentials) {
    const secret = need(credentials, 'secret', 'Bitget');
    const prehash = `${input.timestamp}${input.method}${withQuery(input.path, input.query)}${input.body}`;
    const signature = await hmacBase64('SHA-256', secret, prehash);
    const notes: string[] = [];
    if (!/^\d{13}$/.test(input.timestamp)) notes.push('ACCESS-TIMESTAMP must be milliseconds (13 digits).');
    if (/%[0-9A-Fa-f]{2}/.test(input.query)) {
      notes.push(
        'The signed query must match the sent one byte for byte; some clients sign the decoded form and send the encoded one.',
      );
    }
    return {
      prehash,
      signature,
      headers: {
        'ACCESS-KEY': need(credentials, 'apiKey', 'Bitget'),
        'ACCESS-SIGN': signature,
        'ACCESS-TIMESTAMP': input.timestamp,
        'ACCESS-PASSPHRASE': need(credentials, 'passphrase', 'Bitget'),
        'Content-Type': 'application/json',
        locale: 'en-US',
      },
      query: input.query,
      body: input.body,
      notes,
    };
  },
  parse(response, credentials, endpoint) {
    const body = record(response.json);
    if (body === null) return notAnObject(response, credentials);
    const code = text(body.code);
    if (code === '00000') {
      const data = record(body.data);
      if (data === null) return unexpected(response, credentials);
      const ips = splitList(data.ips);
      if (endpoint.path === BITGET_UTA_ENDPOINT.path) {
        const perms = strings(data.permissions);
        const raw = typeof data.permType === 'string' ? [...perms, `permType:${data.permType}`] : perms;
        return validWithIps(normalize('bitget', perms, raw, UTA_KINDS, true), ips);
      }
      const authorities = strings(data.authorities);
      if (!Array.isArray(data.authorities)) return unexpected(response, credentials);
      const extra = Object.fromEntries(authorities.map((a) => [a, classicKind(a)]));
      return validWithIps(normalize('bitget', authorities, authorities, extra), ips);
    }
    if (code === '40085')
      return { state: 'next', message: 'unified account: use the v3 account info request' };
    return fromCode(ERRORS, code, body.msg, response, credentials);
  },
  selfDelete: unknownFact('No documented request lets a Bitget key delete itself.'),
};
