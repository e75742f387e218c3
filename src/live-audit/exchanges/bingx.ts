/**
 * BingX: HMAC-SHA256 (hex) over the parameter string, sent as an extra `signature` parameter.
 * https://bingx-api.github.io/docs/#/en-us/common/authentication
 */
import { unknown as unknownFact } from '../../exchanges/kit';
import type { PermissionKind } from '../../exchanges/types';
import { field, numeric, record, strings } from '../json';
import { normalize } from '../normalize';
import { hmacHex } from '../sign';
import type { ExchangeAdapter } from '../types';
import { appendQuery, fromMeaning, invalid, need, unexpected, type Meaning } from './common';

const RECV_WINDOW = 10_000;

const ERRORS: Readonly<Record<string, Meaning>> = {
  '100001': 'invalid',
  '100413': 'invalid',
  '100419': 'restricted',
  '100421': 'clock-skew',
  '100410': 'rate-limited',
};

/** Codes the knowledge base may not list yet (6 is unassigned in the docs). */
const EXTRA_KINDS: Readonly<Record<string, PermissionKind>> = {
  '1': 'trade',
  '2': 'read',
  '3': 'trade',
  '4': 'transfer',
  '5': 'withdraw',
  '7': 'transfer',
};

export const bingx: ExchangeAdapter = {
  id: 'bingx',
  requires: ['apiKey', 'secret'],
  time: {
    method: 'GET',
    origin: 'https://open-api.bingx.com',
    path: '/openApi/swap/v2/server/time',
    parse: (json) => numeric(field(json, 'data', 'serverTime')),
  },
  timestamp: (nowMs) => String(Math.floor(nowMs)),
  permissionRequest: (endpoint, nowMs) => ({
    method: endpoint.method,
    path: endpoint.path,
    query: `recvWindow=${RECV_WINDOW}&timestamp=${Math.floor(nowMs)}`,
    body: '',
    timestamp: String(Math.floor(nowMs)),
  }),
  async sign(input, credentials) {
    const secret = need(credentials, 'secret', 'BingX');
    const inBody = input.query === '' && input.body !== '';
    const prehash = inBody ? input.body : input.query;
    const signature = await hmacHex('SHA-256', secret, prehash);
    const notes: string[] = [];
    if (!/(^|&)timestamp=/.test(prehash))
      notes.push('No timestamp parameter: BingX rejects signed requests without one.');
    if (input.query !== '' && input.body !== '')
      notes.push('Only the query string is signed here; BingX expects all parameters in one place.');
    if (inBody && input.body.trim().startsWith('{')) {
      notes.push(
        'For JSON bodies BingX signs the parameters sorted a–z as k=v&…, then puts signature inside the JSON.',
      );
    }
    return {
      prehash,
      signature,
      headers: { 'X-BX-APIKEY': need(credentials, 'apiKey', 'BingX') },
      query: inBody ? input.query : appendQuery(input.query, `signature=${signature}`),
      body: inBody ? appendQuery(input.body, `signature=${signature}`) : input.body,
      notes,
    };
  },
  parse(response, credentials) {
    const body = record(response.json);
    if (body === null) {
      return response.status === 401
        ? invalid('HTTP 401', undefined, credentials)
        : unexpected(response, credentials);
    }
    const code = numeric(body.code);
    if (code === 0) {
      const data = record(body.data);
      if (data === null || !Array.isArray(data.permissions)) return unexpected(response, credentials);
      const perms = strings(data.permissions);
      const ips = strings(data.ipAddresses);
      return {
        state: 'valid',
        permissions: normalize('bingx', perms, perms, EXTRA_KINDS),
        ipRestricted: ips.length > 0,
        ipList: ips,
        expiresAt: null,
      };
    }
    if (code === null) return unexpected(response, credentials);
    const message = typeof body.msg === 'string' ? body.msg : '';
    return fromMeaning(ERRORS[String(code)], message, String(code), response, credentials);
  },
  selfDelete: unknownFact(
    'No documented request lets a key delete itself; BingX documents sub-account key deletion by the master account only.',
  ),
};
