import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirefoxExtension } from '../harness/firefox';
import { startFixtureServer, type FixtureServer } from '../harness/server';

describe('foundation in Firefox (smoke)', () => {
  let firefox: FirefoxExtension;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await FirefoxExtension.launch();
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('installs, and its popup exchanges a typed ping with the background', async () => {
    const popup = await firefox.openPopup();
    await popup.waitForSelector('[role="status"][data-state="connected"]', { timeout: 15_000 });
    const text = await popup.$eval('[role="status"]', (el) => el.textContent);
    expect(text).toContain('is running');
    await popup.close();
  });

  it('a real Ctrl+C / Ctrl+V of ordinary text still pastes with the extension installed', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url('/fields.html'));
    await page.type('#scratch', 'hello from the clipboard');
    await page.focus('#scratch');
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.press('c');
    await page.keyboard.up('Control');
    await page.focus('#textarea');
    await page.keyboard.down('Control');
    await page.keyboard.press('v');
    await page.keyboard.up('Control');
    await expect
      .poll(() => page.$eval('#textarea', (el) => (el as HTMLTextAreaElement).value))
      .toBe('hello from the clipboard');
    await page.close();
  });
});
