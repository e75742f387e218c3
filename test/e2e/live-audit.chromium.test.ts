import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findAllowed } from '../../src/live-audit/allowlist';
import { ChromiumExtension } from '../harness/chromium';
import { startExchangeStandin, STANDIN_HOSTS, type ExchangeStandin } from '../harness/exchange-standin';
import { ask } from '../harness/messages';

const PASSPHRASE = 'correct horse battery staple orbit';
const SECRET = 'Vd8fQ2kLm9PzR4tY7uWx1cE3bN6aS0hJ5gK2lM8nB4vC7xZ9qW3eR6tY1uI0oP5a';
// Synthetic 64-character Binance-shaped api keys, one per behaviour of the stand-in.
const key = (tag: string) =>
  `${tag}${'Qm7Rt2Lx9Vb4Nc8Zp1Ks6Hd3Wf5Jg0Ty2Ua7Ie4Ob9Pl3Mk8Nj1Hb6Gv5Fc0Dx2S'}`.slice(0, 64);
const KEYS = { valid: key('VALID'), rejected: key('REJECT'), limited: key('LIMIT'), hang: key('HANG') };

describe('live key audit in Chromium against a local exchange stand-in', () => {
  let standin: ExchangeStandin;
  let browser: ChromiumExtension;
  let popup: Page;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    standin = await startExchangeStandin([
      { apiKey: KEYS.valid, secret: SECRET, behaviour: 'valid' },
      { apiKey: KEYS.rejected, secret: SECRET, behaviour: 'rejected' },
      { apiKey: KEYS.limited, secret: SECRET, behaviour: 'rate-limited' },
      { apiKey: KEYS.hang, secret: SECRET, behaviour: 'hang' },
    ]);
    // Exchange hosts reach the stand-in in this test browser only; its certificate is self-signed.
    browser = await ChromiumExtension.launch({
      variant: 'test-grants',
      hostRules: STANDIN_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${standin.port}`),
      args: ['--ignore-certificate-errors'],
    });
    popup = await browser.openPopup();
    await ask(popup, 'vault.create', { passphrase: PASSPHRASE });
    for (const [name, apiKey] of Object.entries(KEYS)) {
      const meta = await ask(popup, 'vault.add', {
        input: {
          exchange: 'binance',
          label: `key ${name}`,
          secrets: { apiKey, secret: SECRET },
          // Recorded as read-only: the exchange will report more for the valid key.
          permissions: ['reading'],
          ipAllowlist: { state: 'list', entries: ['203.0.113.7'] },
        },
      });
      ids[name] = meta.id;
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await standin?.close();
  });

  /** Clicks "Check with the exchange" on the key's page, as a user does, and returns the panel's text. */
  const checkInPopup = async (id: string, expected: RegExp) => {
    await popup.goto(browser.url(`popup/index.html#/key/${id}`));
    // The vault was set up through messages while this page showed first run: load the app afresh.
    await popup.reload();
    await popup.getByRole('button', { name: 'Check with the exchange' }).click();
    await popup.getByText(expected).first().waitFor({ timeout: 20_000 });
  };

  it('reports a valid key with the permissions the exchange reports, and the audit updates', async () => {
    const before = await ask(popup, 'audit.get', {});
    await checkInPopup(ids.valid!, /The exchange accepted this key/);
    const result = (await ask(popup, 'liveAudit.results', {}))[ids.valid!]!;
    expect(result.state).toBe('valid');
    if (result.state !== 'valid') return;
    expect(result.permissions.exchange).toBe('binance');
    expect(result.permissions.ids.length).toBeGreaterThan(0);
    const after = await ask(popup, 'audit.get', {});
    const findings = after.perKey[ids.valid!]!.findings.map((f) => f.checkId);
    expect(findings).toContain('live-audit-mismatch');
    expect(before.perKey[ids.valid!]!.findings.map((f) => f.checkId)).not.toContain('live-audit-mismatch');
  });

  it('reports a rejected key as invalid, with the exchange’s own message', async () => {
    await checkInPopup(ids.rejected!, /The exchange rejected this key/);
    const result = (await ask(popup, 'liveAudit.results', {}))[ids.rejected!]!;
    expect(result.state).toBe('invalid');
    if (result.state === 'invalid') expect(result.message.length).toBeGreaterThan(0);
  });

  it('reports a 429 as unknown (rate limited), never as invalid', async () => {
    await checkInPopup(ids.limited!, /No conclusion: the exchange asked to slow down/);
    expect(await popup.getByText(/rejected this key/).count()).toBe(0);
    const result = (await ask(popup, 'liveAudit.results', {}))[ids.limited!]!;
    expect(result).toMatchObject({ state: 'unknown', reason: 'rate-limited' });
  });

  it('reports a timeout as unknown, never as invalid', async () => {
    const result = await ask(popup, 'liveAudit.run', { credentialId: ids.hang! });
    expect(result).toMatchObject({ state: 'unknown', reason: 'timeout' });
  }, 30_000);

  it('sent nothing but allow-listed read-only requests, never a self-delete, and no secret on the wire', () => {
    expect(standin.requests.length).toBeGreaterThan(0);
    for (const request of standin.requests) {
      const url = `https://${request.host}${request.path}${request.query ? `?${request.query}` : ''}`;
      const signed = request.query.includes('signature=') || 'x-mbx-apikey' in request.headers;
      expect(findAllowed(request.method, url, signed), url).not.toBeNull();
      // The one non-read-only request ("Revoke via API", see revoke-api.chromium.test.ts) is never the audit's.
      expect(findAllowed(request.method, url, true, 'revoke')?.purpose, url).not.toBe('revoke');
      expect(JSON.stringify(request)).not.toContain(SECRET);
    }
  });
});
