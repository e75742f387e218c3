/**
 * Bybit v5: HMAC-SHA256 (lower-case hex) over timestamp + apiKey + recvWindow + (query for GET | body for POST).
 * https://bybit-exchange.github.io/docs/v5/guide#authentication
 */
import { fact, source } from '../../exchanges/kit';
import type { PermissionKind } from '../../exchanges/types';
import { field, numeric, record, strings, text } from '../json';
import { normalize } from '../normalize';
import { hmacHex } from '../sign';
import { sanitizeMessage } from '../sanitize';
import type { ExchangeAdapter, RevokeVerdict, UnknownReason, Verdict } from '../types';
import {
  dateFrom,
  fromCode,
  need,
  notAnObject,
  plainRequest,
  unexpected,
  validWithIps,
  type Meaning,
} from './common';

const RECV_WINDOW = '10000';

/** https://bybit-exchange.github.io/docs/v5/error */
const ERRORS: Readonly<Record<string, Meaning>> = {
  '10002': 'clock-skew',
  '10003': 'invalid',
  '10004': 'invalid',
  '10005': 'not-permitted',
  '10006': 'rate-limited',
  '10007': 'invalid',
  '10009': 'rate-limited',
  '10010': 'restricted',
  '10018': 'rate-limited',
  '33004': 'invalid',
};

/** Kind of a `Group.Item` permission the knowledge base does not list, from the query-api docs' groups. */
function kindOf(id: string): PermissionKind {
  const [group = '', item = ''] = id.split('.');
  if (/withdraw/i.test(item)) return 'withdraw';
  if (/transfer/i.test(item)) return 'transfer';
  if (
    [
      'ContractTrade',
      'Spot',
      'Options',
      'Derivatives',
      'Exchange',
      'CopyTrading',
      'BlockTrade',
      'Earn',
    ].includes(group)
  ) {
    return 'trade';
  }
  return 'other';
}

/**
 * retCodes after which a self-delete may or may not have happened: rate limits, server timeout or trouble.
 * https://bybit-exchange.github.io/docs/v5/error
 */
const REVOKE_UNKNOWN: Readonly<Record<string, UnknownReason>> = {
  '10000': 'timeout',
  '10006': 'rate-limited',
  '10009': 'rate-limited',
  '10016': 'server-error',
  '10018': 'rate-limited',
};

function revokeUnknown(reason: UnknownReason, verdict: Verdict): RevokeVerdict {
  return { state: 'unknown', reason, message: 'message' in verdict ? verdict.message : '' };
}

export const bybit: ExchangeAdapter = {
  id: 'bybit',
  requires: ['apiKey', 'secret'],
  time: {
    method: 'GET',
    origin: 'https://api.bybit.com',
    path: '/v5/market/time',
    parse: (json) =>
      numeric(field(json, 'time')) ?? (numeric(field(json, 'result', 'timeSecond')) ?? NaN) * 1000,
  },
  timestamp: (nowMs) => String(Math.floor(nowMs)),
  permissionRequest: (endpoint, nowMs) => plainRequest(endpoint, String(Math.floor(nowMs))),
  async sign(input, credentials) {
    const apiKey = need(credentials, 'apiKey', 'Bybit');
    const secret = need(credentials, 'secret', 'Bybit');
    const payload = input.method === 'GET' || input.method === 'DELETE' ? input.query : input.body;
    const prehash = `${input.timestamp}${apiKey}${RECV_WINDOW}${payload}`;
    const signature = await hmacHex('SHA-256', secret, prehash);
    const notes = [
      `recvWindow ${RECV_WINDOW} ms is part of the signed string and of the X-BAPI-RECV-WINDOW header.`,
    ];
    if (!/^\d{13}$/.test(input.timestamp)) notes.push('X-BAPI-TIMESTAMP must be milliseconds (13 digits).');
    if (input.method === 'POST' && input.query !== '')
      notes.push('For POST, Bybit signs the JSON body, not the query.');
    return {
      prehash,
      signature,
      headers: {
        'X-BAPI-API-KEY': apiKey,
        'X-BAPI-TIMESTAMP': input.timestamp,
        'X-BAPI-RECV-WINDOW': RECV_WINDOW,
        'X-BAPI-SIGN': signature,
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
    const code = numeric(body.retCode);
    if (code === 0) {
      const result = record(body.result);
      if (result === null) return unexpected(response, credentials);
      const ids: string[] = [];
      if (numeric(result.readOnly) === 1) ids.push('ReadOnly');
      for (const [group, items] of Object.entries(record(result.permissions) ?? {})) {
        for (const item of strings(items)) ids.push(`${group}.${item}`);
      }
      const extra = Object.fromEntries(ids.map((id) => [id, kindOf(id)]));
      // "*" (or nothing) means the key is not bound to any IP.
      const ips = strings(result.ips).filter((ip) => ip !== '*' && ip !== '');
      return validWithIps(
        normalize('bybit', ids, ids, extra, true),
        ips,
        dateFrom(text(result.expiredAt), 'iso'),
      );
    }
    return fromCode(ERRORS, code, body.retMsg, response, credentials);
  },
  selfDelete: fact(
    {
      method: 'POST',
      path: '/v5/user/delete-api',
      note: 'Deletes the master-account key that signs the request, at once. The key needs Account Transfer, Subaccount Transfer or Withdrawal rights; sub-account keys use POST /v5/user/delete-sub-api.',
      // The docs page shows the request (no parameters, JSON body `{}`, signed like every v5 POST) and the answer
      // (retCode 0, empty result).
      confirmed: true,
    },
    source('https://bybit-exchange.github.io/docs/v5/user/rm-master-apikey', 'official'),
  ),
  revoke: {
    endpoint: { method: 'POST', origin: 'https://api.bybit.com', path: '/v5/user/delete-api' },
    // "Request Parameters: None": the body is an empty JSON object, and it is what gets signed.
    request: (nowMs) => ({
      method: 'POST',
      path: '/v5/user/delete-api',
      query: '',
      body: '{}',
      timestamp: String(Math.floor(nowMs)),
    }),
    parse(response, credentials) {
      const body = record(response.json);
      const code = body === null ? null : numeric(body.retCode);
      if (code === 0) return { state: 'revoked' };
      if (body === null || code === null) {
        return response.status === 401
          ? { state: 'rejected', message: 'HTTP 401' }
          : revokeUnknown('unexpected-response', unexpected(response, credentials));
      }
      const message = sanitizeMessage(typeof body.retMsg === 'string' ? body.retMsg : '', credentials);
      const busy = REVOKE_UNKNOWN[String(code)];
      if (busy !== undefined) return { state: 'unknown', reason: busy, message: message || `code ${code}` };
      // Any other retCode is the exchange refusing the request: the key was not deleted.
      return { state: 'rejected', message: message || `code ${code}`, code: String(code) };
    },
  },
};
