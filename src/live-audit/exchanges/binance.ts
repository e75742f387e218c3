/**
 * Binance: HMAC-SHA256 (hex) over the query string followed directly by the body; `signature` appended as the last
 * parameter. https://developers.binance.com/docs/binance-spot-api-docs/rest-api/endpoint-security-type
 */
import { unknown as unknownFact } from '../../exchanges/kit';
import { field, numeric, record } from '../json';
import { normalize } from '../normalize';
import { hmacHex } from '../sign';
import type { ExchangeAdapter } from '../types';
import {
  fromCode,
  need,
  notAnObject,
  timestampedQueryRequest,
  withSignatureParam,
  type Meaning,
} from './common';

const RECV_WINDOW = 10_000;

/** https://developers.binance.com/docs/binance-spot-api-docs/errors */
const ERRORS: Readonly<Record<string, Meaning>> = {
  '-1021': 'clock-skew',
  '-1022': 'invalid',
  '-1002': 'invalid',
  '-2014': 'invalid',
  '-2008': 'invalid',
  // "Invalid API-key, IP, or permissions for action": one code for a dead key and a caller IP off the allow-list.
  '-2015': 'invalid-or-ip',
  '-1003': 'rate-limited',
  '-1015': 'rate-limited',
};

/** Characters Binance wants percent-encoded before signing. */
const UNENCODED = /[^A-Za-z0-9\-_.~%=&]/;

export const binance: ExchangeAdapter = {
  id: 'binance',
  requires: ['apiKey', 'secret'],
  time: {
    method: 'GET',
    origin: 'https://api.binance.com',
    path: '/api/v3/time',
    parse: (json) => numeric(field(json, 'serverTime')),
  },
  timestamp: (nowMs) => String(Math.floor(nowMs)),
  permissionRequest: (endpoint, nowMs) => timestampedQueryRequest(endpoint, nowMs, RECV_WINDOW),
  async sign(input, credentials) {
    const secret = need(credentials, 'secret', 'Binance');
    const prehash = input.query + input.body;
    const signature = await hmacHex('SHA-256', secret, prehash);
    const notes: string[] = [];
    if (!/(^|&)timestamp=/.test(prehash))
      notes.push('No timestamp parameter: Binance rejects signed requests without one.');
    if (/(^|&)signature=/.test(prehash))
      notes.push('The payload already holds a signature parameter; sign without it.');
    if (UNENCODED.test(prehash)) {
      notes.push(
        'Characters outside A-Z a-z 0-9 - _ . ~ must be percent-encoded before signing (Binance signs the encoded form).',
      );
    }
    if (input.query !== '' && input.body !== '') {
      notes.push('Query and body are joined with nothing between them (no "&") before signing.');
    }
    return {
      prehash,
      signature,
      headers: {
        'X-MBX-APIKEY': need(credentials, 'apiKey', 'Binance'),
        ...(input.method === 'GET' ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
      },
      ...withSignatureParam(input, signature),
      notes,
    };
  },
  parse(response, credentials) {
    const body = record(response.json);
    if (body === null) return notAnObject(response, credentials);
    if (response.status === 200 && typeof body.ipRestrict === 'boolean') {
      const granted = Object.entries(body)
        .filter(([name, value]) => /^(enable|permits)[A-Z]/.test(name) && value === true)
        .map(([name]) => name);
      return {
        state: 'valid',
        permissions: normalize('binance', granted, granted, {
          enableFixReadOnly: 'read',
          enableFixApiTrade: 'trade',
        }),
        // The answer says whether the key is IP-bound but never lists the addresses.
        ipRestricted: body.ipRestrict,
        expiresAt: null,
      };
    }
    return fromCode(ERRORS, numeric(body.code), body.msg, response, credentials);
  },
  selfDelete: unknownFact(
    'No documented request lets a key delete itself; DELETE /sapi/v1/sub-account/subAccountApi is for a master account deleting sub-account keys.',
  ),
};
