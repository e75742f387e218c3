/**
 * Gate v4: HMAC-SHA512 (hex) over METHOD\nPATH\nQUERY\nSHA512hex(body)\nTIMESTAMP (seconds).
 * https://www.gate.com/docs/developers/apiv4/#authentication
 */
import { unknown as unknownFact } from '../../exchanges/kit';
import type { PermissionKind } from '../../exchanges/types';
import { field, numeric, record, strings } from '../json';
import { normalize } from '../normalize';
import { digest, hmacHex, toHex } from '../sign';
import type { Credentials, ExchangeAdapter } from '../types';
import { fromMeaning, need, plainRequest, unexpected, validWithIps, type Meaning } from './common';

/** https://www.gate.com/docs/developers/apiv4/#error-handling (labels) */
const ERRORS: Readonly<Record<string, Meaning>> = {
  INVALID_KEY: 'invalid',
  INVALID_SIGNATURE: 'invalid',
  INVALID_CREDENTIALS: 'invalid',
  MISSING_REQUIRED_HEADER: 'invalid',
  REQUEST_EXPIRED: 'clock-skew',
  IP_FORBIDDEN: 'restricted',
  FORBIDDEN: 'not-permitted',
  TOO_MANY_REQUESTS: 'rate-limited',
};

/** A read-only grant is reported as `<name>:read`, so "spot" recorded but read-only reported is a difference. */
function permissionIds(perms: unknown): { ids: string[]; extra: Record<string, PermissionKind> } {
  const ids: string[] = [];
  const extra: Record<string, PermissionKind> = {};
  for (const perm of Array.isArray(perms) ? perms : []) {
    const name = record(perm)?.name;
    if (typeof name !== 'string') continue;
    if (record(perm)?.read_only === true) {
      ids.push(`${name}:read`);
      extra[`${name}:read`] = 'read';
    } else {
      ids.push(name);
      extra[name] = name === 'withdraw' ? 'withdraw' : name === 'wallet' ? 'transfer' : 'trade';
    }
  }
  return { ids, extra };
}

/** The calling key among the account's keys: Gate masks keys as a prefix followed by asterisks. */
function ownKey(
  list: readonly unknown[],
  credentials: Credentials,
): Readonly<Record<string, unknown>> | null {
  const apiKey = credentials.apiKey.trim();
  const matches = list.map(record).filter((entry): entry is Readonly<Record<string, unknown>> => {
    const masked = typeof entry?.key === 'string' ? entry.key : '';
    const prefix = masked.replace(/\*+$/, '');
    return prefix.length >= 4 && (masked === apiKey || (masked !== prefix && apiKey.startsWith(prefix)));
  });
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

export const gate: ExchangeAdapter = {
  id: 'gate',
  requires: ['apiKey', 'secret'],
  time: {
    method: 'GET',
    origin: 'https://api.gateio.ws',
    path: '/api/v4/spot/time',
    parse: (json) => numeric(field(json, 'server_time')),
  },
  timestamp: (nowMs) => String(Math.floor(nowMs / 1000)),
  permissionRequest: (endpoint, nowMs) => plainRequest(endpoint, String(Math.floor(nowMs / 1000))),
  async sign(input, credentials) {
    const secret = need(credentials, 'secret', 'Gate');
    const bodyHash = toHex(await digest('SHA-512', input.body));
    const prehash = `${input.method}\n${input.path}\n${input.query}\n${bodyHash}\n${input.timestamp}`;
    const signature = await hmacHex('SHA-512', secret, prehash);
    const notes = [
      'Five fields joined by newlines; the body is replaced by its SHA-512 hex (of "" when empty).',
    ];
    if (!input.path.startsWith('/api/v4')) notes.push('The signed path includes the /api/v4 prefix.');
    if (/%[0-9A-Fa-f]{2}/.test(input.query))
      notes.push('Gate signs the query as sent; check that encoding matches.');
    if (!/^\d{10}(\.\d+)?$/.test(input.timestamp)) notes.push('Timestamp must be UNIX seconds (10 digits).');
    return {
      prehash,
      signature,
      headers: {
        KEY: need(credentials, 'apiKey', 'Gate'),
        Timestamp: input.timestamp,
        SIGN: signature,
        Accept: 'application/json',
        'Content-Type': 'application/json',
      },
      query: input.query,
      body: input.body,
      notes,
    };
  },
  parse(response, credentials) {
    if (response.status === 200) {
      const list = Array.isArray(response.json) ? response.json : [response.json];
      // Newer answers may be a single object for the calling key.
      const own =
        list.length === 1 && !Array.isArray(response.json) ? record(list[0]) : ownKey(list, credentials);
      if (own === null || !Array.isArray(own.perms)) return unexpected(response, credentials);
      const { ids, extra } = permissionIds(own.perms);
      const ips = strings(own.ip_whitelist);
      return validWithIps(normalize('gate', ids, ids, extra), ips);
    }
    const body = record(response.json);
    const label = typeof body?.label === 'string' ? body.label : null;
    if (label === null) return unexpected(response, credentials);
    const message = typeof body?.message === 'string' ? body.message : label;
    return fromMeaning(ERRORS[label], message, label, response, credentials);
  },
  selfDelete: unknownFact(
    'No documented request lets a key delete itself; Gate documents sub-account key deletion by the main account.',
  ),
};
