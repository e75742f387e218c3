import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../harness/axe';
import { ChromiumExtension } from '../harness/chromium';
import { ask } from '../harness/messages';
import { setClipboard } from '../harness/paste';
import { startFixtureServer, type FixtureServer } from '../harness/server';

const PASSPHRASE = 'correct horse battery staple orbit';
const DAY = 86_400_000;
// Synthetic values of real shapes; never real keys.
const BINANCE = {
  apiKey: 'Qm7Rt2Lx9Vb4Nc8Zp1Ks6Hd3Wf5Jg0Ty2Ua7Ie4Ob9Pl3Mk8Nj1Hb6Gv5Fc0Dx2S',
  secret: 'Vd8fQ2kLm9PzR4tY7uWx1cE3bN6aS0hJ5gK2lM8nB4vC7xZ9qW3eR6tY1uI0oP5a',
};
const BYBIT = { apiKey: 'Xk3Lm9Qp2Rt7Vw4Yz1', secret: 'Hd3Wf5Jg0Ty2Ua7Ie4Ob9Pl3Mk8Nj1Hb6Gv5' };
const OKX = {
  apiKey: '5f8e2d1c-3b4a-4c6d-9e8f-7a6b5c4d3e2f',
  secret: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
  passphrase: 'Tr4der!Pass-phrase',
};
const COINBASE_NAME =
  'organizations/3f2504e0-4f89-41d3-9a0c-0305e82c3301/apiKeys/7c9e6679-7425-40de-944b-e07fc1f90ae7';
