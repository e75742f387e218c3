import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exchangeForHost, hostMatchesDomain, isOfficialUrl } from './domains';
import { EXCHANGES, getExchange } from './index';
import { patternProblems } from './pattern-safety';
import { EXCHANGE_IDS, isKnown } from './types';
import type { Exchange, Known, PermissionKind, Shape, Source } from './types';

const DANGEROUS_KINDS: readonly PermissionKind[] = ['withdraw', 'transfer', 'subaccount'];

function valuesOf(shape: Shape): readonly string[] {
  return [...shape.examples, ...(shape.synthetic ?? [])];
}

/** Every Source object anywhere inside the exchange record. */
function sourcesOf(value: unknown, out: Source[] = []): Source[] {
  if (Array.isArray(value)) for (const v of value) sourcesOf(v, out);
  else if (value !== null && typeof value === 'object' && !(value instanceof RegExp)) {
    const record = value as Record<string, unknown>;
    if (typeof record.url === 'string' && typeof record.confirmation === 'string')
      out.push(record as unknown as Source);
    for (const v of Object.values(record)) sourcesOf(v, out);
  }
  return out;
}

/** The addresses Keywarden sends users or requests to (sources excluded). */
function actionUrls(exchange: Exchange): string[] {
  const { keyManagement, activity, support } = exchange.links;
  const urls = [keyManagement.value];
  if (isKnown(activity)) urls.push(...activity.value.map((a) => a.url));
  if (isKnown(support)) urls.push(support.value);
  if (isKnown(exchange.permissionEndpoint)) {
    const ep = exchange.permissionEndpoint.value;
    urls.push(`${ep.origin}${ep.path}`);
  }
  return urls;
}

/** Inputs meant to make a backtracking matcher struggle: long runs, repeated samples, samples with a long tail. */
function adversarialInputs(shape: Shape): string[] {
  const n = 100_000;
  const inputs = [...'aA0f-_+/= \n\\x'].map((c) => `${c.repeat(n)}!`);
  for (const v of valuesOf(shape)) {
    inputs.push(`${v.repeat(Math.ceil(n / Math.max(1, v.length)))}!`);
    inputs.push(`${v.slice(0, Math.max(1, v.length - 1))}${'A'.repeat(n)}!`);
    inputs.push(`${v.slice(0, 40)}${'A\n'.repeat(n / 2)}-`);
  }
  return inputs;
}

