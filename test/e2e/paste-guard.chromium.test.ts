import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ChromiumExtension } from '../harness/chromium';
import { fieldText, pasteInto } from '../harness/paste';
import { startFixtureServer, type FixtureServer } from '../harness/server';

// Synthetic values of real shapes; never real keys.
const BINANCE_SECRET = 'Vd8fQ2kLm9PzR4tY7uWx1cE3bN6aS0hJ5gK2lM8nB4vC7xZ9qW3eR6tY1uI0oP5a';
const SECRET_LINE = `BINANCE_API_SECRET=${BINANCE_SECRET}`;

describe('paste guard in Chromium', () => {
  let browser: ChromiumExtension;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await ChromiumExtension.launch({ hostRules: ['MAP www.binance.com 127.0.0.1'] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const warningText = async () => (await browser.closedShadowTexts(page)).join(' | ');

  it.each(['#textarea', '#input', '#editable'])(
    'holds a secret pasted into %s and Escape cancels',
    async (field) => {
      page = await browser.context.newPage();
      await page.goto(server.url('/fields.html'));
      await pasteInto(browser.context, page, field, SECRET_LINE, server.url(''));
      await expect.poll(warningText).toContain('looks like a Binance');
      const text = await warningText();
      expect(text).toContain(BINANCE_SECRET.slice(0, 4));
      expect(text).not.toContain(BINANCE_SECRET.slice(0, 5));
      await page.keyboard.press('Escape');
      await expect.poll(warningText).toBe('');
      expect(await fieldText(page, field)).toBe('');
      await page.close();
    },
  );

  it('Paste anyway inserts exactly the held text', async () => {
    page = await browser.context.newPage();
    await page.goto(server.url('/fields.html'));
    await page.locator('#textarea').fill('before ');
    await pasteInto(browser.context, page, '#textarea', SECRET_LINE, server.url(''));
    await expect.poll(warningText).toContain('Binance');
    await page.waitForTimeout(800);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => fieldText(page, '#textarea')).toBe(`before ${SECRET_LINE}`);
    await page.close();
  });

  it.each([
    ['prose', 'The order filled at 0.1 BTC, thanks!'],
    ['a UUID', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    ['a transaction hash', '0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060'],
    ['a git commit id', 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'],
  ])('lets %s paste as usual', async (_name, text) => {
    page = await browser.context.newPage();
    await page.goto(server.url('/fields.html'));
    await pasteInto(browser.context, page, '#textarea', text, server.url(''));
    await expect.poll(() => fieldText(page, '#textarea')).toBe(text);
    expect(await warningText()).toBe('');
    await page.close();
  });

  it("lets a Binance-shaped secret through on Binance's own domain", async () => {
    page = await browser.context.newPage();
    await page.goto(server.url('/fields.html', 'www.binance.com'));
    await pasteInto(browser.context, page, '#textarea', SECRET_LINE, server.url(''));
    await expect.poll(() => fieldText(page, '#textarea')).toBe(SECRET_LINE);
    expect(await warningText()).toBe('');
    await page.close();
  });
});
