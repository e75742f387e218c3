/**
 * Small builders shared by the exchange modules, so each module reads as data.
 */
import type { Confirmation, Fact, Source, UnknownFact } from './types';

export function source(url: string, confirmation: Confirmation, note?: string): Source {
  return note === undefined ? { url, confirmation } : { url, confirmation, note };
}

export function fact<T>(value: T, from: Source): Fact<T> {
  return { value, source: from };
}

export function unknown(reason: string): UnknownFact {
  return { unknown: reason };
}

/** Lower-case 8-4-4-4-12 UUID, as a pattern fragment (no anchors). */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A UUID-shaped value for synthetic samples. */
export const SAMPLE_UUID = '0f0e0d0c-0b0a-4908-8706-050403020100';

/**
 * A PEM block as one candidate token. The body class holds base64, whitespace and `\` (so a key pasted into an
 * .env file with escaped `\n` still matches) but never `-`, so the body cannot run into the END line: one bounded
 * quantifier, linear time.
 */
export function pemPattern(label: string, minBody: number, maxBody: number): RegExp {
  return new RegExp(
    `^-----BEGIN ${label}-----[A-Za-z0-9+/=\\s\\\\]{${minBody},${maxBody}}-----END ${label}-----\\s*$`,
  );
}

/**
 * A fake PEM block (all `A`s) for tests. Built at run time so that the source holds no complete PEM block for
 * secret scanners to trip on.
 */
export function syntheticPem(label: string, bodyLength: number): string {
  const dashes = '-----';
  const lines: string[] = [];
  for (let i = 0; i < bodyLength; i += 64) lines.push('A'.repeat(Math.min(64, bodyLength - i)));
  return `${dashes}BEGIN ${label}${dashes}\n${lines.join('\n')}\n${dashes}END ${label}${dashes}\n`;
}

/** `count` characters cycling through `alphabet`, for synthetic samples of a fixed shape. */
export function sample(alphabet: string, count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += alphabet[i % alphabet.length] ?? '';
  return out;
}

export const ALNUM = 'aB3dE5gH7jK9mN1pQ2sT4vW6yZ8';
export const HEX_LOWER = '0123456789abcdef';
export const BASE64URL = 'aB3-dE5_gH7jK9mN1pQ2sT4vW6yZ8';
export const BASE64 = 'aB3+dE5/gH7jK9mN1pQ2sT4vW6yZ8';