describe('exchange registry', () => {
  it('has all 18 exchanges, in the documented order, each reachable by id', () => {
    expect(EXCHANGES.map((e) => e.id)).toEqual([...EXCHANGE_IDS]);
    expect(EXCHANGES).toHaveLength(18);
    for (const id of EXCHANGE_IDS) expect(getExchange(id).id).toBe(id);
  });

  it('has a per-exchange test file for every exchange', () => {
    for (const id of EXCHANGE_IDS)
      expect(existsSync(new URL(`./${id}.test.ts`, import.meta.url)), id).toBe(true);
  });

  it('uses unique shape ids across exchanges', () => {
    const ids = EXCHANGES.flatMap((e) => e.shapes.map((s) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(EXCHANGES.map((e) => [e.id, e] as const))('%s', (id, exchange) => {
  it('has the required fields', () => {
    expect(exchange.name.trim()).not.toBe('');
    expect(exchange.webDomains.length).toBeGreaterThan(0);
    expect(exchange.apiHosts.length).toBeGreaterThan(0);
    expect(exchange.fields.some((f) => f.kind === 'apiKey' && !f.secret)).toBe(true);
    expect(exchange.fields.some((f) => f.secret && (f.kind === 'secret' || f.kind === 'privateKey'))).toBe(
      true,
    );
    expect(exchange.shapes.length).toBeGreaterThan(0);
    for (const f of exchange.fields) expect(f.label.trim(), f.kind).not.toBe('');
  });

  it('lists lower-case keywords including its own name', () => {
    expect(exchange.keywords.length).toBeGreaterThan(0);
    for (const k of exchange.keywords) expect(k).toBe(k.toLowerCase());
    expect(
      exchange.keywords.some((k) => k.includes(id.slice(0, 4)) || exchange.name.toLowerCase().includes(k)),
    ).toBe(true);
  });

  it('has https sources everywhere', () => {
    const sources = sourcesOf(exchange);
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(new URL(s.url).protocol, s.url).toBe('https:');
  });

  it('sends users and requests only to its own hosts', () => {
    for (const url of actionUrls(exchange)) expect(isOfficialUrl(url, exchange), url).toBe(true);
    if (isKnown(exchange.permissionEndpoint)) {
      const origin = new URL(exchange.permissionEndpoint.value.origin);
      expect(origin.origin).toBe(exchange.permissionEndpoint.value.origin);
      expect(exchange.apiHosts).toContain(origin.hostname);
    }
    for (const domain of exchange.webDomains) expect(domain).toBe(domain.toLowerCase());
    for (const host of exchange.apiHosts) expect(host).toBe(host.toLowerCase());
  });

  it('gives every unknown fact a reason', () => {
    const maybe: readonly Known<unknown>[] = [
      exchange.links.activity,
      exchange.links.support,
      exchange.permissions,
      exchange.policies.ipAllowlist,
      exchange.policies.expiry,
      exchange.signing,
      exchange.permissionEndpoint,
    ];
    for (const fact of maybe) if (!isKnown(fact)) expect(fact.unknown.length).toBeGreaterThan(10);
  });

  it('ties every shape to a field it issues', () => {
    for (const shape of exchange.shapes) {
      expect(shape.id.startsWith(`${id}.${shape.field}`), shape.id).toBe(true);
      const field = exchange.fields.find((f) => f.kind === shape.field && f.variant === shape.variant);
      const anyVariant = exchange.fields.find((f) => f.kind === shape.field);
      expect(field ?? (shape.variant === undefined ? anyVariant : undefined), shape.id).toBeDefined();
    }
  });

  it('has anchored, flag-free, linear-time patterns', () => {
    for (const shape of exchange.shapes) expect(patternProblems(shape.pattern), shape.id).toEqual([]);
  });

  it('survives adversarial 100k-character inputs', () => {
    for (const shape of exchange.shapes)
      for (const input of adversarialInputs(shape)) expect(shape.pattern.test(input), shape.id).toBe(false);
  });

  it('matches its documented examples (and synthetic samples)', () => {
    for (const shape of exchange.shapes) {
      expect(valuesOf(shape).length, `${shape.id} has no sample`).toBeGreaterThan(0);
      for (const value of valuesOf(shape)) expect(shape.pattern.test(value), `${shape.id}`).toBe(true);
    }
  });

  it('marks only officially sourced shapes as distinctive', () => {
    for (const shape of exchange.shapes)
      if (shape.distinctive) expect(shape.source.confirmation, shape.id).toBe('official');
  });

  it('classes withdrawal, transfer and sub-account control as dangerous, and only those', () => {
    if (!isKnown(exchange.permissions)) return;
    const ids = exchange.permissions.value.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of exchange.permissions.value)
      expect(p.dangerous, p.id).toBe(DANGEROUS_KINDS.includes(p.kind));
  });

  it('has evaluable expiry rules', () => {
    const { expiry } = exchange.policies;
    if (!isKnown(expiry)) return;
    const permissionIds = isKnown(exchange.permissions) ? exchange.permissions.value.map((p) => p.id) : [];
    for (const rule of expiry.value) {
      expect(rule.id.startsWith(`${id}.`), rule.id).toBe(true);
      expect(Number.isInteger(rule.days) && rule.days > 0, rule.id).toBe(true);
      expect(rule.description.trim()).not.toBe('');
      if (rule.effect === 'permission-removed') {
        expect(rule.removesPermissions?.length, rule.id).toBeGreaterThan(0);
        for (const p of rule.removesPermissions ?? []) expect(permissionIds, rule.id).toContain(p);
      } else expect(rule.removesPermissions, rule.id).toBeUndefined();
    }
  });
});

describe('cross-exchange collisions', () => {
  const others = (exchange: Exchange) => EXCHANGES.filter((e) => e.id !== exchange.id);

  it('distinctive shapes do not match any other exchange’s samples', () => {
    for (const exchange of EXCHANGES)
      for (const shape of exchange.shapes.filter((s) => s.distinctive))
        for (const other of others(exchange))
          for (const otherShape of other.shapes)
            for (const value of valuesOf(otherShape))
              expect(shape.pattern.test(value), `${shape.id} vs ${otherShape.id}`).toBe(false);
  });

  it.each(['bitget.apiKey', 'mexc.apiKey', 'gemini.apiKey', 'coinbase.apiKey.ecdsa'])(
    'prefixed shape %s claims no other exchange’s samples',
    (shapeId) => {
      const exchange = EXCHANGES.find((e) => e.shapes.some((s) => s.id === shapeId));
      const shape = exchange?.shapes.find((s) => s.id === shapeId);
      if (exchange === undefined || shape === undefined) throw new Error(`missing ${shapeId}`);
      for (const other of others(exchange))
        for (const otherShape of other.shapes)
          for (const value of valuesOf(otherShape))
            expect(shape.pattern.test(value), otherShape.id).toBe(false);
    },
  );

  it('no other exchange’s shape claims a Bitget "bg_" key', () => {
    const bitget = getExchange('bitget');
    const key = bitget.shapes.find((s) => s.id === 'bitget.apiKey');
    for (const value of key === undefined ? [] : valuesOf(key))
      for (const other of others(bitget))
        for (const shape of other.shapes) expect(shape.pattern.test(value), shape.id).toBe(false);
  });
});

describe('domains', () => {
  it.each(['tj-binance.com', 'binance.com.evil.io', 'evilbinance.com', 'binance.co', 'binance.com-login.io'])(
    'rejects look-alike %s',
    (host) => {
      expect(hostMatchesDomain(host, 'binance.com')).toBe(false);
      expect(exchangeForHost(host)).toBeUndefined();
    },
  );

  it('rejects okx.com.phish.net', () => {
    expect(hostMatchesDomain('okx.com.phish.net', 'okx.com')).toBe(false);
    expect(exchangeForHost('okx.com.phish.net')).toBeUndefined();
  });

  it.each([
    'binance.com',
    'www.binance.com',
    'api.binance.com',
    'accounts.binance.com',
    'WWW.Binance.COM',
    'binance.com.',
  ])('accepts %s as Binance', (host) => {
    expect(hostMatchesDomain(host, 'binance.com')).toBe(true);
    expect(exchangeForHost(host)?.id).toBe('binance');
  });

  it.each([
    ['exchange.coinbase.com', 'coinbaseexchange'],
    ['api.exchange.coinbase.com', 'coinbaseexchange'],
    ['www.coinbase.com', 'coinbase'],
    ['api.coinbase.com', 'coinbase'],
    ['api.gateio.ws', 'gate'],
    ['api.huobi.pro', 'htx'],
    ['testnet.binancefuture.com', 'binance'],
    ['www.okx.com', 'okx'],
  ])('maps %s to %s', (host, id) => {
    expect(exchangeForHost(host)?.id).toBe(id);
  });

  it('matches API hosts exactly, not their subdomains', () => {
    expect(exchangeForHost('evil.api.gateio.ws')).toBeUndefined();
    expect(exchangeForHost('gateio.ws')).toBeUndefined();
  });

  it.each(['', '.', 'binance..com', 'bin ance.com', 'binance.com:443', '-binance.com'])(
    'refuses malformed host %j',
    (host) => {
      expect(hostMatchesDomain(host, 'binance.com')).toBe(false);
    },
  );

  it('checks official URLs by scheme, host, port and user info', () => {
    const binance = getExchange('binance');
    expect(isOfficialUrl('https://www.binance.com/en/my/settings/api-management', binance)).toBe(true);
    expect(isOfficialUrl('https://api.binance.com/sapi/v1/account/apiRestrictions', binance)).toBe(true);
    expect(isOfficialUrl('http://www.binance.com/', binance)).toBe(false);
    expect(isOfficialUrl('https://www.binance.com:8443/', binance)).toBe(false);
    expect(isOfficialUrl('https://www.binance.com@evil.io/', binance)).toBe(false);
    expect(isOfficialUrl('https://user:pw@www.binance.com/', binance)).toBe(false);
    expect(isOfficialUrl('https://tj-binance.com/', binance)).toBe(false);
    expect(isOfficialUrl('not a url', binance)).toBe(false);
    expect(isOfficialUrl('https://www.okx.com/', binance)).toBe(false);
  });
});
