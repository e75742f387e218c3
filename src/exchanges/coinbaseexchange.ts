import { BASE64, HEX_LOWER, fact, sample, source, unknown } from './kit';
import type { Exchange } from './types';

const AUTH = source(
  'https://docs.cdp.coinbase.com/exchange/rest-api/authentication',
  'official',
  'CB-ACCESS-KEY/-SIGN/-TIMESTAMP/-PASSPHRASE; HMAC with the base64-decoded secret; View/Trade/Transfer; up to 300 keys, one profile each',
);
const CCXT = source(
  'https://github.com/ccxt/ccxt/blob/master/js/src/coinbaseexchange.js',
  'code',
  'secret is base64-decoded before HMAC-SHA256; password (passphrase) required',
);

/** Coinbase Exchange (formerly Coinbase Pro): institutional venue with key + secret + passphrase. */
export const coinbaseExchange: Exchange = {
  id: 'coinbaseexchange',
  name: 'Coinbase Exchange',
  webDomains: ['exchange.coinbase.com'],
  apiHosts: ['api.exchange.coinbase.com', 'api-public.sandbox.exchange.coinbase.com'],
  fields: [
    { kind: 'apiKey', label: 'API Key', secret: false, optional: false, source: AUTH },
    { kind: 'secret', label: 'API Secret', secret: true, optional: false, source: AUTH },
    { kind: 'passphrase', label: 'Passphrase', secret: true, optional: false, source: AUTH },
  ],
  shapes: [
    {
      id: 'coinbaseexchange.apiKey',
      field: 'apiKey',
      pattern: /^[0-9a-f]{32}$/,
      description: '32 lower-case hex digits (unconfirmed)',
      distinctive: false,
      examples: [],
      synthetic: [sample(HEX_LOWER, 32)],
      source: source(AUTH.url, 'unconfirmed', 'commonly said to be 32 hex; not documented'),
    },
    {
      id: 'coinbaseexchange.secret',
      field: 'secret',
      pattern: /^[A-Za-z0-9+/]{40,120}={0,2}$/,
      description: 'base64 text (length unconfirmed)',
      distinctive: false,
      examples: [],
      synthetic: [`${sample(BASE64, 86)}==`],
      source: CCXT,
    },
  ],
  keywords: [
    'coinbase exchange',
    'coinbase pro',
    'coinbasepro',
    'gdax',
    'cb-access-passphrase',
    'coinbase_exchange_api_key',
    'coinbase_exchange_secret',
    'coinbase_exchange_passphrase',
    'coinbase_pro_api_key',
  ],
  links: {
    keyManagement: fact(
      'https://exchange.coinbase.com/profile/api',
      source(
        'https://exchange.coinbase.com/profile/api',
        'unconfirmed',
        'docs say "the Coinbase Exchange website" without an address',
      ),
    ),
    activity: unknown('No official address found for login history or order pages.'),
    support: unknown('No official support address confirmed.'),
  },
  permissions: fact(
    [
      { id: 'view', label: 'View', kind: 'read', dangerous: false },
      { id: 'trade', label: 'Trade', kind: 'trade', dangerous: false },
      { id: 'transfer', label: 'Transfer', kind: 'withdraw', dangerous: true },
    ],
    source(AUTH.url, 'official', 'a fourth "Manage" permission is reported but not confirmed, so not listed'),
  ),
  policies: {
    ipAllowlist: fact(
      { supported: true },
      source(AUTH.url, 'unconfirmed', 'IP allow-list reported; details not confirmed'),
    ),
    expiry: fact([], source(AUTH.url, 'official', 'no automatic expiry is described')),
    rules: [
      {
        id: 'coinbaseexchange.profile-scoped',
        description: 'Each key is scoped to one portfolio (profile).',
        source: AUTH,
      },
    ],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA256'],
      output: 'base64',
      prehash: 'timestamp + METHOD + requestPath + body, keyed with the base64-decoded secret',
      headers: ['CB-ACCESS-KEY', 'CB-ACCESS-SIGN', 'CB-ACCESS-TIMESTAMP', 'CB-ACCESS-PASSPHRASE'],
      source: AUTH,
    },
    AUTH,
  ),
  permissionEndpoint: unknown(
    'No documented request reports the calling key’s own permissions; GET /profiles lists portfolios, not key rights.',
  ),
};
