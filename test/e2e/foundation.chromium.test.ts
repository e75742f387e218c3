import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumExtension, EXTENSION_DIR } from '../harness/chromium';
import { startFixtureServer, type FixtureServer } from '../harness/server';

interface PingReply {
  ok: boolean;
  value?: { role: string; version: string; workerStartedAt: number };
  error?: { code: string };
}

const PING = `chrome.runtime.sendMessage({ type: 'health.ping', payload: {} })`;

describe('foundation in Chromium', () => {
  let browser: ChromiumExtension;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await ChromiumExtension.launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds a valid MV3 manifest for both browsers', async () => {
    const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      manifest_version: number;
      background: unknown;
      browser_specific_settings: { gecko: { id: string } };
      content_scripts: unknown[];
    };
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background).toMatchObject({
      service_worker: 'background.js',
      scripts: ['background.js'],
    });
    expect(manifest.browser_specific_settings.gecko.id).toBeTruthy();
    expect(manifest.content_scripts[0]).toMatchObject({ run_at: 'document_start', all_frames: true });
  });

  it('loads with no install warnings, manifest errors or runtime errors', async () => {
    const popup = await browser.openPopup();
    await popup.close();
    const info = await browser.extensionInfo();
    expect(info.installWarnings).toEqual([]);
    expect(info.manifestErrors).toEqual([]);
    expect(info.runtimeErrors).toEqual([]);
  });

  it('popup exchanges a typed ping with the background', async () => {
    const popup = await browser.openPopup();
    await expect.poll(() => popup.getByRole('status').getAttribute('data-state')).toBe('connected');
    expect(await popup.getByRole('status').textContent()).toContain('is running');
    await popup.close();
  });

  it('content scripts in the top frame and in every kind of iframe get an answer', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/frames.html'));
    await page.frameLocator('#cross').locator('#textarea').waitFor();
    const top = await browser.evaluateInContentScript<PingReply>(page, PING);
    expect(top).toMatchObject({ ok: true, value: { role: 'content-script' } });

    const frames = page.frames().filter((f) => f !== page.mainFrame());
    const cross = frames.find((f) => f.url().startsWith('http://cross.test:'));
    const same = frames.find((f) => f.url() === server.url('/fields.html'));
    const srcdoc = frames.find((f) => f.url() === 'about:srcdoc');
    const blank = frames.find((f) => f.url() === 'about:blank');
    expect(cross, 'cross-origin frame').toBeDefined();
    expect(same, 'same-origin frame').toBeDefined();
    expect(srcdoc, 'srcdoc frame').toBeDefined();
    expect(blank, 'about:blank frame').toBeDefined();
    for (const frame of [cross!, same!, srcdoc!, blank!]) {
      const reply = await browser.evaluateInContentScript<PingReply>(frame, PING);
      expect(reply, frame.url()).toMatchObject({ ok: true, value: { role: 'content-script' } });
    }
    await page.close();
  });

  it('refuses malformed and unknown messages from a content script', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/fields.html'));
    const unknown = await browser.evaluateInContentScript<PingReply>(
      page,
      `chrome.runtime.sendMessage({ type: 'vault.dump', payload: {} })`,
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    const malformed = await browser.evaluateInContentScript<PingReply>(
      page,
      `chrome.runtime.sendMessage({ type: 'health.ping', payload: { extra: true } })`,
    );
    expect(malformed).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await page.close();
  });

  it('answers again from a fresh worker after the service worker is stopped', async () => {
    const popup = await browser.openPopup();
    const before = await popup.evaluate(PING);
    await browser.stopServiceWorker();
    const after = await popup.evaluate(PING);
    expect((after as PingReply).ok).toBe(true);
    expect((after as PingReply).value!.workerStartedAt).toBeGreaterThan(
      (before as PingReply).value!.workerStartedAt,
    );
    await popup.close();
  });
});