// A syntactically valid SEC1 PEM block made of filler: the form only stores it.
const COINBASE_PEM = [
  '-----BEGIN EC PRIVATE KEY-----',
  'MHcCAQEEIB3Jq8Zt1QmWv7Xk2Lp9Rs4Tu6Vw8Yz0Ab1Cd2Ef3Gh4oAoGCCqGSM49',
  'AwEHoUQDQgAE5Fg6Hi7Jk8Lm9Np0Qr1St2Uv3Wx4Yz5Ab6Cd7Ef8Gh9Ij0Kl1Mn2',
  'Op3Qr4St5Uv6Wx7Yz8Ab9Cd0Ef1Gh2Ij3Kl4Mn5Op6Qr7==',
  '-----END EC PRIVATE KEY-----',
].join('\n');

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('popup in Chromium: inventory, audit, badge, lock, copy', () => {
  let browser: ChromiumExtension;
  let server: FixtureServer;
  let popup: Page;
  const violations: Record<string, unknown[]> = {};

  const checkA11y = async (view: string) => {
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      const found = await seriousViolations(popup);
      if (found.length > 0) violations[`${view} (${scheme})`] = found;
    }
    await popup.emulateMedia({ colorScheme: 'light' });
  };

  const openAddForm = async () => {
    await popup.goto(browser.url('popup/index.html#/add'));
    await popup.getByRole('heading', { name: 'Add a key' }).waitFor();
  };

  const save = async () => {
    await popup.getByRole('button', { name: 'Save' }).click();
    await popup.waitForURL(/#\/key\//);
  };

  beforeAll(async () => {
    server = await startFixtureServer();
    // The copy test needs clipboardRead, which the shipped build asks for at the first copy.
    browser = await ChromiumExtension.launch({ variant: 'test-grants' });
    popup = await browser.openPopup();
    await popup.setViewportSize({ width: 400, height: 640 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a new user creates a vault', async () => {
    await popup.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await checkA11y('first run');
    await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await popup.getByLabel('Type the passphrase again').fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Create vault' }).click();
    await popup.getByRole('heading', { name: 'Your API keys' }).waitFor();
    await checkA11y('empty inventory');
  });

  it('adds a Binance key with withdrawals on and no IP allow-list', async () => {
    await openAddForm();
    await popup.getByLabel('Exchange').selectOption('binance');
    await popup.getByLabel('Label', { exact: true }).fill('grid bot');
    await popup.getByLabel('API Key', { exact: true }).fill(BINANCE.apiKey);
    await popup.getByLabel('Secret Key', { exact: true }).fill(BINANCE.secret.slice(0, 63));
    // A non-blocking hint about the shape, then the right value.
    await expect.poll(() => popup.getByText(/64/).count()).toBeGreaterThan(0);
    await popup.getByLabel('Secret Key', { exact: true }).fill(BINANCE.secret);
    await popup.getByRole('checkbox', { name: /Enable Reading/ }).check();
    await popup.getByRole('checkbox', { name: /Enable Spot & Margin Trading/ }).check();
    await popup.getByRole('checkbox', { name: /Enable Withdrawals/ }).check();
    await popup.getByRole('radio', { name: /None: the key works from any IP address/ }).check();
    await checkA11y('add form');
    await save();
  });

  it('adds a Bybit key created 80 days ago without IP binding', async () => {
    await openAddForm();
    await popup.getByLabel('Exchange').selectOption('bybit');
    await popup.getByLabel('Label', { exact: true }).fill('dca bot');
    await popup.getByLabel('API Key', { exact: true }).fill(BYBIT.apiKey);
    await popup.getByLabel('API Secret', { exact: true }).fill(BYBIT.secret);
    await popup.getByRole('radio', { name: /None: the key works from any IP address/ }).check();
    await popup.getByLabel('Created', { exact: true }).fill(isoDay(Date.now() - 80 * DAY));
    await save();
  });

  it('adds an OKX key with a passphrase', async () => {
    await openAddForm();
    await popup.getByLabel('Exchange').selectOption('okx');
    await popup.getByLabel('Label', { exact: true }).fill('tax tool');
    await popup.getByLabel('API key', { exact: true }).fill(OKX.apiKey);
    await popup.getByLabel('Secret key', { exact: true }).fill(OKX.secret);
    await popup.getByLabel('Passphrase', { exact: true }).fill(OKX.passphrase);
    await popup.getByRole('checkbox', { name: /^Read/ }).check();
    await save();
  });

  it('adds a Coinbase CDP key with its PEM private key', async () => {
    await openAddForm();
    await popup.getByLabel('Exchange').selectOption('coinbase');
    await popup.getByLabel('Label', { exact: true }).fill('portfolio tracker');
    await popup.getByRole('radio', { name: 'ECDSA' }).check();
    await popup.getByLabel('API key name', { exact: true }).fill(COINBASE_NAME);
    await popup.getByLabel('Private key', { exact: true }).fill(COINBASE_PEM);
    await save();
    await checkA11y('key detail');
  });

  it('the audit shows the expected findings with reasons, and the badge count matches', async () => {
    const audit = await ask(popup, 'audit.get', {});
    const { credentials } = await ask(popup, 'vault.list', {});
    expect(credentials).toHaveLength(4);
    const byLabel = Object.fromEntries(credentials.map((c) => [c.label, audit.perKey[c.id]!]));
    const checks = (label: string) => byLabel[label]!.findings.map((f) => f.checkId);
    expect(checks('grid bot')).toEqual(
      expect.arrayContaining(['withdrawal-enabled', 'trade-and-withdraw', 'no-ip-allowlist']),
    );
    expect(checks('dca bot')).toEqual(expect.arrayContaining(['exchange-expiry', 'no-ip-allowlist']));
    const expiry = byLabel['dca bot']!.findings.find((f) => f.checkId === 'exchange-expiry' && f.countdown);
    expect(expiry?.countdown?.days).toBeGreaterThanOrEqual(9);
    expect(expiry?.countdown?.days).toBeLessThanOrEqual(11);
    expect(checks('tax tool')).toContain('ip-allowlist-unknown');

    const worker = await browser.worker();
    const badge = await worker.evaluate(() => chrome.action.getBadgeText({}));
    expect(badge).toBe(String(audit.badge));
    expect(audit.badge).toBe(audit.overall.keysNeedingAction);
    expect(audit.badge).toBeGreaterThanOrEqual(1);

    // The reasons are on screen, in words.
    await popup.goto(
      browser.url(`popup/index.html#/key/${credentials.find((c) => c.label === 'grid bot')!.id}`),
    );
    await popup.getByTestId('finding-withdrawal-enabled').waitFor();
    expect(await popup.getByTestId('finding-withdrawal-enabled').textContent()).toMatch(/withdraw/i);
    await popup.goto(browser.url('popup/index.html#/'));
    await popup.getByTestId(`credential-${credentials[0]!.id}`).waitFor();
    await checkA11y('inventory');
  });

  it('lock and unlock keep everything', async () => {
    const before = await ask(popup, 'vault.list', {});
    await popup.getByRole('button', { name: 'Lock now' }).click();
    await popup.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
    await checkA11y('unlock');
    await popup.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase entirely');
    await popup.getByRole('button', { name: 'Unlock', exact: true }).click();
    await popup.getByText('Wrong passphrase. Try again.').waitFor();
    await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Unlock', exact: true }).click();
    await popup.getByRole('heading', { name: 'Unlock your vault' }).waitFor({ state: 'detached' });
    await popup.getByRole('button', { name: 'Lock now' }).waitFor();
    const after = await ask(popup, 'vault.list', {});
    expect(after.credentials).toEqual(before.credentials);
    const id = after.credentials.find((c) => c.label === 'grid bot')!.id;
    expect(await ask(popup, 'vault.reveal', { id, field: 'secret' })).toEqual({ value: BINANCE.secret });
  });

  it('copy puts the secret on the clipboard and it is cleared after the delay', async () => {
    await ask(popup, 'settings.set', { patch: { clipboardClearSeconds: 5 } });
    const { credentials } = await ask(popup, 'vault.list', {});
    const id = credentials.find((c) => c.label === 'grid bot')!.id;
    // A page on 127.0.0.1 that may read the clipboard, as the user's next paste would.
    await setClipboard(browser.context, 'something older', server.url('/'));
    const reader = browser.context.pages().find((p) => p.url().startsWith(server.url('/')))!;
    await popup.goto(browser.url(`popup/index.html#/key/${id}`));
    await popup.bringToFront();
    await popup.getByRole('button', { name: /Copy Secret Key/ }).click();
    await popup.getByText(/cleared in/i).waitFor();
    await reader.bringToFront();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(BINANCE.secret);
    expect(await popup.content()).not.toContain(BINANCE.secret);
    await expect
      .poll(() => reader.evaluate(() => navigator.clipboard.readText()), { timeout: 12_000, interval: 500 })
      .toBe('');
  }, 30_000);

  it('every other view passes an automated accessibility check', async () => {
    const { credentials } = await ask(popup, 'vault.list', {});
    const okx = credentials.find((c) => c.label === 'tax tool')!;
    const incident = await ask(popup, 'incident.open', { credentialId: okx.id, source: 'popup' });
    for (const [view, hash] of [
      ['incident', `#/incident/${incident.incident.id}`],
      ['revoke everything', '#/revoke-all'],
      ['settings', '#/settings'],
      ['signature checker', '#/signature'],
      ['edit form', `#/edit/${okx.id}`],
    ] as const) {
      await popup.goto(browser.url(`popup/index.html${hash}`));
      await popup.locator('h1, h2').first().waitFor();
      await popup.waitForLoadState('networkidle');
      await checkA11y(view);
    }
    expect(violations).toEqual({});
  });
});
