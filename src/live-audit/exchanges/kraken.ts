/**
 * Kraken spot: API-Sign = base64(HMAC-SHA512(base64decode(secret), path ‖ SHA256(nonce ‖ body))).
 * https://docs.kraken.com/api/docs/guides/spot-rest-auth
 */
import { unknown as unknownFact } from '../../exchanges/kit';
import { record, strings, text } from '../json';
import { normalize } from '../normalize';
import { concatBytes, digest, fromBase64, hmacBase64, SigningError, toHex, utf8 } from '../sign';
import type { ExchangeAdapter } from '../types';
import { dateFrom, fromMeaning, need, unexpected, validWithIps, type Meaning } from './common';

/** https://docs.kraken.com/api/docs/guides/spot-errors */
const ERRORS: Readonly<Record<string, Meaning>> = {
  'EAPI:Invalid key': 'invalid',
  'EAPI:Invalid signature': 'invalid',
  'EAPI:Invalid nonce': 'clock-skew',
  'EAPI:Rate limit exceeded': 'rate-limited',
  'EGeneral:Too many requests': 'rate-limited',
  'EGeneral:Temporary lockout': 'rate-limited',
  'EService:Unavailable': 'server-error',
  'EService:Busy': 'server-error',
  'EGeneral:Internal error': 'server-error',
  // GetApiKeyInfo needs no key permission, so this is not about rights; Kraken does not say what else it means.
  'EGeneral:Permission denied': 'not-permitted',
};

/** The nonce inside a form or JSON body. */
function nonceIn(body: string): string | null {
  const trimmed = body.trim();
  if (trimmed.startsWith('{')) {
    try {
      return text(record(JSON.parse(trimmed))?.nonce);
    } catch {
      return null;
    }
  }
  return new URLSearchParams(body).get('nonce');
}

export const kraken: ExchangeAdapter = {
  id: 'kraken',
  requires: ['apiKey', 'secret'],
  // No time request: the nonce only has to increase. A bot sharing this key with a smaller nonce scheme may see
  // one "Invalid nonce" after an audit; a nonce window on the key avoids it.
  timestamp: (nowMs) => String(Math.floor(nowMs)),
  permissionRequest: (endpoint, nowMs) => ({
    method: endpoint.method,
    path: endpoint.path,
    query: '',
    body: `nonce=${Math.floor(nowMs)}`,
    timestamp: String(Math.floor(nowMs)),
  }),
  async sign(input, credentials) {
    let key: Uint8Array<ArrayBuffer>;
    try {
      key = fromBase64(need(credentials, 'secret', 'Kraken'));
    } catch (error) {
      if (error instanceof SigningError && error.code === 'missing-field') throw error;
      throw new SigningError('bad-key', 'The Kraken private key must be base64.');
    }
    const notes: string[] = [];
    const bodyNonce = nonceIn(input.body);
    const nonce = bodyNonce ?? input.timestamp;
    if (bodyNonce === null)
      notes.push('The body has no nonce field; Kraken signs the nonce that is inside the body.');
    else if (input.timestamp !== '' && bodyNonce !== input.timestamp) {
      notes.push('The nonce in the body differs from the one given; the body’s nonce was used.');
    }
    const inner = await digest('SHA-256', nonce + input.body);
    const message = concatBytes(utf8(input.path), inner);
    const signature = await hmacBase64('SHA-512', key, message);
    const json = input.body.trim().startsWith('{');
    return {
      // The signed message is bytes: the path, then the raw 32-byte SHA-256 of nonce + body (shown in hex).
      prehash: `${input.path} + SHA256("${nonce + input.body}") = ${input.path} + ${toHex(inner)}`,
      signature,
      headers: {
        'API-Key': need(credentials, 'apiKey', 'Kraken'),
        'API-Sign': signature,
        'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded',
      },
      query: input.query,
      body: input.body,
      notes,
    };
  },
  parse(response, credentials) {
    const body = record(response.json);
    if (body === null) return unexpected(response, credentials);
    const errors = strings(body.error);
    if (errors.length > 0) {
      const first = errors[0] ?? '';
      const meaning = ERRORS[first] ?? (first.startsWith('EAPI:Invalid key') ? 'invalid' : undefined);
      return fromMeaning(meaning, errors.join('; '), first, response, credentials);
    }
    const result = record(body.result);
    if (result === null || !Array.isArray(result.permissions)) return unexpected(response, credentials);
    const perms = strings(result.permissions);
    const ips = strings(result.ipAllowlist);
    return validWithIps(normalize('kraken', perms, perms), ips, dateFrom(result.validUntil, 's'));
  },
  selfDelete: unknownFact('No documented request lets a Kraken spot key delete itself.'),
};
