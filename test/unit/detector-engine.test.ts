import { describe, expect, it } from 'vitest';
import { detect, previewOf, type Finding } from '../../src/detector/index';
import { hintOf, labelBefore } from '../../src/detector/label';
import { findPassphraseValues } from '../../src/detector/passphrase';
import { findPemBlocks, findPrivateKeyPems } from '../../src/detector/pem';
import { DETECTOR_RULES } from '../../src/detector/rules.generated';
import { forEachToken } from '../../src/detector/tokenize';
import { prng } from '../corpus/corpus';

const rnd = prng(3);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;
const chars = (alphabet: string, n: number) =>
  Array.from({ length: n }, () => alphabet.charAt(Math.floor(rnd() * alphabet.length))).join('');

const tokens = (text: string) => {
  const out: string[] = [];
  forEachToken(text, (s, e) => out.push(text.slice(s, e)));
  return out;
};
const alarms = (text: string): Finding[] =>
  detect(text, DETECTOR_RULES).filter((f) => f.confidence !== 'low');

describe('tokenize', () => {
  it('splits at = except for base64 padding, and drops JSON escape letters', () => {
    expect(tokens('KEY=abc123 x="Zm9vYmFyYg==" y=Zm9vYmFyYmE=&z')).toEqual([
      'KEY',
      'abc123',
      'x',
      'Zm9vYmFyYg==',
      'y',
      'Zm9vYmFyYmE=',
      'z',
    ]);
    expect(tokens('SECRET_KEY= Zm9vYmFyYg=')).toEqual(['SECRET_KEY', 'Zm9vYmFyYg']);
    expect(tokens('"line\\nAbCdEf\\tGh"')).toEqual(['line', 'AbCdEf', 'Gh']);
    expect(tokens('a+b/c_d-e')).toEqual(['a+b/c_d-e']);
    expect(tokens('')).toEqual([]);
  });
});

describe('label', () => {
  it('reads the words before a value and what they call it', () => {
    const text = 'x = 1, BINANCE_API_SECRET="v"';
    const label = labelBefore(text, text.indexOf('v"'));
    expect(label.text).toBe('binanceapisecret');
    expect(hintOf('binanceapisecret')).toBe('secret');
    expect(hintOf('binanceapikey')).toBe('apiKey');
    expect(hintOf('mybinancesecretkeyis')).toBe('secret');
    expect(hintOf('cdpapikeysecret')).toBe('secret');
    expect(hintOf('privatekey')).toBe('privateKey');
    expect(hintOf('okaccesspassphrase')).toBe('passphrase');
    expect(hintOf('apisign')).toBe('not-secret');
    expect(hintOf('txid')).toBe('not-secret');
    expect(hintOf('colour')).toBe(null);
  });
});

describe('pem', () => {
  it('finds private keys with real or JSON-escaped line breaks, and truncated ones', () => {
    const body = chars(B64, 160);
    const real = `-----BEGIN EC PRIVATE KEY-----\n${body.slice(0, 64)}\n${body.slice(64)}\n-----END EC PRIVATE KEY-----`;
    const [a] = findPrivateKeyPems(`x ${real} y`);
    expect(a).toMatchObject({
      start: 2,
      end: 2 + real.length,
      label: 'EC PRIVATE KEY',
      body,
      complete: true,
    });
    const escaped = real.replace(/\n/g, '\\n');
    expect(findPrivateKeyPems(`{"privateKey": "${escaped}\\n"}`)[0]).toMatchObject({ body, complete: true });
    const truncated = real.slice(0, 100);
    expect(findPrivateKeyPems(truncated)[0]).toMatchObject({ complete: false });
    expect(findPrivateKeyPems(`-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`)).toEqual([]);
    expect(findPemBlocks(`-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`)).toHaveLength(1);
  });
});

describe('passphrase', () => {
  it('finds assigned passphrases and skips references', () => {
    const values = (text: string) => findPassphraseValues(text).map((p) => text.slice(p.start, p.end));
    expect(values('OKX_PASSPHRASE=Moon4xQ!\n')).toEqual(['Moon4xQ!']);
    expect(values('"password": "Tr@de2024"')).toEqual(['Tr@de2024']);
    expect(values('KC-API-PASSPHRASE: HodlBot9')).toEqual(['HodlBot9']);
    expect(values('my passphrase is Sats_77x')).toEqual(['Sats_77x']);
    expect(values('passphrase = os.environ["OKX_PASSPHRASE"]')).toEqual([]);
    expect(values('password: process.env.PW')).toEqual([]);
    expect(values('passphrase: str')).toEqual([]);
    expect(values('OKX_PASSPHRASE=${OKX_PASSPHRASE}')).toEqual([]);
    expect(values('passphrase=userPassphrase')).toEqual([]);
    expect(values('the passphrase is required')).toEqual([]);
  });
});

