/**
 * A labelled corpus for the detector, synthesised from a seeded PRNG: every value has the right shape and is
 * random, none is a real key. `npx tsx test/corpus/generate.ts` writes it to test/fixtures/corpus/.
 */
import type { ExchangeId, FieldKind } from '../../src/exchanges/types';

export interface Label {
  readonly start: number;
  readonly end: number;
  readonly kind: FieldKind;
  readonly exchange: ExchangeId;
}

export interface Sample {
  readonly id: string;
  /** The venue the sample is about, or null for negatives that name none. */
  readonly venue: ExchangeId | null;
  readonly context: string;
  /** 'context': credentials in a realistic setting; 'bare': a distinctive secret pasted alone; 'negative'. */
  readonly set: 'context' | 'bare' | 'negative';
  readonly text: string;
  readonly labels: readonly Label[];
}

/** mulberry32: tiny, seedable, good enough to synthesise test values. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;
const B64URL = `${ALNUM}_-`;
const HEX = '0123456789abcdef';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

class Gen {
  constructor(readonly rnd: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rnd() * items.length)] as T;
  }
  chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet.charAt(Math.floor(this.rnd() * alphabet.length));
    return s;
  }
  uuid(): string {
    const h = (n: number) => this.chars(HEX, n);
    return `${h(8)}-${h(4)}-4${h(3)}-${this.pick(['8', '9', 'a', 'b'])}${h(3)}-${h(12)}`;
  }
  base64Bytes(bytes: number): string {
    const full = Math.floor(bytes / 3) * 4;
    const rest = bytes % 3;
    let s = this.chars(B64, full);
    if (rest === 1) s += `${this.chars(B64, 1)}${this.pick(['A', 'Q', 'g', 'w'])}==`;
    if (rest === 2) s += `${this.chars(B64, 2)}${this.pick(['A', 'E', 'I', 'M', 'c', 'k', 's', '0'])}=`;
    return s;
  }
  passphrase(): string {
    return `${this.pick(['Moon', 'Trade', 'Hodl', 'Sats', 'Alpha', 'Bot'])}${this.chars(ALNUM, this.int(4, 8))}${this.pick(['!', '#', '@', '_', '$', '9'])}`;
  }
  pem(label: string, bodyChars: number, escaped: boolean): string {
    const body = this.chars(B64, bodyChars - 2) + '==';
    const lines: string[] = [];
    for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
    const nl = escaped ? '\\n' : '\n';
    return `-----BEGIN ${label}-----${nl}${lines.join(nl)}${nl}-----END ${label}-----${nl}`;
  }
}

interface Creds {
  readonly apiKey: string;
  readonly secret: string;
  /** The field kind of `secret` (Coinbase CDP keys hold a private key). */
  readonly secretKind: FieldKind;
  readonly passphrase?: string;
}

interface Venue {
  readonly id: ExchangeId;
  readonly name: string;
  /** Env-var prefix and hummingbot connector name. */
  readonly env: string;
  readonly connector: string;
  readonly keyHeader: string;
  readonly host: string;
  readonly creds: (g: Gen) => Creds;
  /** Secret shapes distinctive enough to flag alone. */
  readonly bare: ((g: Gen) => { value: string; kind: FieldKind })[];
}

const ed25519Pem = (g: Gen) => {
  // PKCS#8 Ed25519: fixed 16-byte prefix, then the 32-byte seed: 64 base64 characters.
  const body = `MC4CAQAwBQYDK2VwBCIEI${g.chars(B64, 42)}=`;
  return `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`;
};

