/**
 * Coinbase Advanced Trade with CDP keys: each request carries a short-lived JWT (ES256 for EC keys, EdDSA for
 * Ed25519 keys). https://docs.cdp.coinbase.com/coinbase-app/authentication-authorization/api-key-authentication
 */
import { unknown as unknownFact } from '../../exchanges/kit';
import { field, numeric, record } from '../json';
import { normalize } from '../normalize';
import { cdpJwt, randomNonce, SigningError } from '../sign';
import type { Credentials, ExchangeAdapter } from '../types';
import { invalid, need, plainRequest, unexpected, unknown } from './common';

/** The CDP private key may have been stored as `privateKey` (our form) or pasted into `secret`. */
function privateKeyOf(credentials: Credentials): string {
  const value = credentials.privateKey ?? credentials.secret;
  if (value === undefined || value.trim() === '') {
    throw new SigningError('missing-field', 'Coinbase needs the privateKey field.');
  }
  return value;
}

export const coinbase: ExchangeAdapter = {
  id: 'coinbase',
  // The private key may sit in privateKey or secret; the signer checks for one of them.
  requires: ['apiKey'],
  time: {
    method: 'GET',
    origin: 'https://api.coinbase.com',
    path: '/api/v3/brokerage/time',
    parse: (json) =>
      numeric(field(json, 'epochMillis')) ?? (numeric(field(json, 'epochSeconds')) ?? NaN) * 1000,
  },
  timestamp: (nowMs) => String(Math.floor(nowMs / 1000)),
  permissionRequest: (endpoint, nowMs) => plainRequest(endpoint, String(Math.floor(nowMs / 1000))),
  async sign(input, credentials, origin) {
    const keyName = need(credentials, 'apiKey', 'Coinbase');
    const host = new URL(origin).host;
    // The uri claim names method, host and path; the query string is not part of it.
    const uri = `${input.method} ${host}${input.path}`;
    const { jwt, signingInput, alg } = await cdpJwt(privateKeyOf(credentials), {
      keyName,
      uri,
      nowSeconds: Number(input.timestamp),
      nonce: input.nonce ?? randomNonce(),
    });
    const notes = [
      `JWT ${alg}, valid 120 s from nbf; uri claim "${uri}".`,
      alg === 'ES256'
        ? 'ES256 signatures are randomised: two signatures of the same JWT differ and both are valid.'
        : 'EdDSA signatures are deterministic.',
    ];
    if (!/^\d{10}$/.test(input.timestamp)) notes.push('nbf must be UNIX seconds (10 digits).');
    return {
      prehash: signingInput,
      signature: jwt.slice(signingInput.length + 1),
      headers: {
        Authorization: `Bearer ${jwt}`,
        ...(input.body === '' ? {} : { 'Content-Type': 'application/json' }),
      },
      query: input.query,
      body: input.body,
      notes,
    };
  },
  parse(response, credentials) {
    const body = record(response.json);
    if (response.status === 200 && body !== null && typeof body.can_view === 'boolean') {
      const ids = (['can_view', 'can_trade', 'can_transfer'] as const).filter((name) => body[name] === true);
      return {
        state: 'valid',
        permissions: normalize('coinbase', ids, ids),
        // key_permissions says nothing about IP allow-lists.
        ipRestricted: 'unknown',
        expiresAt: null,
      };
    }
    const message =
      (typeof body?.message === 'string' && body.message) ||
      (typeof body?.error === 'string' && body.error) ||
      response.text.trim();
    // Coinbase answers 401 for a bad JWT, an unknown key and (reportedly) a caller outside the key's allow-list.
    if (response.status === 401) return invalid(message || 'HTTP 401', undefined, credentials, true);
    if (response.status === 403) return unknown('not-permitted', message || 'HTTP 403', credentials);
    return unexpected(response, credentials);
  },
  selfDelete: unknownFact(
    'No documented request lets a CDP key delete itself; keys are managed in the CDP portal.',
  ),
};