describe('detect', () => {
  it('reports API keys below secrets, and pairs strengthen each other', () => {
    const key = chars(ALNUM, 64);
    const secret = chars(ALNUM, 64);
    const findings = detect(`BINANCE_API_KEY=${key}\nBINANCE_API_SECRET=${secret}\n`, DETECTOR_RULES);
    expect(findings.map((f) => [f.kind, f.confidence, f.exchange])).toEqual([
      ['apiKey', 'medium', 'binance'],
      ['secret', 'high', 'binance'],
    ]);
  });

  it('flags distinctive bare secrets and PEM keys of any kind', () => {
    expect(alarms(chars(ALNUM, 64))).toHaveLength(1);
    expect(alarms(`${chars(B64, 86)}==`)).toHaveLength(1);
    for (const label of [
      'PRIVATE KEY',
      'RSA PRIVATE KEY',
      'EC PRIVATE KEY',
      'OPENSSH PRIVATE KEY',
      'ENCRYPTED PRIVATE KEY',
    ]) {
      const pem = `-----BEGIN ${label}-----\n${chars(B64, 64)}\n${chars(B64, 40)}\n-----END ${label}-----\n`;
      expect(
        alarms(pem).map((f) => [f.kind, f.confidence]),
        label,
      ).toEqual([['privateKey', 'high']]);
    }
  });

  it('does not alarm on digests, hashes, addresses, UUIDs, JWTs, images, placeholders or env reads', () => {
    const texts = [
      `commit ${chars('0123456789abcdef', 40)}`,
      `${chars('0123456789abcdef', 64)}  file.tar.gz`,
      `binance withdrawal txid ${chars('0123456789abcdef', 64)}`,
      `0x${chars('0123456789abcdef', 64)}`,
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      `order ${crypto.randomUUID()} on okx`,
      `Bearer eyJ${chars(ALNUM, 30)}.eyJ${chars(ALNUM, 60)}.${chars(ALNUM, 43)}`,
      `<img src="data:image/png;base64,${chars(B64, 200)}">`,
      `integrity="sha384-${chars(B64, 64)}"`,
      'BINANCE_API_KEY=YOUR_API_KEY\nBINANCE_API_SECRET=<your secret>\nOKX_PASSPHRASE=xxxxxxxx',
      "secret = os.environ['BINANCE_SECRET']\nkey = process.env.KRAKEN_API_KEY\npw = os.getenv('OKX_PASSPHRASE')",
      'Create an API key on Kraken, then paste the API key and the private key into the bot settings.',
    ];
    for (const t of texts) expect(alarms(t), t.slice(0, 40)).toEqual([]);
  });

  it('names the venue from the label, a nearby mention, or the shape', () => {
    expect(alarms(`KRAKEN_API_SECRET=${chars(B64, 86)}==`)[0]?.exchange).toBe('kraken');
    expect(alarms(`exchange: kucoin\nsecret: ${crypto.randomUUID()}`)[0]?.exchange).toBe('kucoin');
    expect(alarms(`MEXC_API_KEY=mx0${chars(ALNUM, 15)}`)[0]?.exchange).toBe('mexc');
    expect(alarms(`${chars(ALNUM, 64)}`)[0]?.exchange).toBe(null);
  });

  it('credits a venue named up to 200 characters after a value, and reads keywords around far-apart values', () => {
    // Gemini's and Crypto.com's secrets share this shape; only the name after the value tells them apart.
    const secret = chars(ALNUM, 28);
    const at = (gap: number) => detect(`${secret}${' '.repeat(gap - 1)}.gemini`, DETECTOR_RULES)[0]?.exchange;
    expect(at(200)).toBe('gemini');
    expect(at(201)).toBe(null);
    // Keywords are looked for lazily around each value: a name far before the second value must still be found.
    const key = chars(ALNUM, 64);
    const text = `${'word '.repeat(400)}kraken secret = "${chars(B64, 86)}=="\n${'word '.repeat(400)}binance secret: ${key}`;
    expect(alarms(text).map((f) => f.exchange)).toEqual(['kraken', 'binance']);
  });

  it('gives offsets in UTF-16 code units', () => {
    const secret = chars(ALNUM, 64);
    const text = `🔑 é binance secret: ${secret}`;
    const [f] = alarms(text);
    expect(text.slice(f?.start, f?.end)).toBe(secret);
  });
});

describe('previewOf', () => {
  it('shows at most four characters', () => {
    expect(previewOf('AbCdEfGh')).toBe('AbCd…');
    expect(previewOf('ab')).toBe('ab…');
    expect(previewOf('🔑🔑🔑🔑🔑')).toBe('🔑🔑🔑🔑…');
  });
});
