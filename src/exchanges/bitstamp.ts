import { ALNUM, fact, sample, source, unknown } from './kit';
import type { Exchange } from './types';

const API_DOCS = source(
  'https://www.bitstamp.net/api/#section/Authentication',
  'official',
  'X-Auth: "BITSTAMP " + key, X-Auth-Signature, X-Auth-Nonce, X-Auth-Timestamp, X-Auth-Version v2 (as implemented by ccxt)',
);
const BLOG_2013 = source(
  'https://blog.bitstamp.net/post/api-key-implementation/',
  'official',
  'Account → Security → API Access; lock a key to an IP address and/or lock withdrawals to one address (2013)',
);
const LOOSE = source('https://www.bitstamp.net/api/', 'unconfirmed', 'no documented key format found');

export const bitstamp: Exchange = {
  id: 'bitstamp',
  name: 'Bitstamp',
  webDomains: ['bitstamp.net'],
  apiHosts: ['www.bitstamp.net'],
  fields: [
    { kind: 'apiKey', label: 'API key', secret: false, optional: false, source: API_DOCS },
    { kind: 'secret', label: 'API secret', secret: true, optional: false, source: API_DOCS },
  ],
  shapes: [
    {
      id: 'bitstamp.apiKey',
      field: 'apiKey',
      pattern: /^[A-Za-z0-9]{32,64}$/,
      description: '32 to 64 letters and digits (unconfirmed)',
      distinctive: false,
      examples: [],
      synthetic: [sample(ALNUM, 32)],
      source: LOOSE,
    },
    {
      id: 'bitstamp.secret',
      field: 'secret',
      pattern: /^[A-Za-z0-9]{32,64}$/,
      description: '32 to 64 letters and digits (unconfirmed)',
      distinctive: false,
      examples: [],
      synthetic: [sample(ALNUM, 32)],
      source: LOOSE,
    },
  ],
  keywords: [
    'bitstamp',
    'x-auth-signature',
    'bitstamp_api_key',
    'bitstamp_api_secret',
    'bitstamp_secret',
    'bitstamp_key',
  ],
  links: {
    keyManagement: fact(
      'https://www.bitstamp.net/account/security/api/',
      source(
        'https://www.bitstamp.net/account/security/api/',
        'third-party',
        'path matches the 2013 blog (Account → Security → API Access)',
      ),
    ),
    activity: unknown('No official address found for login history or order pages.'),
    support: unknown('No official support address confirmed.'),
  },
  permissions: unknown('Bitstamp has a per-key permission list; its current labels were not confirmed.'),
  policies: {
    ipAllowlist: fact({ supported: true }, BLOG_2013),
    expiry: unknown('No statement on automatic expiry found.'),
    rules: [
      {
        id: 'bitstamp.withdrawal-address-lock',
        description: 'A key’s withdrawals can be locked to a single address.',
        source: BLOG_2013,
      },
      {
        id: 'bitstamp.email-activation',
        description: 'A new key must be activated from a link sent by e-mail.',
        source: source(
          'https://pypi.org/project/bitstampclient',
          'third-party',
          'client README: Generate key → Activate → e-mail link',
        ),
      },
    ],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA256'],
      output: 'hex',
      prehash:
        '"BITSTAMP " + key + METHOD + host + path + query + content-type + nonce + timestamp + "v2" + body',
      headers: ['X-Auth', 'X-Auth-Signature', 'X-Auth-Nonce', 'X-Auth-Timestamp', 'X-Auth-Version'],
      source: API_DOCS,
    },
    API_DOCS,
  ),
  permissionEndpoint: unknown('No documented request reports the calling key’s own permissions.'),
};
