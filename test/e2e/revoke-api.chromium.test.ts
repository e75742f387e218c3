import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findAllowed } from '../../src/live-audit/allowlist';
import { ChromiumExtension } from '../harness/chromium';
import {
  startExchangeStandin,
  STANDIN_HOSTS,
  type ExchangeStandin,
  type RecordedRequest,
} from '../harness/exchange-standin';
import { ask, call } from '../harness/messages';

const PASSPHRASE = 'correct horse battery staple orbit';
// Synthetic Bybit-shaped keys (18-character key, 36-character secret); never real ones.
const DOOMED = { apiKey: 'Rv7Kp2Lq9Wx4Zt1Mn6', secret: 'Hd3Wf5Jg0Ty2Ua7Ie4Ob9Pl3Mk8Nj1Hb6Gv5' };
const READ_ONLY = { apiKey: 'Qa8Ws3Ed6Rf1Tg4Yh7', secret: 'Zx9Cv2Bn5Mq8Wl1Ek4Rj7Tu0Yi3Op6As9Df2' };
const DELETE_PATH = '/v5/user/delete-api';

// The Binance spot docs' signed-endpoint example (HMAC key): https://developers.binance.com/docs/binance-spot-api-docs/rest-api/endpoint-security-type
const BINANCE_EXAMPLE = {
  path: '/api/v3/order',
  query:
    'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559',
  apiKey: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
  secret: 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
  signature: 'c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71',
};

const urlOf = (r: RecordedRequest) => `https://${r.host}${r.path}${r.query === '' ? '' : `?${r.query}`}`;

/** Bybit v5 POST signature, computed here apart from src/: timestamp + api key + recvWindow + raw body. */
function bybitSignatureOk(request: RecordedRequest, secret: string): boolean {
  const h = request.headers;
  const prehash = `${h['x-bapi-timestamp'] ?? ''}${h['x-bapi-api-key'] ?? ''}${h['x-bapi-recv-window'] ?? ''}${request.body}`;
  return createHmac('sha256', secret).update(prehash).digest('hex') === h['x-bapi-sign'];
}

