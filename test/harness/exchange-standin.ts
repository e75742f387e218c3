/**
 * A local stand-in for the exchange APIs the live audit talks to: an HTTPS server on 127.0.0.1 with a throw-away
 * self-signed certificate (made with `openssl req -x509`, since node:crypto cannot issue X.509 certificates).
 * Requests are routed by Host header. For each exchange it serves the server-time request and the permission
 * request, verifies signatures with its own node:crypto code (written apart from src/, so a shared mistake cannot
 * pass), and answers with the exchange's documented payloads. The api key presented picks the behaviour: a valid
 * key, a rejected key, an IP-restricted key, a 429, or a hang until the client gives up. Every request is recorded.
 * Where the exchange documents a key's self-delete (Bybit), the stand-in serves it too: a good request deletes the
 * key, so every later request with it is rejected; a `read-only` key lacks the right the exchange requires.
 */
import { execFileSync } from 'node:child_process';
import {
  createHash,
  createHmac,
  createPublicKey,
  timingSafeEqual,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest, createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Behaviour =
  | 'valid'
  | 'rejected'
  | 'ip-restricted'
  | 'rate-limited'
  | 'hang'
  | 'unified'
  /** Valid, but without the rights a self-delete needs. */
  | 'read-only';

export interface StandinKey {
  readonly apiKey: string;
  /** HMAC secret (Kraken: base64). Unused for Coinbase. */
  readonly secret?: string;
  readonly passphrase?: string;
  /** Coinbase: the public key that verifies the JWT. */
  readonly publicKey?: KeyObject;
  readonly behaviour: Behaviour;
}

export interface RecordedRequest {
  readonly host: string;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface ExchangeStandin {
  readonly port: number;
  /** PEM of the self-signed certificate, to trust in the client. */
  readonly ca: string;
  readonly requests: RecordedRequest[];
  /** Moves the stand-in's clock relative to Date.now() (to test skew handling). */
  setClockOffset(ms: number): void;
  close(): Promise<void>;
}

interface Incoming {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly now: number;
}

interface Reply {
  readonly status: number;
  readonly json: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Who signed and whether the signature and time are good, as this venue checks them. */
interface Check {
  readonly apiKey: string | null;
  readonly signatureOk: boolean;
  readonly fresh: boolean;
}

interface Venue {
  readonly host: string;
  readonly time?: { readonly path: string; readonly body: (now: number) => unknown };
  /** Permission endpoints by `METHOD path`. */
  readonly routes: readonly string[];
  check(req: Incoming, key: StandinKey | undefined): Check;
  valid(key: StandinKey, route: string): Reply;
  rejected: Reply;
  badSignature: Reply;
  ipRestricted: Reply;
  stale: Reply;
  rateLimited: Reply;
  unified?: (route: string) => Reply | null;
  /** The documented self-delete, for venues that have one. */
  revoke?: {
    readonly route: string;
    /** The documented answer, or the venue's parameter error when the request is not shaped as documented. */
    answer(req: Incoming): { readonly reply: Reply; readonly deleted: boolean };
    readonly notPermitted: Reply;
  };
}

const hmac = (alg: string, key: string | Buffer, data: string | Buffer) => createHmac(alg, key).update(data);
const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const withoutSignature = (query: string) => query.replace(/&?signature=[^&]*$/, '');
const param = (query: string, name: string) => new URLSearchParams(query).get(name);

function fresh(timestampMs: number, now: number, windowMs: number): boolean {
  return Number.isFinite(timestampMs) && timestampMs < now + 1000 && now - timestampMs <= windowMs;
}

const VENUES: readonly Venue[] = [
  {
    host: 'api.binance.com',
    time: { path: '/api/v3/time', body: (now) => ({ serverTime: now }) },
    routes: ['GET /sapi/v1/account/apiRestrictions'],
    check(req, key) {
      const signature = param(req.query, 'signature') ?? '';
      const expected =
        key?.secret === undefined
          ? ''
          : hmac('sha256', key.secret, withoutSignature(req.query) + req.body).digest('hex');
      const recv = Number(param(req.query, 'recvWindow') ?? 5000);
      return {
        apiKey: req.headers['x-mbx-apikey'] ?? null,
        signatureOk: same(signature, expected),
        fresh: fresh(Number(param(req.query, 'timestamp')), req.now, recv),
      };
    },
    valid: () => ({
      status: 200,
      json: {
        ipRestrict: false,
        createTime: 1698645219000,
        enableReading: true,
        enableWithdrawals: true,
        enableInternalTransfer: false,
        enableMargin: false,
        enableFutures: false,
        permitsUniversalTransfer: false,
        enableVanillaOptions: false,
        enableFixApiTrade: false,
        enableFixReadOnly: false,
        enableSpotAndMarginTrading: true,
        enablePortfolioMarginTrading: false,
      },
    }),
    rejected: { status: 401, json: { code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' } },
    badSignature: { status: 400, json: { code: -1022, msg: 'Signature for this request is not valid.' } },
    ipRestricted: {
      status: 401,
      json: { code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' },
    },
    stale: {
      status: 400,
      json: { code: -1021, msg: 'Timestamp for this request is outside of the recvWindow.' },
    },
    rateLimited: {
      status: 429,
      json: { code: -1003, msg: 'Too many requests.' },
      headers: { 'retry-after': '7' },
    },
  },
  {
    host: 'api.bybit.com',
    time: {
      path: '/v5/market/time',
      body: (now) => ({
        retCode: 0,
        retMsg: 'OK',
        result: { timeSecond: String(Math.floor(now / 1000)), timeNano: `${now}000000` },
        time: now,
      }),
    },
    routes: ['GET /v5/user/query-api'],
    check(req, key) {
      const ts = req.headers['x-bapi-timestamp'] ?? '';
      const recv = req.headers['x-bapi-recv-window'] ?? '5000';
      const apiKey = req.headers['x-bapi-api-key'] ?? null;
      // v5: GET signs the query string, POST the raw JSON body. https://bybit-exchange.github.io/docs/v5/guide
      const payload = req.method === 'POST' ? req.body : req.query;
      const expected =
        key?.secret === undefined
          ? ''
          : hmac('sha256', key.secret, `${ts}${apiKey ?? ''}${recv}${payload}`).digest('hex');
      return {
        apiKey,
        signatureOk: same(req.headers['x-bapi-sign'] ?? '', expected),
        fresh: fresh(Number(ts), req.now, Number(recv)),
      };
    },
    valid: (key) => ({
      status: 200,
      json: {
        retCode: 0,
        retMsg: '',
        result: {
          id: '13770661',
          note: 'bot',
          apiKey: key.apiKey,
          readOnly: 0,
          secret: '',
          permissions: {
            ContractTrade: ['Order', 'Position'],
            Spot: ['SpotTrade'],
            Wallet: ['AccountTransfer'],
            Options: [],
            Derivatives: [],
          },
          ips: ['*'],
          type: 1,
          deadlineDay: 66,
          expiredAt: '2030-12-22T07:20:25Z',
          createdAt: '2022-10-16T02:24:40Z',
          uta: 1,
        },
        retExtInfo: {},
        time: Date.now(),
      },
    }),
    rejected: {
      status: 200,
      json: { retCode: 10003, retMsg: 'API key is invalid.', result: {}, retExtInfo: {} },
    },
    badSignature: {
      status: 200,
      json: { retCode: 10004, retMsg: 'error sign! origin_string[…]', result: {}, retExtInfo: {} },
    },
    ipRestricted: {
      status: 200,
      json: {
        retCode: 10010,
        retMsg: "Unmatched IP, please check your API key's bound IP addresses.",
        result: {},
      },
    },
    stale: {
      status: 200,
      json: {
        retCode: 10002,
        retMsg: 'invalid request, please check your server timestamp or recv_window param',
        result: {},
      },
    },
    rateLimited: { status: 429, json: { retCode: 10006, retMsg: 'Too many visits!' } },
    // https://bybit-exchange.github.io/docs/v5/user/rm-master-apikey: no parameters, JSON body, empty result.
    revoke: {
      route: 'POST /v5/user/delete-api',
      answer(req) {
        let body: unknown;
        try {
          body = JSON.parse(req.body);
        } catch {
          body = null;
        }
        const shaped =
          (req.headers['content-type'] ?? '').startsWith('application/json') &&
          typeof body === 'object' &&
          body !== null &&
          !Array.isArray(body) &&
          Object.keys(body).length === 0;
        return shaped
          ? {
              reply: {
                status: 200,
                json: { retCode: 0, retMsg: '', result: {}, retExtInfo: {}, time: req.now },
              },
              deleted: true,
            }
          : {
              reply: { status: 200, json: { retCode: 10001, retMsg: 'params error', result: {} } },
              deleted: false,
            };
      },
      notPermitted: {
        status: 200,
        json: {
          retCode: 10005,
          retMsg: 'Permission denied, please check your API key permissions.',
          result: {},
        },
      },
    },
  },
  {
    host: 'www.okx.com',
    time: {
      path: '/api/v5/public/time',
      body: (now) => ({ code: '0', msg: '', data: [{ ts: String(now) }] }),
    },
    routes: ['GET /api/v5/account/config'],
    check(req, key) {
      const ts = req.headers['ok-access-timestamp'] ?? '';
      const path = req.query === '' ? req.path : `${req.path}?${req.query}`;
      const expected =
        key?.secret === undefined
          ? ''
          : hmac('sha256', key.secret, `${ts}${req.method}${path}${req.body}`).digest('base64');
      const passOk =
        key?.passphrase !== undefined && same(req.headers['ok-access-passphrase'] ?? '', key.passphrase);
      return {
        apiKey: req.headers['ok-access-key'] ?? null,
        signatureOk: passOk && same(req.headers['ok-access-sign'] ?? '', expected),
        fresh: Math.abs(Date.parse(ts) - req.now) <= 30_000,
      };
    },
    valid: () => ({
      status: 200,
      json: {
        code: '0',
        msg: '',
        data: [
          { acctLv: '2', label: 'bot', mainUid: '1', uid: '1', perm: 'read_only,trade', ip: '203.0.113.10' },
        ],
      },
    }),
    rejected: { status: 401, json: { code: '50111', msg: 'Invalid OK-ACCESS-KEY', data: [] } },
    badSignature: { status: 401, json: { code: '50113', msg: 'Invalid Sign', data: [] } },
    ipRestricted: {
      status: 401,
      json: {
        code: '50110',
        msg: "Your IP 127.0.0.1 is not included in your API key's IP whitelist.",
        data: [],
      },
    },
    stale: { status: 401, json: { code: '50102', msg: 'Timestamp request expired', data: [] } },
    rateLimited: { status: 429, json: { code: '50011', msg: 'Too Many Requests', data: [] } },
  },
  {
    host: 'api.bitget.com',
    time: {
      path: '/api/v2/public/time',
      body: (now) => ({ code: '00000', msg: 'success', data: { serverTime: String(now) } }),
    },
    routes: ['GET /api/v2/spot/account/info', 'GET /api/v3/account/info'],
    check(req, key) {
      const ts = req.headers['access-timestamp'] ?? '';
      const prehash = `${ts}${req.method}${req.path}${req.query === '' ? '' : `?${req.query}`}${req.body}`;
      const expected = key?.secret === undefined ? '' : hmac('sha256', key.secret, prehash).digest('base64');
      const passOk =
        key?.passphrase !== undefined && same(req.headers['access-passphrase'] ?? '', key.passphrase);
      return {
        apiKey: req.headers['access-key'] ?? null,
        signatureOk: passOk && same(req.headers['access-sign'] ?? '', expected),
        fresh: Math.abs(Number(ts) - req.now) <= 30_000,
      };
    },
    valid: (_key, route) =>
      route.includes('/v3/')
        ? {
            status: 200,
            json: {
              code: '00000',
              msg: 'success',
              data: { uid: '1', ips: '', permType: 'read-and-write', permissions: ['uta_trade', 'withdraw'] },
            },
          }
        : {
            status: 200,
            json: {
              code: '00000',
              msg: 'success',
              data: { userId: '1', ips: '', authorities: ['stor', 'stow'], regisTime: '1' },
            },
          },
    unified: (route) =>
      route.includes('/v2/')
        ? {
            status: 400,
            json: { code: '40085', msg: 'The unified account does not support this interface', data: null },
          }
        : null,
    rejected: { status: 400, json: { code: '40006', msg: 'Invalid ACCESS_KEY', data: null } },
    badSignature: { status: 400, json: { code: '40009', msg: 'sign signature error', data: null } },
    ipRestricted: { status: 400, json: { code: '40018', msg: 'Invalid IP', data: null } },
    stale: { status: 400, json: { code: '40008', msg: 'Request timestamp expired', data: null } },
    rateLimited: { status: 429, json: { code: '429', msg: 'Too Many Requests', data: null } },
  },
  {
    host: 'open-api.bingx.com',
    time: {
      path: '/openApi/swap/v2/server/time',
      body: (now) => ({ code: 0, msg: '', data: { serverTime: now } }),
    },
    routes: ['GET /openApi/v1/account/apiPermissions'],
    check(req, key) {
      const expected =
        key?.secret === undefined
          ? ''
          : hmac('sha256', key.secret, withoutSignature(req.query)).digest('hex');
      const recv = Number(param(req.query, 'recvWindow') ?? 5000);
      return {
        apiKey: req.headers['x-bx-apikey'] ?? null,
        signatureOk: same(param(req.query, 'signature') ?? '', expected),
        fresh: fresh(Number(param(req.query, 'timestamp')), req.now, recv),
      };
    },
    valid: (key) => ({
      status: 200,
      json: {
        code: 0,
        msg: '',
        data: { apiKey: key.apiKey, permissions: [2, 1, 3], ipAddresses: [], note: 'bot' },
      },
    }),
    rejected: { status: 200, json: { code: 100413, msg: 'Incorrect apiKey', data: {} } },
    badSignature: { status: 200, json: { code: 100001, msg: 'Signature verification failed', data: {} } },
    ipRestricted: {
      status: 200,
      json: { code: 100419, msg: 'your current request IP is not in the whitelist', data: {} },
    },
    stale: { status: 200, json: { code: 100421, msg: 'Null timestamp or timestamp mismatch', data: {} } },
    rateLimited: { status: 429, json: { code: 100410, msg: 'rate limitation' } },
  },
  {
    host: 'www.bitmex.com',
    routes: ['GET /api/v1/apiKey'],
    check(req, key) {
      const expires = req.headers['api-expires'] ?? '';
      const path = req.query === '' ? req.path : `${req.path}?${req.query}`;
      const expected =
        key?.secret === undefined
          ? ''
          : hmac('sha256', key.secret, `${req.method}${path}${expires}${req.body}`).digest('hex');
      return {
        apiKey: req.headers['api-key'] ?? null,
        signatureOk: same(req.headers['api-signature'] ?? '', expected),
        fresh: Number(expires) * 1000 > req.now,
      };
    },
    valid: (key) => ({
      status: 200,
      json: [
        {
          id: 'someOtherKeyId',
          name: 'other',
          nonce: 0,
          cidr: '0.0.0.0/0',
          cidrs: [],
          permissions: ['withdraw'],
          enabled: true,
          userId: 1,
          created: '2024-01-01T00:00:00.000Z',
        },
        {
          id: key.apiKey,
          name: 'bot',
          nonce: 0,
          cidr: '0.0.0.0/0',
          cidrs: [],
          permissions: ['order'],
          enabled: true,
          userId: 1,
          created: '2024-01-01T00:00:00.000Z',
        },
      ],
    }),
    rejected: { status: 401, json: { error: { message: 'Invalid API Key.', name: 'HTTPError' } } },
    badSignature: { status: 401, json: { error: { message: 'Signature not valid.', name: 'HTTPError' } } },
    ipRestricted: {
      status: 403,
      json: { error: { message: 'Access Denied: IP not whitelisted for this key.', name: 'HTTPError' } },
    },
    stale: {
      status: 403,
      json: { error: { message: 'This request has expired - `expires` is in the past.', name: 'HTTPError' } },
    },
    rateLimited: {
      status: 429,
      json: { error: { message: 'Rate limit exceeded, retry in 1 seconds.', name: 'RateLimitError' } },
      headers: { 'retry-after': '1' },
    },
  },
  {
    host: 'api.coinbase.com',
    time: {
      path: '/api/v3/brokerage/time',
      body: (now) => ({
        iso: new Date(now).toISOString(),
        epochSeconds: String(Math.floor(now / 1000)),
        epochMillis: String(now),
      }),
    },
    routes: ['GET /api/v3/brokerage/key_permissions'],
    check(req, key) {
      const jwt = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      const [h = '', p = '', s = ''] = jwt.split('.');
      let header: Record<string, unknown>;
      let payload: Record<string, unknown>;
      try {
        header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Record<string, unknown>;
        payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
      } catch {
        return { apiKey: null, signatureOk: false, fresh: false };
      }
      const apiKey = typeof header.kid === 'string' ? header.kid : null;
      let signatureOk = false;
      if (key?.publicKey !== undefined) {
        const data = Buffer.from(`${h}.${p}`);
        const sig = Buffer.from(s, 'base64url');
        signatureOk =
          header.alg === 'ES256'
            ? cryptoVerify('sha256', data, { key: key.publicKey, dsaEncoding: 'ieee-p1363' }, sig)
            : header.alg === 'EdDSA' && cryptoVerify(null, data, key.publicKey, sig);
      }
      const claimsOk =
        payload.sub === apiKey &&
        payload.iss === 'cdp' &&
        payload.uri === `${req.method} api.coinbase.com${req.path}`;
      const nbf = Number(payload.nbf) * 1000;
      const exp = Number(payload.exp) * 1000;
      return { apiKey, signatureOk: signatureOk && claimsOk, fresh: nbf <= req.now + 5000 && req.now < exp };
    },
    valid: () => ({
      status: 200,
      json: {
        can_view: true,
        can_trade: false,
        can_transfer: false,
        portfolio_uuid: 'p',
        portfolio_type: 'DEFAULT',
      },
    }),
    rejected: { status: 401, json: 'Unauthorized' },
    badSignature: { status: 401, json: 'Unauthorized' },
    ipRestricted: { status: 401, json: 'Unauthorized' },
    stale: { status: 401, json: 'Unauthorized' },
    rateLimited: { status: 429, json: { error: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' } },
  },
  {
    host: 'api.kraken.com',
    routes: ['POST /0/private/GetApiKeyInfo'],
    check(req, key) {
      const nonce = new URLSearchParams(req.body).get('nonce') ?? '';
      let expected = '';
      if (key?.secret !== undefined) {
        const inner = createHash('sha256')
          .update(nonce + req.body)
          .digest();
        expected = hmac(
          'sha512',
          Buffer.from(key.secret, 'base64'),
          Buffer.concat([Buffer.from(req.path), inner]),
        ).digest('base64');
      }
      // Kraken only needs an increasing nonce; any positive one is fresh here.
      return {
        apiKey: req.headers['api-key'] ?? null,
        signatureOk: same(req.headers['api-sign'] ?? '', expected),
        fresh: Number(nonce) > 0,
      };
    },
    valid: (key) => ({
      status: 200,
      json: {
        error: [],
        result: {
          apiKeyName: 'bot',
          apiKey: key.apiKey,
          nonce: '1',
          nonceWindow: 0,
          permissions: ['query-funds', 'query-open-trades', 'modify-trades'],
          iban: 'AA88 N84G WOAK NMOI',
          validUntil: '1900000000',
          queryFrom: '0',
          queryTo: '0',
          createdTime: '1772542900',
          modifiedTime: '1772543095',
          ipAllowlist: ['198.51.100.0/24'],
          lastUsed: '1772627061',
        },
      },
    }),
    rejected: { status: 200, json: { error: ['EAPI:Invalid key'] } },
    badSignature: { status: 200, json: { error: ['EAPI:Invalid signature'] } },
    ipRestricted: { status: 200, json: { error: ['EGeneral:Permission denied'] } },
    stale: { status: 200, json: { error: ['EAPI:Invalid nonce'] } },
    rateLimited: { status: 429, json: { error: ['EAPI:Rate limit exceeded'] } },
  },
  {
    host: 'api.kucoin.com',
    time: { path: '/api/v1/timestamp', body: (now) => ({ code: '200000', data: now }) },
    routes: ['GET /api/v1/user/api-key'],
    check(req, key) {
      const ts = req.headers['kc-api-timestamp'] ?? '';
      const endpoint = req.query === '' ? req.path : `${req.path}?${req.query}`;
      let ok = false;
      if (key?.secret !== undefined && key.passphrase !== undefined) {
        const sign = hmac('sha256', key.secret, `${ts}${req.method}${endpoint}${req.body}`).digest('base64');
        const pass = hmac('sha256', key.secret, key.passphrase).digest('base64');
        ok =
          same(req.headers['kc-api-sign'] ?? '', sign) &&
          same(req.headers['kc-api-passphrase'] ?? '', pass) &&
          req.headers['kc-api-key-version'] === '2';
      }
      return {
        apiKey: req.headers['kc-api-key'] ?? null,
        signatureOk: ok,
        fresh: Math.abs(Number(ts) - req.now) <= 5000,
      };
    },
    valid: (key) => ({
      status: 200,
      json: {
        code: '200000',
        data: {
          remark: 'bot',
          apiKey: key.apiKey,
          apiVersion: 3,
          permission: 'General,Spot',
          ipWhitelist: '',
          createdAt: 1700000000000,
          uid: 1,
          isMaster: true,
        },
      },
    }),
    rejected: { status: 401, json: { code: '400003', msg: 'KC-API-KEY not exists' } },
    badSignature: { status: 401, json: { code: '400005', msg: 'Signature error' } },
    ipRestricted: {
      status: 401,
      json: { code: '400006', msg: 'Invalid request ip, the current clientIp is:127.0.0.1' },
    },
    stale: { status: 401, json: { code: '400002', msg: 'KC-API-TIMESTAMP Invalid' } },
    rateLimited: { status: 429, json: { code: '429000', msg: 'Too Many Requests' } },
  },
  {
    host: 'api.gateio.ws',
    time: { path: '/api/v4/spot/time', body: (now) => ({ server_time: now }) },
    routes: ['GET /api/v4/account/main_keys'],
    check(req, key) {
      const ts = req.headers.timestamp ?? '';
      const bodyHash = createHash('sha512').update(req.body).digest('hex');
      const expected =
        key?.secret === undefined
          ? ''
          : hmac('sha512', key.secret, [req.method, req.path, req.query, bodyHash, ts].join('\n')).digest(
              'hex',
            );
      return {
        apiKey: req.headers.key ?? null,
        signatureOk: same(req.headers.sign ?? '', expected),
        fresh: Math.abs(Number(ts) * 1000 - req.now) <= 60_000,
      };
    },
    valid: (key) => ({
      status: 200,
      json: [
        {
          state: 1,
          mode: 1,
          name: 'other',
          user_id: 1,
          perms: [{ name: 'withdraw', read_only: false }],
          ip_whitelist: [],
          currency_pairs: [],
          key: 'zzzzzzzzzzzz*****',
          created_at: '1',
          update_at: '1',
          last_access: '1',
        },
        {
          state: 1,
          mode: 1,
          name: 'bot',
          user_id: 1,
          perms: [
            { name: 'spot', read_only: false },
            { name: 'wallet', read_only: true },
          ],
          ip_whitelist: [],
          currency_pairs: [],
          key: `${key.apiKey.slice(0, 12)}*****`,
          created_at: '1',
          update_at: '1',
          last_access: '1',
        },
      ],
    }),
    rejected: { status: 401, json: { label: 'INVALID_KEY', message: 'Invalid key provided' } },
    badSignature: { status: 401, json: { label: 'INVALID_SIGNATURE', message: 'Signature mismatch' } },
    ipRestricted: { status: 403, json: { label: 'IP_FORBIDDEN', message: 'Request IP not in whitelist' } },
    stale: {
      status: 401,
      json: { label: 'REQUEST_EXPIRED', message: 'gap between request Timestamp and server time exceeds 60' },
    },
    rateLimited: {
      status: 429,
      json: { label: 'TOO_MANY_REQUESTS', message: 'Request rate limit exceeded' },
    },
  },
];

export const STANDIN_HOSTS: readonly string[] = VENUES.map((venue) => venue.host);

function makeCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kw-standin-'));
  try {
    const san = ['IP:127.0.0.1', ...STANDIN_HOSTS.map((host) => `DNS:${host}`)].join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=keywarden-exchange-standin',
        '-addext',
        `subjectAltName=${san}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function send(response: ServerResponse, reply: Reply): void {
  const body = typeof reply.json === 'string' ? reply.json : JSON.stringify(reply.json);
  response.writeHead(reply.status, {
    'content-type': typeof reply.json === 'string' ? 'text/plain' : 'application/json',
    ...reply.headers,
  });
  response.end(body);
}

function flatHeaders(request: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') out[name] = value;
    else if (Array.isArray(value)) out[name] = value.join(', ');
  }
  return out;
}

export async function startExchangeStandin(keys: readonly StandinKey[]): Promise<ExchangeStandin> {
  const { key, cert } = makeCertificate();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const byKey = new Map(keys.map((k) => [k.apiKey, k]));
  /** Keys deleted through a self-delete request: the exchange rejects them from then on. */
  const deleted = new Set<string>();
  let offset = 0;

  const server: Server = createServer({ key, cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'https://standin');
      const host = (request.headers.host ?? '').replace(/:\d+$/, '');
      const incoming: Incoming = {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: url.search.replace(/^\?/, ''),
        headers: flatHeaders(request),
        body: Buffer.concat(chunks).toString('utf8'),
        now: Date.now() + offset,
      };
      requests.push({
        host,
        method: incoming.method,
        path: incoming.path,
        query: incoming.query,
        headers: incoming.headers,
        body: incoming.body,
      });
      const venue = VENUES.find((v) => v.host === host);
      if (venue === undefined) return send(response, { status: 404, json: { error: 'unknown host' } });
      if (venue.time !== undefined && incoming.method === 'GET' && incoming.path === venue.time.path) {
        return send(response, { status: 200, json: venue.time.body(incoming.now) });
      }
      const route = `${incoming.method} ${incoming.path}`;
      const revoke = venue.revoke?.route === route ? venue.revoke : undefined;
      if (!venue.routes.includes(route) && revoke === undefined)
        return send(response, { status: 404, json: { error: 'not served by the stand-in' } });
      const claimed = venue.check(incoming, undefined).apiKey;
      const known = claimed === null || deleted.has(claimed) ? undefined : byKey.get(claimed);
      if (known === undefined) return send(response, venue.rejected);
      if (known.behaviour === 'hang') return; // never answers; the client must give up
      if (known.behaviour === 'rate-limited') return send(response, venue.rateLimited);
      if (known.behaviour === 'rejected') return send(response, venue.rejected);
      const check = venue.check(incoming, known);
      if (!check.signatureOk) return send(response, venue.badSignature);
      if (!check.fresh) return send(response, venue.stale);
      if (known.behaviour === 'ip-restricted') return send(response, venue.ipRestricted);
      if (revoke !== undefined) {
        if (known.behaviour === 'read-only') return send(response, revoke.notPermitted);
        const { reply, deleted: gone } = revoke.answer(incoming);
        if (gone) deleted.add(known.apiKey);
        return send(response, reply);
      }
      if (known.behaviour === 'unified') {
        const reply = venue.unified?.(route) ?? null;
        if (reply !== null) return send(response, reply);
      }
      return send(response, venue.valid(known, route));
    });
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    ca: cert,
    requests,
    setClockOffset: (ms) => {
      offset = ms;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/**
 * A fetch for Node that sends https://<exchange host>/… to the stand-in: TCP to 127.0.0.1:<port>, SNI and Host as
 * the real host, and the stand-in's certificate as the only trusted CA (nothing process-wide is relaxed).
 */
export function standinFetch(standin: ExchangeStandin) {
  return (
    url: string,
    init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
  ): Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }> =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const request = httpsRequest(
        {
          host: '127.0.0.1',
          port: standin.port,
          servername: target.hostname,
          ca: standin.ca,
          method: init.method,
          path: `${target.pathname}${target.search}`,
          headers: { ...init.headers, host: target.host },
          signal: init.signal,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: response.statusCode ?? 0,
              headers: {
                get: (name) => (response.headers[name.toLowerCase()] as string | undefined) ?? null,
              },
              text: () => Promise.resolve(text),
            });
          });
        },
      );
      request.on('error', reject);
      if (init.body !== undefined) request.write(init.body);
      request.end();
    });
}

/** The public half of a PEM private key, for registering a Coinbase key with the stand-in. */
export function publicKeyOf(privateKeyPem: string): KeyObject {
  return createPublicKey(privateKeyPem);
}
