/**
 * OKX v5: HMAC-SHA256 (base64) over ISO timestamp + METHOD + requestPath (with query) + body; passphrase in clear.
 * https://www.okx.com/docs-v5/en/#overview-rest-authentication-signature
 */
import { unknown as unknownFact } from '../../exchanges/kit';
import { field, numeric, record, splitList, text } from '../json';
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

/** https://www.okx.com/docs-v5/en/#error-code-rest-api-authentication */
const ERRORS: Readonly<Record<string, Meaning>> = {
  '50100': 'invalid',
  '50101': 'invalid',
  '50102': 'clock-skew',
  '50103': 'invalid',
  '50104': 'invalid',
  '50105': 'invalid',
  '50110': 'restricted',
  '50111': 'invalid',
  '50112': 'clock-skew',
  '50113': 'invalid',
  '50114': 'invalid',
  '50119': 'invalid',
  '50011': 'rate-limited',
  '50061': 'rate-limited',
};

export const okx: ExchangeAdapter = {
  id: 'okx',
  requires: ['apiKey', 'secret', 'passphrase'],
  credentialHeaders: ['OK-ACCESS-PASSPHRASE'],
  time: {
    method: 'GET',
    origin: 'https://www.okx.com',
    path: '/api/v5/public/time',
    parse: (json) => numeric(field(json, 'data', 0, 'ts')),
  },
  timestamp: (nowMs) => new Date(Math.floor(nowMs)).toISOString(),
  permissionRequest: (endpoint, nowMs) => plainRequest(endpoint, new Date(Math.floor(nowMs)).toISOString()),
  async sign(input, credentials) {
    const secret = need(credentials, 'secret', 'OKX');
    const prehash = `${input.timestamp}${input.method}${withQuery(input.path, input.query)}${input.body}`;
    const signature = await hmacBase64('SHA-256', secret, prehash);
    const notes: string[] = [];
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(input.timestamp)) {
      notes.push(
        'OK-ACCESS-TIMESTAMP must be ISO-8601 UTC with milliseconds, e.g. 2020-12-08T09:08:57.715Z.',
      );
    }
    if (input.method === 'GET' && input.body !== '')
      notes.push('GET requests have no body; parameters belong in the query.');
    return {
      prehash,
      signature,
      headers: {
        'OK-ACCESS-KEY': need(credentials, 'apiKey', 'OKX'),
        'OK-ACCESS-SIGN': signature,
        'OK-ACCESS-TIMESTAMP': input.timestamp,
        'OK-ACCESS-PASSPHRASE': need(credentials, 'passphrase', 'OKX'),
        ...(input.method === 'POST' ? { 'Content-Type': 'application/json' } : {}),
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
    if (code === '0') {
      const config = record(field(body, 'data', 0));
      if (config === null || typeof config.perm !== 'string') return unexpected(response, credentials);
      const perms = splitList(config.perm);
      const ips = splitList(config.ip);
      return validWithIps(normalize('okx', perms, perms), ips);
    }
    return fromCode(ERRORS, code, body.msg, response, credentials);
  },
  selfDelete: unknownFact(
    'No documented request lets a key delete itself; OKX documents sub-account key deletion by the master account only.',
  ),
};