describe('Revoke via API and the signature checker in Chromium', () => {
  let standin: ExchangeStandin;
  let browser: ChromiumExtension;
  let popup: Page;
  let doomedId: string;
  let readOnlyId: string;

  beforeAll(async () => {
    standin = await startExchangeStandin([
      { ...DOOMED, behaviour: 'valid' },
      { ...READ_ONLY, behaviour: 'read-only' },
    ]);
    // Exchange hosts reach the stand-in in this test browser only; its certificate is self-signed.
    browser = await ChromiumExtension.launch({
      variant: 'test-grants',
      hostRules: STANDIN_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${standin.port}`),
      args: ['--ignore-certificate-errors'],
    });
    popup = await browser.openPopup();
    await ask(popup, 'vault.create', { passphrase: PASSPHRASE });
    doomedId = (
      await ask(popup, 'vault.add', { input: { exchange: 'bybit', label: 'grid bot', secrets: DOOMED } })
    ).id;
    readOnlyId = (
      await ask(popup, 'vault.add', { input: { exchange: 'bybit', label: 'reader', secrets: READ_ONLY } })
    ).id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await standin?.close();
  });

  const deletes = () => standin.requests.filter((r) => r.path === DELETE_PATH);

  it('revokes a key from its incident after two confirmations, and ticks the revoke step', async () => {
    await popup.goto(browser.url(`popup/index.html#/key/${doomedId}`));
    // The vault was set up through messages while this page showed first run: load the app afresh.
    await popup.reload();
    await popup.getByRole('button', { name: 'This key may be compromised' }).click();
    await popup.getByRole('dialog').getByRole('button', { name: 'Open the checklist' }).click();
    await popup.getByRole('heading', { name: 'Compromise checklist: grid bot' }).waitFor();
    expect(deletes()).toHaveLength(0);

    await popup.getByRole('button', { name: 'Revoke via API' }).click();
    const dialog = popup.getByRole('dialog', { name: 'Delete "grid bot" at Bybit?' });
    await dialog.waitFor();
    const hint = (await ask(popup, 'vault.list', {})).credentials.find((c) => c.id === doomedId)?.apiKeyHint;
    expect(hint).toBeTruthy();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain(`"grid bot" (${hint!})`);
    expect(text).toContain('cannot be undone');
    // The first click only opened the dialog: nothing has been sent yet.
    expect(deletes()).toHaveLength(0);
    await dialog.getByRole('button', { name: 'Delete this key at Bybit' }).click();

    await popup.getByText('Bybit deleted this key.').waitFor({ timeout: 20_000 });
    const sent = deletes();
    expect(sent).toHaveLength(1);
    const request = sent[0]!;
    expect(request).toMatchObject({ host: 'api.bybit.com', method: 'POST', query: '', body: '{}' });
    expect(request.headers['x-bapi-api-key']).toBe(DOOMED.apiKey);
    expect(bybitSignatureOk(request, DOOMED.secret)).toBe(true);
    expect(JSON.stringify(standin.requests)).not.toContain(DOOMED.secret);

    // The revoke step is ticked, on screen and in the stored incident; the checklist can now be finished.
    await expect.poll(() => popup.locator('#step-revoke').isChecked()).toBe(true);
    const incidentId = decodeURIComponent(new URL(popup.url()).hash.replace('#/incident/', ''));
    const view = await ask(popup, 'incident.get', { id: incidentId });
    expect(view.incident.steps.find((s) => s.kind === 'revoke')?.doneAt).not.toBeNull();
    expect(view.progress.canFinish).toBe(true);
    await expect.poll(() => popup.getByRole('button', { name: 'Revoke via API' }).count()).toBe(0);
  }, 60_000);

  it('refuses a revoke without a prepared, unused token for that key, and sends nothing', async () => {
    const before = deletes().length;
    for (const confirm of ['', 'not-a-token', 'A'.repeat(43)]) {
      const reply = await call(popup, 'liveAudit.revoke', { credentialId: readOnlyId, confirm });
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('confirmation-needed');
    }
    const missing = await call(popup, 'liveAudit.revoke', { credentialId: readOnlyId } as never);
    expect(missing.ok).toBe(false);
    // A token prepared for another key does not work either, and is spent by the attempt.
    const other = await ask(popup, 'liveAudit.revokePrepare', { credentialId: readOnlyId });
    const wrongKey = await call(popup, 'liveAudit.revoke', { credentialId: doomedId, confirm: other.token });
    expect(wrongKey.ok || wrongKey.error.code).toBe('confirmation-needed');
    expect(deletes().length).toBe(before);

    // A proper token works once: the exchange refuses this key (it lacks the rights), and the token is spent.
    const prepared = await ask(popup, 'liveAudit.revokePrepare', { credentialId: readOnlyId });
    expect(prepared).toMatchObject({ label: 'reader' });
    expect(prepared.expiresAt - Date.now()).toBeLessThanOrEqual(60_000);
    const outcome = await ask(popup, 'liveAudit.revoke', {
      credentialId: readOnlyId,
      confirm: prepared.token,
    });
    expect(outcome.result).toMatchObject({ state: 'rejected', code: '10005' });
    const reused = await call(popup, 'liveAudit.revoke', {
      credentialId: readOnlyId,
      confirm: prepared.token,
    });
    expect(reused.ok || reused.error.code).toBe('confirmation-needed');
    expect(deletes().length).toBe(before + 1);
  }, 30_000);

  it('never sends a self-delete from the live audit', async () => {
    const before = deletes().length;
    const result = await ask(popup, 'liveAudit.run', { credentialId: readOnlyId });
    expect(result.state).toBe('valid');
    expect(deletes().length).toBe(before);
  }, 30_000);

  it('sent only allow-listed requests: the self-deletes on the revoke list, everything else on the audit’s', () => {
    expect(standin.requests.length).toBeGreaterThan(0);
    for (const request of standin.requests) {
      const url = urlOf(request);
      const entry =
        request.path === DELETE_PATH
          ? findAllowed(request.method, url, true, 'revoke')
          : findAllowed(request.method, url, false);
      expect(entry, url).not.toBeNull();
      if (request.path === DELETE_PATH) expect(entry?.purpose).toBe('revoke');
    }
  });

  it('signature checker: shows the Binance docs example signature', async () => {
    await popup.goto(browser.url('popup/index.html#/signature'));
    await popup.reload();
    await popup.getByLabel('Exchange').selectOption('binance');
    await popup.getByLabel('Method').selectOption('POST');
    await popup.getByLabel('Path').fill(BINANCE_EXAMPLE.path);
    await popup.getByLabel('Query (without ?)').fill(BINANCE_EXAMPLE.query);
    await popup.getByLabel('Test credentials I type').check();
    await popup.getByLabel('API key', { exact: true }).fill(BINANCE_EXAMPLE.apiKey);
    await popup.locator('#sig-secret').fill(BINANCE_EXAMPLE.secret);
    await popup.getByRole('button', { name: 'Show the signature' }).click();
    await popup.getByRole('heading', { name: 'Signature', exact: true }).waitFor();
    await popup.getByText(BINANCE_EXAMPLE.signature, { exact: true }).first().waitFor();
    const status = await popup.locator('.explanation').textContent();
    expect(status).toContain(BINANCE_EXAMPLE.signature);
    expect(status).toContain(`${BINANCE_EXAMPLE.query}&signature=${BINANCE_EXAMPLE.signature}`);
    // The secret is never shown back.
    expect(status).not.toContain(BINANCE_EXAMPLE.secret);
  }, 30_000);
});
