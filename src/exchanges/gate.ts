import { ALNUM, fact, sample, source, unknown } from './kit';
import type { Exchange } from './types';

const HELP_FAQ = source(
  'https://www.gateex.org/help/guide/faq/17521/how-to-utilize-api',
  'official',
  'Gate help-centre article 17521 ("How to utilize API"), read on a Gate mirror host: unbound keys valid for 90 days; API withdrawals only to manually used addresses, 24 h after the last manual withdrawal',
);
const SIGNING = source(
  'https://github.com/gateio/gateapi-python/blob/master/gate_api/api_client.py',
  'official',
  'Gate’s own SDK gen_sign: METHOD\\nPATH\\nQUERY\\nSHA512hex(body)\\nTIMESTAMP, HMAC-SHA512 hex',
);
const MAIN_KEYS = source(
  'https://www.gate.com/docs/developers/apiv4/#query-all-main-account-key-information',
  'official',
  'GET /api/v4/account/main_keys: perms [{name, read_only}], ip_whitelist, masked key (read via a docs mirror)',
);
const LOOSE = source(
  'https://www.gate.com/docs/developers/apiv4/',
  'unconfirmed',
  'no documented format; the docs show only a masked hex-looking key prefix',
);

export const gate: Exchange = {
  id: 'gate',
  name: 'Gate',
  webDomains: ['gate.com', 'gate.io'],
  apiHosts: ['api.gateio.ws', 'fx-api.gateio.ws', 'fx-api-testnet.gateio.ws'],
  fields: [
    { kind: 'apiKey', label: 'API Key', secret: false, optional: false, source: SIGNING },
    { kind: 'secret', label: 'API Secret', secret: true, optional: false, source: SIGNING },
  ],
  shapes: [
    {
      id: 'gate.apiKey',
      field: 'apiKey',
      pattern: /^[A-Za-z0-9]{32}$/,
      description: '32 letters and digits (unconfirmed)',
      distinctive: false,
      examples: [],
      synthetic: [sample(ALNUM, 32)],
      source: LOOSE,
    },
    {
      id: 'gate.secret',
      field: 'secret',
      pattern: /^[A-Za-z0-9]{64}$/,
      description: '64 letters and digits (unconfirmed)',
      distinctive: false,
      examples: [],
      synthetic: [sample(ALNUM, 64)],
      source: LOOSE,
    },
  ],
  keywords: [
    'gate.io',
    'gateio',
    'gate_api_key',
    'gate_api_secret',
    'gateio_api_key',
    'gateio_api_secret',
    'gateio_secret',
  ],
  links: {
    keyManagement: fact(
      'https://www.gate.com/myaccount/profile/api-key/manage',
      source(
        'https://docs.tread.fi/account-creation-and-api-key-connection/connecting-to-exchanges/gate',
        'third-party',
        'older address: gate.io/myaccount/apikeys',
      ),
    ),
    activity: unknown('No official address found for login history or order pages.'),
    support: fact('https://www.gate.com/help/guide/faq/17521', HELP_FAQ),
  },
  permissions: fact(
    [
      { id: 'spot', label: 'Spot/Margin Trade', kind: 'trade', dangerous: false },
      { id: 'futures', label: 'Perpetual Futures', kind: 'trade', dangerous: false },
      { id: 'delivery', label: 'Delivery Futures', kind: 'trade', dangerous: false },
      { id: 'options', label: 'Options', kind: 'trade', dangerous: false },
      { id: 'earn', label: 'Earn', kind: 'trade', dangerous: false },
      { id: 'account', label: 'Account', kind: 'read', dangerous: false },
      { id: 'wallet', label: 'Wallet', kind: 'transfer', dangerous: true },
      { id: 'withdraw', label: 'Withdraw', kind: 'withdraw', dangerous: true },
    ],
    source(
      'https://docs.tread.fi/account-creation-and-api-key-connection/connecting-to-exchanges/gate',
      'third-party',
      'UI names from a bot vendor guide; API perm names (wallet, spot, futures, …) from the main_keys docs; each can be read-only or read-write',
    ),
  ),
  policies: {
    ipAllowlist: fact({ supported: true }, HELP_FAQ),
    expiry: fact(
      [
        {
          id: 'gate.unbound-90d',
          description: 'A key with no IP binding is valid for 90 days.',
          trigger: 'creation',
          days: 90,
          effect: 'key-invalid',
          onlyWithoutIpAllowlist: true,
          whenPermissionKinds: [],
          source: HELP_FAQ,
        },
      ],
      HELP_FAQ,
    ),
    rules: [
      {
        id: 'gate.api-withdraw-known-address',
        description:
          'API withdrawals go only to an address already used for a manual withdrawal, and only 24 hours after the last manual one.',
        source: HELP_FAQ,
      },
    ],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA512'],
      output: 'hex',
      prehash: 'METHOD\\nPATH\\nQUERY\\nSHA512hex(body)\\nTIMESTAMP',
      headers: ['KEY', 'SIGN', 'Timestamp'],
      source: SIGNING,
    },
    SIGNING,
  ),
  permissionEndpoint: fact(
    { method: 'GET', origin: 'https://api.gateio.ws', path: '/api/v4/account/main_keys', source: MAIN_KEYS },
    MAIN_KEYS,
  ),
};