export const VENUES: readonly Venue[] = [
  {
    id: 'binance',
    name: 'Binance',
    env: 'BINANCE',
    connector: 'binance',
    keyHeader: 'X-MBX-APIKEY',
    host: 'api.binance.com',
    creds: (g) => ({ apiKey: g.chars(ALNUM, 64), secret: g.chars(ALNUM, 64), secretKind: 'secret' }),
    bare: [
      (g) => ({ value: g.chars(ALNUM, 64), kind: 'secret' }),
      (g) => ({ value: ed25519Pem(g), kind: 'privateKey' }),
    ],
  },
  {
    id: 'bybit',
    name: 'Bybit',
    env: 'BYBIT',
    connector: 'bybit',
    keyHeader: 'X-BAPI-API-KEY',
    host: 'api.bybit.com',
    creds: (g) => ({ apiKey: g.chars(ALNUM, 18), secret: g.chars(ALNUM, 36), secretKind: 'secret' }),
    bare: [(g) => ({ value: g.pem('PRIVATE KEY', 1624, false), kind: 'privateKey' })],
  },
  {
    id: 'bingx',
    name: 'BingX',
    env: 'BINGX',
    connector: 'bingx',
    keyHeader: 'X-BX-APIKEY',
    host: 'open-api.bingx.com',
    creds: (g) => ({
      apiKey: g.chars(ALNUM, g.int(64, 96)),
      secret: g.chars(ALNUM, g.int(64, 96)),
      secretKind: 'secret',
    }),
    bare: [(g) => ({ value: g.chars(ALNUM, g.int(64, 96)), kind: 'secret' })],
  },
  {
    id: 'bitget',
    name: 'Bitget',
    env: 'BITGET',
    connector: 'bitget',
    keyHeader: 'ACCESS-KEY',
    host: 'api.bitget.com',
    creds: (g) => ({
      apiKey: `bg_${g.chars(HEX, 32)}`,
      secret: g.chars(HEX, 64),
      secretKind: 'secret',
      passphrase: g.passphrase(),
    }),
    bare: [],
  },
  {
    id: 'bitmex',
    name: 'BitMEX',
    env: 'BITMEX',
    connector: 'bitmex',
    keyHeader: 'api-key',
    host: 'www.bitmex.com',
    creds: (g) => ({ apiKey: g.chars(B64URL, 24), secret: g.chars(B64URL, 48), secretKind: 'secret' }),
    bare: [(g) => ({ value: g.chars(B64URL, 48), kind: 'secret' })],
  },
  {
    id: 'okx',
    name: 'OKX',
    env: 'OKX',
    connector: 'okx',
    keyHeader: 'OK-ACCESS-KEY',
    host: 'www.okx.com',
    creds: (g) => ({
      apiKey: g.uuid(),
      secret: g.chars('0123456789ABCDEF', 32),
      secretKind: 'secret',
      passphrase: g.passphrase(),
    }),
    bare: [],
  },
  {
    id: 'coinbase',
    name: 'Coinbase',
    env: 'COINBASE',
    connector: 'coinbase_advanced_trade',
    keyHeader: 'CB-ACCESS-KEY',
    host: 'api.coinbase.com',
    creds: (g) =>
      g.rnd() < 0.5
        ? {
            apiKey: `organizations/${g.uuid()}/apiKeys/${g.uuid()}`,
            secret: g.pem('EC PRIVATE KEY', 164, false),
            secretKind: 'privateKey',
          }
        : { apiKey: g.uuid(), secret: g.base64Bytes(64), secretKind: 'privateKey' },
    bare: [
      (g) => ({ value: g.base64Bytes(64), kind: 'privateKey' }),
      (g) => ({ value: g.pem('EC PRIVATE KEY', 164, false), kind: 'privateKey' }),
    ],
  },
  {
    id: 'coinbaseexchange',
    name: 'Coinbase Exchange',
    env: 'COINBASE_EXCHANGE',
    connector: 'coinbase_pro',
    keyHeader: 'CB-ACCESS-KEY',
    host: 'api.exchange.coinbase.com',
    creds: (g) => ({
      apiKey: g.chars(HEX, 32),
      secret: g.base64Bytes(64),
      secretKind: 'secret',
      passphrase: g.passphrase(),
    }),
    bare: [(g) => ({ value: g.base64Bytes(64), kind: 'secret' })],
  },
  {
    id: 'kraken',
    name: 'Kraken',
    env: 'KRAKEN',
    connector: 'kraken',
    keyHeader: 'API-Key',
    host: 'api.kraken.com',
    creds: (g) => ({ apiKey: g.chars(B64, 56), secret: g.base64Bytes(64), secretKind: 'secret' }),
    bare: [(g) => ({ value: g.base64Bytes(64), kind: 'secret' })],
  },
  {
    id: 'kucoin',
    name: 'KuCoin',
    env: 'KUCOIN',
    connector: 'kucoin',
    keyHeader: 'KC-API-KEY',
    host: 'api.kucoin.com',
    creds: (g) => ({
      apiKey: g.chars(HEX, 24),
      secret: g.uuid(),
      secretKind: 'secret',
      passphrase: g.passphrase(),
    }),
    bare: [],
  },
  {
    id: 'gate',
    name: 'Gate.io',
    env: 'GATEIO',
    connector: 'gate_io',
    keyHeader: 'KEY',
    host: 'api.gateio.ws',
    creds: (g) => ({ apiKey: g.chars(ALNUM, 32), secret: g.chars(ALNUM, 64), secretKind: 'secret' }),
    bare: [(g) => ({ value: g.chars(ALNUM, 64), kind: 'secret' })],
  },
  {
    id: 'bitfinex',
    name: 'Bitfinex',
    env: 'BITFINEX',
    connector: 'bitfinex',
    keyHeader: 'bfx-apikey',
    host: 'api.bitfinex.com',
    creds: (g) => ({ apiKey: g.chars(B64URL, 43), secret: g.chars(B64URL, 43), secretKind: 'secret' }),
    bare: [(g) => ({ value: g.chars(B64URL, 43), kind: 'secret' })],
  },
  {
    id: 'gemini',
    name: 'Gemini',
    env: 'GEMINI',
    connector: 'gemini',
    keyHeader: 'X-GEMINI-APIKEY',
    host: 'api.gemini.com',
    creds: (g) => ({
      apiKey: `${g.pick(['account', 'master'])}-${g.chars(ALNUM, 20)}`,
      secret: g.chars(ALNUM, g.int(27, 28)),
      secretKind: 'secret',
    }),
    bare: [],
  },
  {
    id: 'deribit',
    name: 'Deribit',
    env: 'DERIBIT',
    connector: 'deribit',
    keyHeader: 'client_id',
    host: 'www.deribit.com',
    creds: (g) => ({ apiKey: g.chars(B64URL, 8), secret: g.chars(B64URL, 43), secretKind: 'secret' }),
    bare: [
      (g) => ({ value: g.chars(B64URL, 43), kind: 'secret' }),
      (g) => ({ value: ed25519Pem(g), kind: 'privateKey' }),
    ],
  },
  {
    id: 'mexc',
    name: 'MEXC',
    env: 'MEXC',
    connector: 'mexc',
    keyHeader: 'X-MEXC-APIKEY',
    host: 'api.mexc.com',
    creds: (g) => ({ apiKey: `mx0${g.chars(ALNUM, 15)}`, secret: g.chars(HEX, 32), secretKind: 'secret' }),
    bare: [],
  },
  {
    id: 'htx',
    name: 'HTX',
    env: 'HTX',
    connector: 'htx',
    keyHeader: 'AccessKeyId',
    host: 'api.huobi.pro',
    creds: (g) => {
      const part = () =>
        `${g.chars(LOWER_ALNUM, 8)}-${g.chars(LOWER_ALNUM, 8)}-${g.chars(LOWER_ALNUM, 8)}-${g.chars(LOWER_ALNUM, 5)}`;
      return { apiKey: part(), secret: part(), secretKind: 'secret' };
    },
    bare: [],
  },
  {
    id: 'bitstamp',
    name: 'Bitstamp',
    env: 'BITSTAMP',
    connector: 'bitstamp',
    keyHeader: 'X-Auth',
    host: 'www.bitstamp.net',
    creds: (g) => ({ apiKey: g.chars(ALNUM, 32), secret: g.chars(ALNUM, 32), secretKind: 'secret' }),
    bare: [],
  },
  {
    id: 'cryptocom',
    name: 'Crypto.com',
    env: 'CRYPTOCOM',
    connector: 'crypto_com',
    keyHeader: 'api_key',
    host: 'api.crypto.com',
    creds: (g) => ({
      apiKey: g.chars(ALNUM, 22),
      secret: g.chars(ALNUM, g.int(22, 32)),
      secretKind: 'secret',
    }),
    bare: [],
  },
];

