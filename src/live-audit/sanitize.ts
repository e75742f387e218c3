/**
 * Exchange messages go into results shown to the user. They are untrusted text: cut them short, and scrub any
 * credential value an exchange might echo back (some echo the api key; none should echo a secret, but a broken
 * proxy might).
 */
import type { Credentials } from './types';

export const MESSAGE_LIMIT = 200;

export function sanitizeMessage(message: string, credentials?: Credentials): string {
  // Control characters (ANSI escapes, NULs) become spaces so the text is safe to show.
  let out = Array.from(message, (c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  if (credentials !== undefined) {
    const values = [credentials.apiKey, credentials.secret, credentials.passphrase, credentials.privateKey]
      .filter((v): v is string => typeof v === 'string' && v.trim().length >= 4)
      .sort((a, b) => b.length - a.length);
    for (const value of values) out = out.split(value.trim()).join('[redacted]');
  }
  if (out.length > MESSAGE_LIMIT) out = `${out.slice(0, MESSAGE_LIMIT - 1)}…`;
  return out;
}
