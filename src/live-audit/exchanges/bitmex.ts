/**
 * BitMEX: HMAC-SHA256 (hex) over VERB + path (with query) + expires + body; `expires` is UNIX seconds after which
 * the request is void. https://www.bitmex.com/app/apiKeysUsage
 */
import { fact, source } from '../../exchanges/kit';
import { record, strings, text } from '../json';
import { normalize } from '../normalize';
import { hmacHex } from '../sign';
import type { ExchangeAdapter } from '../types';
import { invalid, need, plainRequest, restricted, unexpected, unknown, withQuery } from './common';

/** Seconds a signed request stays valid; also the clock error tolerated, since BitMEX publishes no time request. */
const EXPIRES_AFTER_S = 30;

export const bitmex: ExchangeAdapter = {
  id: 'bitmex',
  requires: ['apiKey', 'secret'],
  timestamp: (nowMs) => String(Math.floor(nowMs / 1000) + EXPIRES_AFTER_S),
  permissionRequest: (endpoint, nowMs) =>
    plainRequest(endpoint, String(Math.floor(nowMs / 1000) + EXPIRES_AFTER_S)),
  async sign(input, credentials) {
    const secret = need(credentials, 'secret', 'BitMEX');
    const prehash = `${input.method}${withQuery(input.path, input.query)}${input.timestamp}${input.body}`;
    const signature = await hmacHex('SHA-256', secret, prehash);
    const notes: string[] = [];
    if (!/^\d{10}$/.test(input.timestamp))
      notes.push('api-expires must be UNIX seconds (10 digits) in the near future.');
    if (!input.path.startsWith('/api/v1')) notes.push('The signed path includes the /api/v1 prefix.');
    if (input.body !== '')
      notes.push('The body is signed exactly as sent: 219.0 and 219 give different signatures.');
    return {
      prehash,
      signature,
      headers: {
        'api-expires': input.timestamp,
        'api-key': need(credentials, 'apiKey', 'BitMEX'),
        'api-signature': signature,
        ...(input.body === '' ? {} : { 'Content-Type': 'application/json' }),
      },
      query: input.query,
      body: input.body,
      notes,
    };
  },
  parse(response, credentials) {
    if (response.status === 200 && Array.isArray(response.json)) {
      // The answer lists every key of the account; ours is the one whose id is the api key.
      const own = response.json
        .map(record)
        .find((key) => key !== null && key.id === credentials.apiKey.trim());
      if (own === undefined || own === null) return unexpected(response, credentials);
      const perms = strings(own.permissions);
      const ids = ['read', ...perms];
      const cidrs = [
        ...strings(own.cidrs),
        ...(text(own.cidr) === null ? [] : [text(own.cidr) ?? '']),
      ].filter((c) => c !== '' && c !== '0.0.0.0/0');
      return {
        state: 'valid',
        permissions: normalize('bitmex', ids, perms, {}, true),
        ipRestricted: cidrs.length > 0,
        ipList: [...new Set(cidrs)],
        expiresAt: null,
      };
    }
    const error = record(record(response.json)?.error);
    const message = typeof error?.message === 'string' ? error.message : '';
    if (/expire/i.test(message)) return unknown('clock-skew', message, credentials);
    if (/\b(ip|cidr|whitelist)\b/i.test(message)) return restricted(message, undefined, credentials);
    if (response.status === 401) return invalid(message || 'HTTP 401', undefined, credentials);
    // 403 covers disabled keys and addresses outside the key's CIDR alike.
    if (response.status === 403) return invalid(message || 'HTTP 403', undefined, credentials, true);
    return unexpected(response, credentials);
  },
  selfDelete: fact(
    {
      method: 'DELETE',
      path: '/api/v1/apiKey',
      note: 'Listed in BitMEX’s published swagger ("Remove an API Key", form field apiKeyID); not confirmed that the current API still accepts it or which key rights it needs.',
      // Not confirmed in BitMEX's current API docs (only the old swagger lists it), so it stays off the allow-list
      // and "Revoke via API" is not offered for BitMEX keys.
      confirmed: false,
    },
    source('https://github.com/BitMEX/api-connectors/blob/master/swagger.json', 'official', 'APIKey.remove'),
  ),
};