/** Builds a text from literal parts and labelled values, computing the labels' offsets. */
class Builder {
  text = '';
  readonly labels: Label[] = [];
  constructor(readonly venue: ExchangeId) {}
  add(s: string): this {
    this.text += s;
    return this;
  }
  value(v: string, kind: FieldKind, exchange: ExchangeId = this.venue): this {
    this.labels.push({ start: this.text.length, end: this.text.length + v.length, kind, exchange });
    this.text += v;
    return this;
  }
}

type Context = (g: Gen, v: Venue, c: Creds) => Builder | null;

const PASSPHRASE_HEADER: Partial<Record<ExchangeId, string>> = {
  okx: 'OK-ACCESS-PASSPHRASE',
  bitget: 'ACCESS-PASSPHRASE',
  kucoin: 'KC-API-PASSPHRASE',
  coinbaseexchange: 'CB-ACCESS-PASSPHRASE',
};

const jsonString = (s: string) => JSON.stringify(s).slice(1, -1);

const CONTEXTS: Record<string, Context> = {
  env: (g, v, c) => {
    const q = g.pick(['', '"', "'"]);
    const b = new Builder(v.id).add(g.pick(['# trading bot\n', '', 'LOG_LEVEL=info\n']));
    b.add(`${v.env}_API_KEY=${q}`).value(c.apiKey.replace(/\n/g, '\\n'), 'apiKey').add(`${q}\n`);
    b.add(`${v.env}_API_SECRET=${q}`).value(c.secret.replace(/\n/g, '\\n'), c.secretKind).add(`${q}\n`);
    if (c.passphrase) b.add(`${v.env}_PASSPHRASE=${q}`).value(c.passphrase, 'passphrase').add(`${q}\n`);
    return b.add('DRY_RUN=false\n');
  },
  freqtrade: (g, v, c) => {
    const b = new Builder(v.id).add(
      `{\n  "max_open_trades": ${g.int(1, 9)},\n  "stake_currency": "USDT",\n  "dry_run": false,\n  "exchange": {\n    "name": "${v.id}",\n    "key": "`,
    );
    b.value(jsonString(c.apiKey), 'apiKey')
      .add('",\n    "secret": "')
      .value(jsonString(c.secret), c.secretKind)
      .add('",\n');
    if (c.passphrase) b.add('    "password": "').value(c.passphrase, 'passphrase').add('",\n');
    return b.add('    "ccxt_config": {},\n    "pair_whitelist": ["BTC/USDT", "ETH/USDT"]\n  }\n}\n');
  },
  ccxtJs: (g, v, c) => {
    const b = new Builder(v.id).add(
      `import ccxt from 'ccxt';\n\nconst exchange = new ccxt.${v.id}({\n  apiKey: '`,
    );
    b.value(jsonString(c.apiKey), 'apiKey')
      .add("',\n  secret: '")
      .value(jsonString(c.secret), c.secretKind)
      .add("',\n");
    if (c.passphrase) b.add("  password: '").value(c.passphrase, 'passphrase').add("',\n");
    return b.add(`  enableRateLimit: true,\n});\nconsole.log(await exchange.fetchBalance());\n`);
  },
  ccxtPython: (g, v, c) => {
    const b = new Builder(v.id).add(`import ccxt\n\nexchange = ccxt.${v.id}({\n    'apiKey': '`);
    b.value(jsonString(c.apiKey), 'apiKey')
      .add("',\n    'secret': '")
      .value(jsonString(c.secret), c.secretKind)
      .add("',\n");
    if (c.passphrase) b.add("    'password': '").value(c.passphrase, 'passphrase').add("',\n");
    return b.add(`})\nprint(exchange.fetch_balance())\n`);
  },
  pythonConstants: (g, v, c) => {
    const b = new Builder(v.id).add(`# ${v.name} credentials\n${v.env}_API_KEY = "`);
    b.value(jsonString(c.apiKey), 'apiKey')
      .add(`"\n${v.env}_SECRET_KEY = "`)
      .value(jsonString(c.secret), c.secretKind);
    b.add('"\n');
    if (c.passphrase) b.add(`${v.env}_PASSPHRASE = "`).value(c.passphrase, 'passphrase').add('"\n');
    return b.add(`\ndef client():\n    return make_client(${v.env}_API_KEY, ${v.env}_SECRET_KEY)\n`);
  },
  hummingbot: (g, v, c) => {
    const b = new Builder(v.id).add(
      `########################################\n###   ${v.name} connector config   ###\n\nconnector: ${v.connector}\n${v.connector}_api_key: `,
    );
    b.value(c.apiKey.replace(/\n/g, '\\n'), 'apiKey').add(`\n${v.connector}_secret_key: `);
    b.value(c.secret.replace(/\n/g, '\\n'), c.secretKind).add('\n');
    if (c.passphrase) b.add(`${v.connector}_passphrase: `).value(c.passphrase, 'passphrase').add('\n');
    return b;
  },
  dockerCompose: (g, v, c) => {
    const b = new Builder(v.id).add(
      `services:\n  bot:\n    image: ghcr.io/example/bot:${g.int(1, 9)}.${g.int(0, 20)}\n    restart: unless-stopped\n    environment:\n      - EXCHANGE=${v.id}\n      - ${v.env}_API_KEY=`,
    );
    b.value(c.apiKey.replace(/\n/g, '\\n'), 'apiKey').add(`\n      - ${v.env}_API_SECRET=`);
    b.value(c.secret.replace(/\n/g, '\\n'), c.secretKind).add('\n');
    if (c.passphrase) b.add(`      - ${v.env}_PASSPHRASE=`).value(c.passphrase, 'passphrase').add('\n');
    return b.add('    volumes:\n      - ./user_data:/freqtrade/user_data\n');
  },
  curl: (g, v, c) => {
    if (c.secret.includes('\n')) return null;
    const ts = g.int(1_700_000_000, 1_800_000_000);
    const b = new Builder(v.id).add(
      `TS=${ts}000\nSIG=$(echo -n "timestamp=$TS" | openssl dgst -sha256 -hmac "`,
    );
    b.value(c.secret, c.secretKind)
      .add(`" | cut -d' ' -f2)\ncurl -s -H "${v.keyHeader}: `)
      .value(c.apiKey, 'apiKey')
      .add('" ');
    if (c.passphrase)
      b.add(`-H "${PASSPHRASE_HEADER[v.id] ?? 'PASSPHRASE'}: `)
        .value(c.passphrase, 'passphrase')
        .add('" ');
    return b.add(`"https://${v.host}/api/v3/account?timestamp=$TS&signature=$SIG"\n`);
  },
  chat: (g, v, c) => {
    const b = new Builder(v.id);
    const style = g.int(0, 3);
    if (style === 0) {
      b.add(`hey, my bot can't connect to ${v.name}. here is my api key: `).value(c.apiKey, 'apiKey');
      b.add(' and the secret: ').value(c.secret, c.secretKind);
    } else if (style === 1) {
      b.add(`[10:4${g.int(0, 9)}] alex: ${v.name.toLowerCase()} secret is `).value(c.secret, c.secretKind);
      b.add(`\n[10:4${g.int(0, 9)}] alex: key `).value(c.apiKey, 'apiKey');
    } else if (style === 2) {
      b.add(`Can you check my ${v.name} setup?\nAPI key: `)
        .value(c.apiKey, 'apiKey')
        .add('\nSecret: ')
        .value(c.secret, c.secretKind);
    } else {
      b.add(`${v.name} api secret `).value(c.secret, c.secretKind).add(' thanks!');
    }
    if (c.passphrase && style !== 3) b.add(`\npassphrase is `).value(c.passphrase, 'passphrase');
    return b.add('\n');
  },
  coinbaseKeyFile: (g, v, c) => {
    if (v.id !== 'coinbase') return null;
    const b = new Builder(v.id);
    if (c.apiKey.startsWith('organizations/')) {
      b.add('{\n   "name": "').value(c.apiKey, 'apiKey').add('",\n   "privateKey": "');
      b.value(jsonString(c.secret), 'privateKey').add('"\n}\n');
    } else {
      b.add('{\n   "id": "')
        .value(c.apiKey, 'apiKey')
        .add('",\n   "privateKey": "')
        .value(c.secret, 'privateKey');
      b.add('"\n}\n');
    }
    return b;
  },
};

