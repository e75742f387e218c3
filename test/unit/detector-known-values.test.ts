import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detector/index';
import {
  findKnownValues,
  hashKnownForm,
  knownValueForms,
  type KnownHash,
  type KnownValueIndex,
} from '../../src/detector/known-values';
import { DETECTOR_RULES } from '../../src/detector/rules.generated';
import { prng } from '../corpus/corpus';

const rnd = prng(7);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;
const chars = (alphabet: string, n: number) =>
  Array.from({ length: n }, () => alphabet.charAt(Math.floor(rnd() * alphabet.length))).join('');

const SEED = 'per-install-seed-0f3a';

function indexOf(values: Record<string, string>): KnownValueIndex {
  const entries = new Map<KnownHash, string>();
  for (const [ref, value] of Object.entries(values)) {
    for (const form of knownValueForms(value)) entries.set(hashKnownForm(SEED, form), ref);
  }
  return { seed: SEED, entries };
}

describe('knownValueForms', () => {
  it('indexes high-entropy values and refuses short or low-entropy ones', () => {
    const secret = chars(ALNUM, 64);
    expect(knownValueForms(secret)).toEqual([secret]);
    expect(knownValueForms(`  ${secret}\n`)).toEqual([secret]);
    expect(knownValueForms('Hunter2024!')).toEqual([]);
    expect(knownValueForms('correcthorsebatterystaple')).toEqual([]);
    expect(knownValueForms('a'.repeat(64))).toEqual([]);
    expect(knownValueForms(chars(ALNUM, 18))).toEqual([]);
  });

  it('reduces a PEM to its base64 body, however it is wrapped', () => {
    const body = chars(B64, 160);
    const pem = `-----BEGIN EC PRIVATE KEY-----\n${body.slice(0, 64)}\n${body.slice(64, 128)}\n${body.slice(128)}\n-----END EC PRIVATE KEY-----\n`;
    expect(knownValueForms(pem)).toEqual([body]);
    expect(knownValueForms(pem.replace(/\n/g, '\\n'))).toEqual([body]);
  });
});

describe('hashKnownForm', () => {
  it('is 64 bits of lowercase hex, keyed by the seed', () => {
    const form = chars(ALNUM, 40);
    expect(hashKnownForm(SEED, form)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashKnownForm(SEED, form)).toBe(hashKnownForm(SEED, form));
    expect(hashKnownForm('another-seed', form)).not.toBe(hashKnownForm(SEED, form));
    expect(hashKnownForm(SEED, `${form}x`)).not.toBe(hashKnownForm(SEED, form));
  });

  it('spreads similar inputs (no collisions among 20,000 near-identical forms)', () => {
    const base = chars(ALNUM, 40);
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(hashKnownForm(SEED, `${base}${i}`));
    expect(seen.size).toBe(20_000);
  });
});

describe('findKnownValues', () => {
  const secret = chars(ALNUM, 64);
  const base64Secret = `${chars(B64, 86)}==`;
  const index = indexOf({ 'cred1:secret': secret, 'cred2:secret': base64Secret });

  const wrappings: Record<string, (v: string) => string> = {
    bare: (v) => v,
    quotes: (v) => `"${v}"`,
    json: (v) => `{"exchange": {"name": "x", "secret": "${v}"}}`,
    yaml: (v) => `connector: x\nx_secret_key: ${v}\n`,
    env: (v) => `SOME_VAR=1\nAPI_SECRET=${v}\n`,
    url: (v) => `https://example.com/cb?secret=${v}&next=1`,
    code: (v) => `client = Client(api_key, '${v}')`,
    chat: (v) => `[10:41] sam: here you go ${v} — don't share it`,
    escapedJson: (v) => `"message": "my secret:\\n${v}\\nthanks"`,
  };

  for (const [name, wrap] of Object.entries(wrappings)) {
    it(`finds a stored value wrapped as ${name}`, () => {
      for (const [ref, value] of [
        ['cred1:secret', secret],
        ['cred2:secret', base64Secret],
      ] as const) {
        const text = wrap(value);
        const matches = findKnownValues(text, index);
        expect(matches.map((m) => m.ref)).toEqual([ref]);
        const [m] = matches;
        expect(text.slice(m?.start, m?.end)).toBe(value);
      }
    });
  }

  it('finds a stored value that is one segment of a path', () => {
    const text = `GET /keys/${secret}/status`;
    expect(findKnownValues(text, index)).toEqual([{ ref: 'cred1:secret', start: 10, end: 74 }]);
  });

  it('finds a stored PEM private key re-wrapped or JSON-escaped', () => {
    const body = chars(B64, 164);
    const lines = body.match(/.{1,64}/g) ?? [];
    const pem = `-----BEGIN EC PRIVATE KEY-----\n${lines.join('\n')}\n-----END EC PRIVATE KEY-----\n`;
    const pemIndex = indexOf({ 'cdp:privateKey': pem });
    const json = `{"name": "organizations/x/apiKeys/y", "privateKey": "${pem.replace(/\n/g, '\\n')}"}`;
    expect(findKnownValues(json, pemIndex).map((m) => m.ref)).toEqual(['cdp:privateKey']);
    const rewrapped = `-----BEGIN EC PRIVATE KEY-----\r\n${(body.match(/.{1,76}/g) ?? []).join('\r\n')}\r\n-----END EC PRIVATE KEY-----`;
    expect(findKnownValues(rewrapped, pemIndex).map((m) => m.ref)).toEqual(['cdp:privateKey']);
  });

  it('does not match a different value of the same shape, nor a prefix of the stored one', () => {
    expect(findKnownValues(`API_SECRET=${chars(ALNUM, 64)}`, index)).toEqual([]);
    expect(findKnownValues(`API_SECRET=${secret.slice(0, 63)}`, index)).toEqual([]);
    expect(findKnownValues('', index)).toEqual([]);
  });

  it('turns matches into high-confidence known-value findings that replace shape findings', () => {
    const text = `BINANCE_API_SECRET=${secret}\nother: ${chars(ALNUM, 64)}`;
    const findings = detect(text, DETECTOR_RULES, { known: index });
    const known = findings.filter((f) => f.rule === 'known-value');
    expect(known).toEqual([
      {
        exchange: 'binance',
        kind: 'secret',
        confidence: 'high',
        rule: 'known-value',
        start: 19,
        end: 83,
        ref: 'cred1:secret',
      },
    ]);
    expect(findings.filter((f) => f.start === 19)).toHaveLength(1);
    expect(findings.some((f) => f.rule !== 'known-value')).toBe(true);
  });
});
