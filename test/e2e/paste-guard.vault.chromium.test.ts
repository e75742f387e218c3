import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { ChromiumExtension } from '../harness/chromium';
import { choose, readWarning, waitForNoWarning, waitForWarning } from '../harness/guard';
import { ask } from '../harness/messages';
import { fieldText, pasteInto } from '../harness/paste';
import { startFixtureServer, type FixtureServer } from '../harness/server';
import {
  addCredential,
  createVault,
  credentialStatus,
  knows,
  randomToken,
  waitForGuardIndex,
} from '../harness/vault';

// Real browsers on a shared two-core machine: give insertions and warnings time when it is busy.
vi.setConfig({ expect: { poll: { timeout: 5_000 } } });

// Fresh synthetic values of Bybit's shapes (18 and 36 letters and digits) on every run; never real keys.
const GRID = { apiKey: randomToken(18), secret: randomToken(36) };
const DCA = { apiKey: randomToken(18), secret: randomToken(36) };
const AS_JSON = JSON.stringify({ exchange: 'bybit', apiKey: GRID.apiKey, secret: GRID.secret }, null, 2);
const AS_ENV = `# bot config\nBYBIT_TESTNET=false\nBYBIT_API_SECRET=${GRID.secret}\n`;

describe('paste guard and stored keys (Chromium)', () => {
  let browser: ChromiumExtension;
  let server: FixtureServer;
  let popup: Page;
  let gridId: string;
  let dcaId: string;
  const pages = new Map<string, Page>();

  beforeAll(async () => {
    server = await startFixtureServer();
    // `*.test` (the "used by" site, look-alikes, other sites) maps to 127.0.0.1 already.
    browser = await ChromiumExtension.launch({ hostRules: ['MAP www.bybit.com 127.0.0.1'] });
    popup = await browser.openPopup();
    await createVault(popup);
    gridId = (
      await addCredential(popup, {
        exchange: 'bybit',
        label: 'grid bot',
        secrets: GRID,
        usedBy: [{ kind: 'bot', name: 'My bot', domain: 'mybot.test' }],
      })
    ).id;
    dcaId = (await addCredential(popup, { exchange: 'bybit', label: 'dca bot', secrets: DCA })).id;
    await waitForGuardIndex(browser, (index) => knows(gridId)(index) && knows(dcaId)(index));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** One fields page per site, reused; its textarea emptied. */
  async function on(host: string): Promise<Page> {
    let page = pages.get(host);
    if (!page || page.isClosed()) {
      page = await browser.context.newPage();
      await page.goto(server.url('/fields.html', host));
      pages.set(host, page);
    }
    await page.locator('#textarea').fill('');
    return page;
  }

  const paste = (page: Page, text: string) =>
    pasteInto(browser.context, page, '#textarea', text, server.url(''));

  it('catches the stored secret wrapped in JSON and names the key; Cancel keeps it out', async () => {
    const page = await on('notes.test');
    await paste(page, AS_JSON);
    const warning = await waitForWarning(browser, page, '“grid bot”');
    expect(warning.title).toBe('Your Bybit key “grid bot”: API secret');
    expect(warning.detail).toContain(`It starts with “${GRID.secret.slice(0, 4)}…”`);
    expect(JSON.stringify(warning)).not.toContain(GRID.secret.slice(0, 5));
    expect(warning.site).toBe('Site: notes.test');
    expect(warning.buttons).toEqual([
      'Cancel',
      'Paste anyway',
      'Always allow this key here',
      'This key may be compromised',
    ]);
    await choose(page, 'cancel');
    await waitForNoWarning(browser, page);
    expect(await fieldText(page, '#textarea')).toBe('');
    expect(await credentialStatus(popup, gridId)).toBe('active');
  });

  it('catches it in a .env file on a look-alike of the exchange domain', async () => {
    const page = await on('bybit.com.evil.test');
    await paste(page, AS_ENV);
    const warning = await waitForWarning(browser, page, '“grid bot”');
    expect(warning.site).toBe('Site: bybit.com.evil.test');
    await choose(page, 'cancel');
    await waitForNoWarning(browser, page);
    expect(await fieldText(page, '#textarea')).toBe('');
  });

  // Not AS_JSON on mybot.test: its api key is too short to be indexed, so there it is judged by its labelled shape.
  it.each([
    ['mybot.test', [GRID.secret, AS_ENV]],
    ['www.bybit.com', [GRID.secret, AS_ENV, AS_JSON]],
  ])('lets it through silently on %s', async (host, texts) => {
    const page = await on(host);
    for (const text of texts) {
      await page.locator('#textarea').fill('');
      await paste(page, text);
      await expect.poll(() => fieldText(page, '#textarea')).toBe(text);
    }
    expect(await readWarning(browser, page)).toBeNull();
    const events = await ask(popup, 'guard.events', {});
    expect(events.filter((e) => e.host === host)).toEqual([]);
  });

  it('"This key may be compromised" flags the key and opens its revocation checklist', async () => {
    const page = await on('notes.test');
    await paste(page, `dca: ${DCA.secret}`);
    await waitForWarning(browser, page, '“dca bot”');
    const opened = browser.context.waitForEvent('page');
    await choose(page, 'treat-exposed');
    const checklist = await opened;
    expect(checklist.url()).toMatch(new RegExp(`^${browser.origin}/.*#/incident/`));
    await checklist.close();
    // The guard marks it exposed; opening the incident then makes it compromised.
    await expect.poll(() => credentialStatus(popup, dcaId)).toBe('compromised');
    expect(await fieldText(page, '#textarea')).toBe('');
  });

  it('Paste anyway on a site that is not allowed inserts it and marks the key exposed', async () => {
    const page = await on('notes.test');
    await page.locator('#textarea').fill('key: ');
    await page.locator('#textarea').press('End');
    await paste(page, GRID.secret);
    await waitForWarning(browser, page, '“grid bot”');
    await choose(page, 'paste-anyway');
    await expect.poll(() => fieldText(page, '#textarea')).toBe(`key: ${GRID.secret}`);
    await expect.poll(() => credentialStatus(popup, gridId)).toBe('exposed');
  });

  it('"Always allow this key here" inserts it, and the next paste there passes silently', async () => {
    const page = await on('chat.test');
    await paste(page, GRID.secret);
    await waitForWarning(browser, page, '“grid bot”');
    await choose(page, 'allow-site');
    await expect.poll(() => fieldText(page, '#textarea')).toBe(GRID.secret);
    await waitForGuardIndex(browser, (index) =>
      Object.values(index.refs).some(
        (ref) => ref.credentialId === gridId && ref.allowedHosts.includes('chat.test'),
      ),
    );
    await paste(page, ` ${GRID.secret}`);
    await expect.poll(() => fieldText(page, '#textarea')).toBe(`${GRID.secret} ${GRID.secret}`);
    expect(await readWarning(browser, page)).toBeNull();
    // Only on that site.
    const other = await on('notes.test');
    await paste(other, GRID.secret);
    await waitForWarning(browser, other, '“grid bot”');
    await choose(other, 'cancel');
    await waitForNoWarning(browser, other);
  });

  it('a stopped service worker changes nothing: held, named, and Paste anyway still works', async () => {
    const before = await on('notes.test');
    await browser.stopServiceWorker();
    await paste(before, GRID.secret);
    await waitForWarning(browser, before, '“grid bot”');
    await choose(before, 'paste-anyway');
    await expect.poll(() => fieldText(before, '#textarea')).toBe(GRID.secret);

    await browser.stopServiceWorker();
    const fresh = await browser.context.newPage();
    await fresh.goto(server.url('/fields.html', 'fresh.test'));
    await pasteInto(browser.context, fresh, '#textarea', AS_ENV, server.url(''));
    await waitForWarning(browser, fresh, '“grid bot”');
    await choose(fresh, 'paste-anyway');
    await expect.poll(() => fieldText(fresh, '#textarea')).toBe(AS_ENV);
    await expect
      .poll(async () => (await ask(popup, 'guard.events', {})).find((e) => e.host === 'fresh.test')?.choice)
      .toBe('paste-anyway');
    await fresh.close();
  });

  it('the page learns nothing about stored keys', async () => {
    const page = await on('probe.test');
    await page.locator('#input').focus();
    const probe = await page.evaluate(
      ({ stored, random }) => {
        const field = document.querySelector('#input') as HTMLInputElement;
        const tryPaste = (text: string) => {
          let reachedPage = false;
          field.addEventListener('paste', () => (reachedPage = true), { once: true });
          const clipboardData = new DataTransfer();
          clipboardData.setData('text/plain', text);
          const notCancelled = field.dispatchEvent(
            new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
          );
          return { notCancelled, reachedPage, warning: document.querySelector('keywarden-guard') !== null };
        };
        return {
          stored: tryPaste(stored),
          random: tryPaste(random),
          storage: typeof (globalThis as { chrome?: { storage?: unknown } }).chrome?.storage,
          html: document.documentElement.outerHTML,
        };
      },
      { stored: GRID.secret, random: randomToken(36) },
    );
    expect(probe.stored).toEqual({ notCancelled: true, reachedPage: true, warning: false });
    expect(probe.random).toEqual(probe.stored);
    expect(probe.storage).toBe('undefined');
    expect(probe.html).not.toMatch(/keywarden|grid bot/i);
    expect(await readWarning(browser, page)).toBeNull();
  });
});