const PROSE_WORDS =
  'the a to of and in is for on with your you can bot trading exchange api key keys secret account order balance market price withdraw deposit enable permission ip whitelist create new settings security rotate never share store safely use read only spot futures margin fee limit rate request response error signature timestamp nonce token wallet address network transfer'.split(
    ' ',
  );

function prose(g: Gen, venueName: string): string {
  const sentences: string[] = [];
  for (let s = 0; s < g.int(2, 5); s++) {
    const words: string[] = [];
    for (let w = 0; w < g.int(6, 18); w++) words.push(g.rnd() < 0.08 ? venueName : g.pick(PROSE_WORDS));
    const first = words[0] ?? 'the';
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    sentences.push(`${words.join(' ')}.`);
  }
  return sentences.join(' ');
}

type Negative = (g: Gen, v: Venue) => string;

const NEGATIVES: Record<string, Negative> = {
  gitLog: (g) =>
    Array.from(
      { length: g.int(3, 8) },
      () => `commit ${g.chars(HEX, 40)}\nAuthor: Dev <dev@example.org>\n\n    fix rate limit\n`,
    ).join('\n'),
  shaSums: (g) =>
    Array.from(
      { length: g.int(2, 6) },
      () => `${g.chars(HEX, 64)}  release-${g.int(1, 9)}.${g.int(0, 9)}.tar.gz`,
    ).join('\n'),
  txHash: (g, v) =>
    g.pick([
      `${v.name} withdrawal completed. TxID: ${g.chars(HEX, 64)}`,
      `Deposit to ${v.name} confirmed: tx 0x${g.chars(HEX, 64)} from 0x${g.chars(HEX, 40)}`,
      `sent 0.5 ETH to 0x${g.chars(HEX, 40)} (hash 0x${g.chars(HEX, 64)})`,
      `${v.name} says my deposit ${g.chars(HEX, 64)} is still pending`,
    ]),
  addresses: (g, v) =>
    g.pick([
      `my ${v.name} BTC deposit address: 1${g.chars(BASE58, 33)}`,
      `send USDT (TRC20) to T${g.chars(BASE58, 33)} on ${v.name}`,
      `solana wallet ${g.chars(BASE58, 44)}`,
      `bc1q${g.chars('023456789acdefghjklmnpqrstuvwxyz', 38)} is my ${v.name} deposit address`,
      `pinned to ipfs://Qm${g.chars(BASE58, 44)}`,
    ]),
  uuids: (g, v) =>
    g.pick([
      `{"orderId": "${g.uuid()}", "clientOrderId": "${g.uuid()}", "symbol": "BTCUSDT", "status": "FILLED"}`,
      `2024-05-0${g.int(1, 9)} INFO ${v.name} order ${g.uuid()} filled at 64123.5`,
      `request-id: ${g.uuid()}\ntrace: ${g.uuid()}`,
      `${v.name} support ticket ${g.uuid()}`,
    ]),
  jwt: (g) =>
    `Authorization: Bearer eyJ${g.chars(B64URL, 40)}.eyJ${g.chars(B64URL, 120)}.${g.chars(B64URL, 43)}`,
  dataUri: (g) => `<img alt="logo" src="data:image/png;base64,iVBORw0KGgo${g.chars(B64, g.int(60, 400))}=">`,
  integrity: (g) =>
    g.pick([
      `<script src="https://cdn.example.net/lib.js" integrity="sha384-${g.chars(B64, 64)}" crossorigin="anonymous"></script>`,
      `"resolved": "https://registry.npmjs.org/x/-/x-1.0.0.tgz",\n"integrity": "sha512-${g.chars(B64, 86)}=="`,
    ]),
  placeholders: (g, v) =>
    g.pick([
      `${v.env}_API_KEY=YOUR_API_KEY\n${v.env}_API_SECRET=YOUR_API_SECRET\n`,
      `${v.env}_API_KEY=your_${v.connector}_api_key_here\n${v.env}_SECRET=your_${v.connector}_secret_here\n`,
      `{"exchange": {"name": "${v.id}", "key": "<your api key>", "secret": "<your secret>"}}`,
      `api_key: ${'x'.repeat(g.int(16, 64))}\napi_secret: ${'X'.repeat(g.int(16, 64))}`,
      `apiKey: '********************', secret: '${'*'.repeat(40)}'`,
      `exchange = ccxt.${v.id}({'apiKey': 'YOUR_API_KEY', 'secret': 'YOUR_SECRET', 'password': 'YOUR_PASSPHRASE'})`,
      `${v.connector}_api_key: <API_KEY>\n${v.connector}_secret_key: <API_SECRET>\n`,
      `${v.env}_PASSPHRASE=changeme\n`,
    ]),
  prose: (g, v) => prose(g, v.name),
  envCode: (g, v) =>
    g.pick([
      `import os\nkey = os.environ['${v.env}_API_KEY']\nsecret = os.environ["${v.env}_API_SECRET"]\n`,
      `api_key = os.getenv("${v.env}_API_KEY")\napi_secret = os.getenv("${v.env}_SECRET_KEY")\n`,
      `const exchange = new ccxt.${v.id}({ apiKey: process.env.${v.env}_API_KEY, secret: process.env.${v.env}_SECRET, password: process.env.${v.env}_PASSPHRASE });`,
      `environment:\n  - ${v.env}_API_KEY=\${${v.env}_API_KEY}\n  - ${v.env}_API_SECRET=\${${v.env}_API_SECRET}\n  - ${v.env}_PASSPHRASE=\${${v.env}_PASSPHRASE}\n`,
      `env:\n  ${v.env}_API_KEY: \${{ secrets.${v.env}_API_KEY }}\n  ${v.env}_SECRET: \${{ secrets.${v.env}_SECRET }}\n`,
      `passphrase = config['${v.id}']['passphrase']\nsecret = settings.${v.connector}_secret\n`,
      `curl -H "${v.keyHeader}: $${v.env}_API_KEY" "https://${v.host}/api/v3/account?timestamp=$TS&signature=$SIG"`,
    ]),
  signatures: (g, v) =>
    g.pick([
      `GET /api/v3/account?timestamp=1718000000000&signature=${g.chars(HEX, 64)}`,
      `API-Sign: ${g.base64Bytes(64)}`,
      `CB-ACCESS-SIGN: ${g.base64Bytes(32)}\nCB-ACCESS-TIMESTAMP: 1718000000`,
      `{"sign": "${g.base64Bytes(32)}", "nonce": "${g.chars(HEX, 32)}", "exchange": "${v.id}"}`,
    ]),
  publicKeys: (g) =>
    g.pick([
      g.pem('PUBLIC KEY', 60, false),
      g.pem('CERTIFICATE', 900, false),
      `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${g.chars(B64, 43)} dev@laptop`,
      `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${Array.from({ length: 8 }, () => g.chars(B64, 64)).join('\n')}\n=${g.chars(B64, 4)}\n-----END PGP PUBLIC KEY BLOCK-----`,
    ]),
  docs: (g, v) =>
    g.pick([
      `To create an API key on ${v.name}, open Account > API Management, press Create API, and copy the API Key and Secret Key. The secret is shown only once.`,
      `| Field | Example |\n|---|---|\n| apiKey | \`${v.env}_API_KEY\` |\n| secret | \`${v.env}_API_SECRET\` |`,
      `const signature = crypto.createHmac('sha256', apiSecret).update(query).digest('hex');`,
      `-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----`,
      `body { color: #1e2a3b; background: #ffffff; } .btn-${v.id} { border-color: #f0b90b; }`,
      `https://${v.host}/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=500&startTime=1718000000000`,
    ]),
};

