import { describe, expect, it } from 'vitest';
import { MESSAGE_LIMIT, sanitizeMessage } from './sanitize';

describe('sanitizeMessage', () => {
  it('scrubs credential values, longest first, and control characters', () => {
    const creds = { apiKey: 'AKEY1234', secret: 'AKEY1234-SECRET', passphrase: 'pw' };
    expect(sanitizeMessage('bad key AKEY1234 / AKEY1234-SECRET\u001b[31m\n', creds)).toBe(
      'bad key [redacted] / [redacted] [31m',
    );
    // Values shorter than 4 characters would scrub ordinary words; they are left alone.
    expect(sanitizeMessage('pw reset', creds)).toBe('pw reset');
  });

  it('truncates to the limit', () => {
    const out = sanitizeMessage('x'.repeat(500));
    expect(out).toHaveLength(MESSAGE_LIMIT);
    expect(out.endsWith('…')).toBe(true);
  });
});
