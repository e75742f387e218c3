import { ALNUM, fact, sample, source, unknown } from './kit';
import type { Exchange } from './types';

const API_KEY_DOCS = source(
  'https://developer.gemini.com/authentication/api-key',
  'official',
  'keys are made under Settings → API; master (group) or account scope; time-based nonce and heartbeat options',
);
const AUTH = source(
  'https://docs.gemini.com/rest-api/#private-api-invocation',
  'official',
  'X-GEMINI-APIKEY / X-GEMINI-PAYLOAD (base64 JSON) / X-GEMINI-SIGNATURE = HMAC-SHA384 hex of the payload',
);
const TRUFFLEHOG = source(
  'https://github.com/trufflesecurity/trufflehog/blob/main/pkg/detectors/gemini/gemini.go',
  'code',
  'key: "account-" or "master-" + 20 letters/digits; secret: 27–28 letters/digits',
);

export const gemini: Exchange = {
  id: 'gemini',
  name: 'Gemini',
  webDomains: ['gemini.com'],
  apiHosts: ['api.gemini.com', 'api.sandbox.gemini.com'],
  fields: [
    { kind: 'apiKey', label: 'API Key', secret: false, optional: false, source: API_KEY_DOCS },
    { kind: 'secret', label: 'API Secret', secret: true, optional: false, source: API_KEY_DOCS },
  ],
  shapes: [
    {
      id: 'gemini.apiKey',
      field: 'apiKey',
      pattern: /^(?:account|master)-[A-Za-z0-9]{20}$/,
      description: '"account-" or "master-" and 20 letters and digits',
      // A rare prefix, but its source is scanner code, not Gemini.
      distinctive: false,
      examples: [],
      synthetic: [`account-${sample(ALNUM, 20)}`, `master-${sample(ALNUM, 20)}`],
      source: TRUFFLEHOG,
    },
    {
      id: 'gemini.secret',
      field: 'secret',
      pattern: /^[A-Za-z0-9]{27,28}$/,
      description: '27 or 28 letters and digits',
      distinctive: false,
      examples: [],
      synthetic: [sample(ALNUM, 28)],
      source: TRUFFLEHOG,
    },
  ],
  keywords: [
    'gemini',
    'x-gemini-apikey',
    'x-gemini-signature',
    'gemini_api_key',
    'gemini_api_secret',
    'gemini_secret',
  ],
  links: {
    keyManagement: fact(
      'https://exchange.gemini.com/settings/api',
      source(API_KEY_DOCS.url, 'official', 'docs say Settings → API; the address is from bot guides'),
    ),
    activity: unknown('No official address found for login history or order pages.'),
    support: fact('https://support.gemini.com', source('https://support.gemini.com', 'unconfirmed')),
  },
  permissions: fact(
    [
      { id: 'Auditor', label: 'Auditor', kind: 'read', dangerous: false },
      { id: 'Trader', label: 'Trader', kind: 'trade', dangerous: false },
      { id: 'FundManager', label: 'Fund Manager', kind: 'withdraw', dangerous: true },
      { id: 'Administrator', label: 'Administrator', kind: 'subaccount', dangerous: true },
    ],
    source(
      'https://developer.gemini.com/roles',
      'third-party',
      'roles as summarised from Gemini’s docs by a third party; Administrator is for master keys only',
    ),
  ),
  policies: {
    ipAllowlist: fact({ supported: true }, API_KEY_DOCS),
    expiry: fact([], source(API_KEY_DOCS.url, 'official', 'no automatic expiry is described')),
    rules: [],
  },
  signing: fact(
    {
      algorithms: ['HMAC-SHA384'],
      output: 'hex',
      prehash: 'base64 of the JSON payload (request path + nonce + params)',
      headers: ['X-GEMINI-APIKEY', 'X-GEMINI-PAYLOAD', 'X-GEMINI-SIGNATURE'],
      source: AUTH,
    },
    AUTH,
  ),
  permissionEndpoint: unknown(
    'A roles request (POST /v1/roles) is reported for Gemini but was not confirmed from Gemini’s docs here.',
  ),
};
