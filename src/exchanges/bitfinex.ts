import { BASE64URL, fact, sample, source, unknown } from './kit';
import type { Exchange } from './types';

const SUPPORT_ARTICLE = source(
  'https://support.bitfinex.com/hc/en-us/articles/115003363429-How-to-create-and-revoke-a-Bitfinex-API-Key',
  'official',
  'permission groups, read/write each; up to 20 IPs per key; creation needs 2FA and an e-mail confirmation',
);
const KEY_PERMISSIONS = source(
  'https://docs.bitfinex.com/reference/key-permissions',
  'official',
  'POST /v2/auth/r/permissions: [scope, read, write] for account, history, orders, positions, funding, settings, wallets, withdraw, ui_withdraw, bfxpay',
);
const AUTH = source(
  'https://docs.bitfinex.com/docs/rest-auth',
  'official',
  'bfx-apikey / bfx-nonce / bfx-signature; HMAC-SHA384 hex of "/api/" + path + nonce + body',
);
const TRUFFLEHOG = source(
  'https://github.com/trufflesecurity/trufflehog/blob/main/pkg/detectors/bitfinex/bitfinex.go',
  'code',
  'key and secret: 43 characters of [A-Za-z0-9_-]',
);

export const bitfinex: Exchange = {
  id: 'bitfinex',
  name: 'Bitfinex',
  webDomains: ['bitfinex.com'],
  apiHosts: ['api.bitfinex.com', 'api-pub.bitfinex.com'],
  fields: [
    { kind: 'apiKey', label: 'API Key', secret: false, optional: false, source: AUTH },
    { kind: 'secret', label: 'API Key Secret', secret: true, optional: false, source: AUTH },
  ],
  shapes: [
    {
      id: 'bitfinex.apiKey',
      field: 'apiKey',
      pattern: /^[A-Za-z0-9_-]{43}$/,
      description: '43 letters, digits, "_" or "-"',
      distinctive: false,
      examples: [],
      synthetic: [sample(BASE64URL, 43)],
      source: TRUFFLEHOG,
    },
    {
      id: 'bitfinex.secret',
      field: 'secret',
      pattern: /^[A-Za-z0-9_-]{43}$/,
      description: '43 letters, digits, "_" or "-"',
      distinctive: false,
      examples: [],
      synthetic: [sample(BASE64URL, 43)],
      source: TRUFFLEHOG,
    },
  ],
  keywords: [
    'bitfinex',
    'bfx-apikey',
    'bfx-signature',
    'bitfinex_api_key',
    'bitfinex_api_secret',
    'bfx_api_key',
    'bfx_api_secret',
  ],
  links: {
    keyManagement: fact('https://setting.bitfinex.com/api', SUPPORT_ARTICLE),
    activity: unknown('No official address found for login history or order pages.'),
    support: fact('https://support.bitfinex.com', SUPPORT_ARTICLE),
  },
  permissions: fact(
    [
      { id: 'account', label: 'Account Info', kind: 'read', dangerous: false },
      { id: 'history', label: 'Account History', kind: 'read', dangerous: false },
      { id: 'orders', label: 'Orders', kind: 'trade', dangerous: false },
      { id: 'positions', label: 'Margin Trading', kind: 'trade', dangerous: false },
      { id: 'funding', label: 'Margin Funding', kind: 'trade', dangerous: false },
      { id: 'settings', label: 'Settings', kind: 'other', dangerous: false },
      { id: 'wallets', label: 'Wallets', kind: 'transfer', dangerous: true },
      { id: 'withdraw', label: 'Withdrawals', kind: 'withdraw', dangerous: true },
      { id: 'bfxpay', label: 'Bitfinex Pay', kind: 'other', dangerous: false },
    ],
    KEY_PERMISSIONS,
  ),
  policies: {
    ipAllowlist: fact({ supported: true, maxEntries: 20 }, SUPPORT_ARTICLE),
    expiry: fact([], source(SUPPORT_ARTICLE.url, 'official', 'no automatic expiry is described')),
    rules: [
      {
        id: 'bitfinex.creation-2fa-email',
        description: 'Creating a key needs 2FA and a confirmation link sent by e-mail.',
        source: SUPPORT_ARTICLE,
      },
    ],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA384'],
      output: 'hex',
      prehash: '"/api/" + path + nonce + body',
      headers: ['bfx-apikey', 'bfx-nonce', 'bfx-signature'],
      source: AUTH,
    },
    AUTH,
  ),
  permissionEndpoint: fact(
    {
      method: 'POST',
      origin: 'https://api.bitfinex.com',
      path: '/v2/auth/r/permissions',
      source: KEY_PERMISSIONS,
    },
    KEY_PERMISSIONS,
  ),
};
