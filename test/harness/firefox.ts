import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxPath } from './browsers';
import { EXTENSION_DIR } from './chromium';

interface GeckoManifest {
  browser_specific_settings: { gecko: { id: string } };
}

/**
 * Firefox ESR with the built extension installed as a temporary add-on, driven by puppeteer-core over WebDriver BiDi
 * (Playwright cannot drive stock Firefox). The add-on's moz-extension UUID is pinned through a pref so tests can open
 * its pages.
 */
export class FirefoxExtension {
  private constructor(
    readonly browser: Browser,
    readonly uuid: string,
  ) {}

  static async launch(): Promise<FirefoxExtension> {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as GeckoManifest;
    const uuid = randomUUID();
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      // Firefox 153+ lets WebDriver navigate to moz-extension:// pages only with system access
      // (https://github.com/ghostery/ghostery-extension/pull/3526).
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({
          [manifest.browser_specific_settings.gecko.id]: uuid,
        }),
        // Let pages read the clipboard in tests that paste with real key presses.
        'dom.events.testing.asyncClipboard': true,
      },
    });
    await browser.installExtension(EXTENSION_DIR);
    return new FirefoxExtension(browser, uuid);
  }

  url(path: string): string {
    return `moz-extension://${this.uuid}/${path.replace(/^\//, '')}`;
  }

  async openPopup(): Promise<Page> {
    const page = await this.browser.newPage();
    // The page loads, but WebDriver BiDi never reports the navigation to a moz-extension:// URL as finished
    // (https://github.com/mozilla/firefox-devtools-mcp/pull/87): start it, then wait for the app to render.
    await page
      .goto(this.url('popup/index.html'), { waitUntil: 'domcontentloaded', timeout: 1_500 })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
      });
    await page.waitForSelector('#app > *', { timeout: 10_000 });
    return page;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
