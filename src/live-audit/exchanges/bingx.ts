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
import {
  fromCode,
  need,
  notAnObject,
  timestampedQueryRequest,
  unexpected,
  validWithIps,
  withSignatureParam,
  type Meaning,
} from './common';

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
  permissionRequest: (endpoint, nowMs) => timestampedQueryRequest(endpoint, nowMs, RECV_WINDOW),
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
      ...withSignatureParam(input, signature),
      notes,
    };
  },
  parse(response, credentials) {
    const body = record(response.json);
    if (body === null) return notAnObject(response, credentials);
    const code = numeric(body.code);
    if (code === 0) {
      const data = record(body.data);
      if (data === null || !Array.isArray(data.permissions)) return unexpected(response, credentials);
      const perms = strings(data.permissions);
      const ips = strings(data.ipAddresses);
      return validWithIps(normalize('bingx', perms, perms, EXTRA_KINDS), ips);
    }
    return fromCode(ERRORS, code, body.msg, response, credentials);
  },
  selfDelete: unknownFact(
    'No documented request lets a key delete itself; BingX documents sub-account key deletion by the master account only.',
  ),
};
