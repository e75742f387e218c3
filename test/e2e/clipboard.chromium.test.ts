import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ChromiumExtension } from '../harness/chromium';
import { ask } from '../harness/messages';
import { setClipboard } from '../harness/paste';
import { startFixtureServer, type FixtureServer } from '../harness/server';

const PASSPHRASE = 'correct horse battery staple orbit';
const SECRET = 'Vd8fQ2kLm9PzR4tY7uWx1cE3bN6aS0hJ5gK2lM8nB4vC7xZ9qW3eR6tY1uI0oP5a';
const API_KEY = 'Qm7Rt2Lx9Vb4Nc8Zp1Ks6Hd3Wf5Jg0Ty2Ua7Ie4Ob9Pl3Mk8Nj1Hb6Gv5Fc0Dx2S';

// Runs on the build with optional permissions granted: clipboardRead is asked for at the first copy, and an
// automated browser cannot answer that prompt.
describe('clipboard auto-clear in Chromium', () => {
  let browser: ChromiumExtension;
  let server: FixtureServer;
  let popup: Page;
  let id: string;

  const readClipboard = async () => {
    const page = browser.context.pages().find((p) => p.url().startsWith(server.url('/')))!;
    await page.bringToFront();
    return page.evaluate(() => navigator.clipboard.readText());
  };

  /** Copies the secret as the popup does: write in the page, then tell the background. */
  const copySecret = async () => {
    await popup.bringToFront();
    await popup.evaluate((value) => navigator.clipboard.writeText(value), SECRET);
    return ask(popup, 'vault.copied', { id, field: 'secret' });
  };

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await ChromiumExtension.launch({ variant: 'test-grants' });
    popup = await browser.openPopup();
    await ask(popup, 'vault.create', { passphrase: PASSPHRASE });
    id = (
      await ask(popup, 'vault.add', {
        input: { exchange: 'binance', label: 'grid bot', secrets: { apiKey: API_KEY, secret: SECRET } },
      })
    ).id;
    await ask(popup, 'settings.set', { patch: { clipboardClearSeconds: 5 } });
    await setClipboard(browser.context, 'warm-up', server.url('/'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('clears the copied secret after the delay', async () => {
    const { clearsAt } = await copySecret();
    expect(clearsAt).toBeGreaterThan(Date.now() + 3_000);
    expect(await readClipboard()).toBe(SECRET);
    await expect.poll(readClipboard, { timeout: 12_000, interval: 500 }).toBe('');
  }, 20_000);

  it('leaves the clipboard alone when it no longer holds the secret', async () => {
    await copySecret();
    await setClipboard(browser.context, 'something else I copied', server.url('/'));
    await new Promise((done) => setTimeout(done, 7_000));
    expect(await readClipboard()).toBe('something else I copied');
  }, 20_000);

  it('clears even if the vault locks in between', async () => {
    await copySecret();
    await ask(popup, 'vault.lock', {});
    await expect.poll(readClipboard, { timeout: 12_000, interval: 500 }).toBe('');
  }, 20_000);
});