export function generateCorpus(seed = 20240501, perContext = 4, perNegative = 4): Sample[] {
  const g = new Gen(prng(seed));
  const samples: Sample[] = [];
  for (const v of VENUES) {
    for (const [context, make] of Object.entries(CONTEXTS)) {
      for (let i = 0; i < perContext; i++) {
        const b = make(g, v, v.creds(g));
        if (b === null) continue;
        samples.push({
          id: `${v.id}/${context}/${i}`,
          venue: v.id,
          context,
          set: 'context',
          text: b.text,
          labels: b.labels,
        });
      }
    }
    v.bare.forEach((make, k) => {
      for (let i = 0; i < 10; i++) {
        const { value, kind } = make(g);
        const pad = g.pick(['', '\n', '  ', ' \n']);
        const b = new Builder(v.id)
          .add(g.pick(['', ' ', '\n']))
          .value(value.trimEnd(), kind)
          .add(pad);
        samples.push({
          id: `${v.id}/bare${k}/${i}`,
          venue: v.id,
          context: 'bare',
          set: 'bare',
          text: b.text,
          labels: b.labels,
        });
      }
    });
    for (const [context, make] of Object.entries(NEGATIVES)) {
      for (let i = 0; i < perNegative; i++) {
        samples.push({
          id: `${v.id}/neg-${context}/${i}`,
          venue: v.id,
          context,
          set: 'negative',
          text: make(g, v),
          labels: [],
        });
      }
    }
  }
  return samples;
}
