import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KeyInput, Page } from 'puppeteer-core';
import { ARM_DELAY_MS } from '../../src/content/warning';
import { FirefoxExtension } from '../harness/firefox';
import { startFixtureServer, type FixtureServer } from '../harness/server';

// Real browsers on a shared two-core machine: give insertions and warnings time when it is busy.
vi.setConfig({ expect: { poll: { timeout: 5_000 } } });

// Synthetic values of real shapes; never real keys.
const BINANCE_SECRET = 'Vd8fQ2kLm9PzR4tY7uWx1cE3bN6aS0hJ5gK2lM8nB4vC7xZ9qW3eR6tY1uI0oP5a';
const SECRET_LINE = `BINANCE_API_SECRET=${BINANCE_SECRET}`;

describe('paste guard in Firefox', () => {
  let firefox: FirefoxExtension;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await FirefoxExtension.launch();
    page = await firefox.browser.newPage();
    await page.goto(server.url('/fields.html'));
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  const chord = async (key: KeyInput) => {
    await page.keyboard.down('Control');
    await page.keyboard.press(key);
    await page.keyboard.up('Control');
  };

  /** A real Ctrl+C from the scratch field, then a real Ctrl+V into the textarea (Firefox ignores synthetic data). */
  const paste = async (text: string) => {
    await page.$eval('#scratch', (el, value) => ((el as HTMLInputElement).value = value), text);
    await page.focus('#scratch');
    await chord('a');
    await chord('c');
    await page.focus('#textarea');
    await chord('v');
  };

  const textarea = () => page.$eval('#textarea', (el) => (el as HTMLTextAreaElement).value);
  // Page script sees the host element only: its closed shadow root reads as null.
  const warning = () =>
    page.evaluate(() => {
      const host = document.querySelector('keywarden-guard');
      return host ? { shadowRoot: host.shadowRoot } : null;
    });

  it('holds a real paste of a secret and shows a warning the page cannot read; Escape dismisses it', async () => {
    await paste(SECRET_LINE);
    await expect.poll(warning).toEqual({ shadowRoot: null });
    expect(await textarea()).toBe('');
    await page.keyboard.press('Escape');
    await expect.poll(warning).toBeNull();
    expect(await textarea()).toBe('');
  });

  it('Paste anyway (keyboard) inserts exactly the held text', async () => {
    await paste(SECRET_LINE);
    await expect.poll(warning).not.toBeNull();
    await new Promise((done) => setTimeout(done, ARM_DELAY_MS + 100));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(textarea).toBe(SECRET_LINE);
    expect(await warning()).toBeNull();
  });

  it('lets ordinary text paste as usual', async () => {
    await page.$eval('#textarea', (el) => ((el as HTMLTextAreaElement).value = ''));
    await paste('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
    await expect.poll(textarea).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
    expect(await warning()).toBeNull();
  });
});
