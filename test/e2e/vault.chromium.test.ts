import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ChromiumExtension } from '../harness/chromium';
import { ask, call } from '../harness/messages';
import { startFixtureServer, type FixtureServer } from '../harness/server';

const PASSPHRASE = 'correct horse battery staple orbit';
// Synthetic values of real shapes; never real keys.
const SECRETS = {
  binanceKey: 'Qm7Rt2Lx9Vb4Nc8Zp1Ks6Hd3Wf5Jg0Ty2Ua7Ie4Ob9Pl3Mk8Nj1Hb6Gv5Fc0Dx2S',
  binanceSecret: 'Vd8fQ2kLm9PzR4tY7uWx1cE3bN6aS0hJ5gK2lM8nB4vC7xZ9qW3eR6tY1uI0oP5a',
  okxKey: '5f8e2d1c-3b4a-4c6d-9e8f-7a6b5c4d3e2f',
  okxSecret: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
  okxPassphrase: 'Tr4der!Pass-phrase',
};

/** Everything in every storage area, as text, including IndexedDB records with their binary fields decoded. */
async function dumpAllStorage(browser: ChromiumExtension): Promise<Record<string, string>> {
  const worker = await browser.worker();
  return worker.evaluate(async () => {
    const bytesToText = (value: unknown): unknown => {
      if (value instanceof ArrayBuffer) return new TextDecoder('latin1').decode(value);
      if (ArrayBuffer.isView(value)) return new TextDecoder('latin1').decode(value);
      if (Array.isArray(value)) return value.map(bytesToText);
      if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bytesToText(v)]));
      return value;
    };
    const idb: Record<string, unknown> = {};
    for (const { name, version } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, version);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(request.error?.message ?? 'IndexedDB error'));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        idb[`${name}/${store}`] = await new Promise((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(bytesToText(request.result));
          request.onerror = () => reject(new Error(request.error?.message ?? 'IndexedDB error'));
        });
      }
      db.close();
    }
    return {
      indexedDB: JSON.stringify(idb),
      local: JSON.stringify(await chrome.storage.local.get(null)),
      sync: JSON.stringify(await chrome.storage.sync.get(null)),
      session: JSON.stringify(await chrome.storage.session.get(null)),
    };
  });
}

describe('vault in Chromium', () => {
  let browser: ChromiumExtension;
  let server: FixtureServer;
  let popup: Page;
  let binanceId: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await ChromiumExtension.launch();
    popup = await browser.openPopup();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a vault and adds credentials through the message API', async () => {
    expect((await ask(popup, 'vault.status', {})).state).toBe('uninitialised');
    const weak = await call(popup, 'vault.create', { passphrase: 'password1' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'weak-passphrase' } });
    const status = await ask(popup, 'vault.create', { passphrase: PASSPHRASE });
    expect(status.state).toBe('unlocked');
    expect(status.kdfIterations).toBeGreaterThanOrEqual(600_000);

    const binance = await ask(popup, 'vault.add', {
      input: {
        exchange: 'binance',
        label: 'grid bot',
        secrets: { apiKey: SECRETS.binanceKey, secret: SECRETS.binanceSecret },
        permissions: ['reading', 'spot-margin-trading', 'withdrawals'],
        ipAllowlist: { state: 'none' },
      },
    });
    binanceId = binance.id;
    expect(binance.apiKeyHint).toBe(`${SECRETS.binanceKey.slice(0, 4)}…${SECRETS.binanceKey.slice(-4)}`);
    await ask(popup, 'vault.add', {
      input: {
        exchange: 'okx',
        label: 'tax tool',
        secrets: { apiKey: SECRETS.okxKey, secret: SECRETS.okxSecret, passphrase: SECRETS.okxPassphrase },
      },
    });
    const { credentials } = await ask(popup, 'vault.list', {});
    expect(credentials.map((c) => c.label).sort()).toEqual(['grid bot', 'tax tool']);
    expect(JSON.stringify(credentials)).not.toContain(SECRETS.binanceSecret);
  });

  it('stores no plaintext secret in IndexedDB, storage.local, storage.sync or storage.session', async () => {
    const dump = await dumpAllStorage(browser);
    expect(dump.indexedDB?.length).toBeGreaterThan(100);
    for (const [area, text] of Object.entries(dump)) {
      for (const [name, secret] of Object.entries(SECRETS)) {
        expect(text.includes(secret), `${name} in ${area}`).toBe(false);
        expect(text.includes(btoa(secret)), `${name} (base64) in ${area}`).toBe(false);
      }
    }
  });

  it('refuses a content script that asks for a secret, or for any vault operation', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/fields.html'));
    for (const message of [
      { type: 'vault.reveal', payload: { id: binanceId, field: 'secret' } },
      { type: 'vault.list', payload: {} },
      { type: 'vault.export', payload: { password: PASSPHRASE } },
    ]) {
      const reply = await browser.evaluateInContentScript<{ ok: boolean; error?: { code: string } }>(
        page,
        `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      );
      expect(reply, message.type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const session = await browser.evaluateInContentScript<unknown>(
      page,
      `chrome.storage.session.get(null).then(() => 'readable', (e) => 'refused')`,
    );
    expect(session).toBe('refused');
    await page.close();
  });

  it('stays unlocked when the service worker is stopped', async () => {
    const before = await ask(popup, 'health.ping', {});
    await browser.stopServiceWorker();
    const after = await ask(popup, 'health.ping', {});
    expect(after.workerStartedAt).toBeGreaterThan(before.workerStartedAt);
    expect((await ask(popup, 'vault.status', {})).state).toBe('unlocked');
    expect(await ask(popup, 'vault.reveal', { id: binanceId, field: 'secret' })).toEqual({
      value: SECRETS.binanceSecret,
    });
  });

  it('a wrong passphrase gets a clear error and changes nothing', async () => {
    await ask(popup, 'vault.lock', {});
    const wrong = await call(popup, 'vault.unlock', { passphrase: 'not the passphrase at all' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(JSON.stringify(wrong)).not.toContain('not the passphrase');
    expect((await ask(popup, 'vault.list', {})).credentials).toHaveLength(2);
    expect((await ask(popup, 'vault.unlock', { passphrase: PASSPHRASE })).state).toBe('unlocked');
  });

  it('is locked after a browser restart, with its metadata still listed', async () => {
    await popup.close();
    browser = await browser.restart();
    popup = await browser.openPopup();
    expect((await ask(popup, 'vault.status', {})).state).toBe('locked');
    expect((await ask(popup, 'vault.list', {})).credentials).toHaveLength(2);
    expect(await call(popup, 'vault.reveal', { id: binanceId, field: 'secret' })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    await ask(popup, 'vault.unlock', { passphrase: PASSPHRASE });
    expect(await ask(popup, 'vault.reveal', { id: binanceId, field: 'secret' })).toEqual({
      value: SECRETS.binanceSecret,
    });
  });
});
