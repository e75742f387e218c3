import { fact, source, unknown } from './kit';
import type { Exchange } from './types';

const SPOT_DOCS = source(
  'https://mexcdevelop.github.io/apidocs/spot_v3_en/#signed',
  'official',
  'SIGNED endpoint example: X-MEXC-APIKEY mx0aBYs33eIilxBWC5, secretKey 45d0b3c26f2644f19bfb98b07741b2f5; HMAC-SHA256 lower-case hex',
);

export const mexc: Exchange = {
  id: 'mexc',
  name: 'MEXC',
  webDomains: ['mexc.com'],
  apiHosts: ['api.mexc.com', 'contract.mexc.com'],
  fields: [
    { kind: 'apiKey', label: 'Access Key', secret: false, optional: false, source: SPOT_DOCS },
    { kind: 'secret', label: 'Secret Key', secret: true, optional: false, source: SPOT_DOCS },
  ],
  shapes: [
    {
      id: 'mexc.apiKey',
      field: 'apiKey',
      pattern: /^mx0[A-Za-z0-9]{15}$/,
      description: '"mx0" and 15 letters and digits',
      distinctive: true,
      examples: ['mx0aBYs33eIilxBWC5'],
      source: SPOT_DOCS,
    },
    {
      id: 'mexc.secret',
      field: 'secret',
      pattern: /^[0-9a-f]{32}$/,
      description: '32 lower-case hex digits',
      // Same shape as an MD5 digest.
      distinctive: false,
      examples: ['45d0b3c26f2644f19bfb98b07741b2f5'],
      source: SPOT_DOCS,
    },
  ],
  keywords: [
    'mexc',
    'x-mexc-apikey',
    'mexc_api_key',
    'mexc_api_secret',
    'mexc_secret_key',
    'mexc_access_key',
    'mexc_secret',
  ],
  links: {
    keyManagement: fact(
      'https://www.mexc.com/user/openapi',
      source(SPOT_DOCS.url, 'official', 'the docs link "Create API Key" to this page (seen in a docs copy)'),
    ),
    activity: unknown('No official address found for login history or order pages.'),
    support: unknown('No official support address confirmed.'),
  },
  permissions: unknown('Permission names on MEXC’s key page were not confirmed from an official source.'),
  policies: {
    ipAllowlist: fact(
      { supported: true },
      source(SPOT_DOCS.url, 'unconfirmed', 'IP binding reported; details not confirmed'),
    ),
    expiry: unknown('No official statement on automatic expiry found.'),
    rules: [],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA256'],
      output: 'hex',
      prehash: 'totalParams: query string + body (spot v3)',
      headers: ['X-MEXC-APIKEY', 'signature', 'timestamp'],
      source: SPOT_DOCS,
    },
    SPOT_DOCS,
  ),
  permissionEndpoint: unknown(
    'No key-level request found: GET /api/v3/account reports account-level permissions (e.g. SPOT), not the key’s rights.',
  ),
};
