import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { ChromiumExtension } from '../harness/chromium';
import { buttonCenter, choose, readWarning, waitForNoWarning, waitForWarning } from '../harness/guard';
import { fieldText, pasteInto } from '../harness/paste';
import { startFixtureServer, type FixtureServer } from '../harness/server';

// Real browsers on a shared two-core machine: give insertions and warnings time when it is busy.
vi.setConfig({ expect: { poll: { timeout: 5_000 } } });

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

  describe('in iframes', () => {
    let frames: Page;
    const frame = async (id: 'same' | 'cross'): Promise<Frame> => {
      const handle = await frames.locator(`#${id}`).elementHandle();
      const found = await handle?.contentFrame();
      if (!found) throw new Error(`no frame #${id}`);
      await found.waitForSelector('#textarea');
      return found;
    };

    beforeAll(async () => {
      frames = await browser.context.newPage();
      await frames.goto(server.url('/frames.html'));
    });

    afterAll(async () => {
      await frames?.close();
    });

    it.each(['same', 'cross'] as const)(
      'a %s-origin frame: held and cancelled, held and pasted anyway, benign text passes',
      async (id) => {
        const target = await frame(id);
        expect(new URL(target.url()).hostname).toBe(id === 'cross' ? 'cross.test' : '127.0.0.1');
        await pasteInto(browser.context, target, '#textarea', SECRET_LINE, server.url(''));
        const warning = await waitForWarning(browser, target, 'looks like a Binance');
        expect(warning.site).toContain(id === 'cross' ? 'cross.test' : '127.0.0.1');
        await choose(frames, 'cancel');
        await waitForNoWarning(browser, target);
        expect(await fieldText(target, '#textarea')).toBe('');

        await pasteInto(browser.context, target, '#textarea', SECRET_LINE, server.url(''));
        await waitForWarning(browser, target, 'Binance');
        await choose(frames, 'paste-anyway');
        await expect.poll(() => fieldText(target, '#textarea')).toBe(SECRET_LINE);

        await pasteInto(browser.context, target, '#textarea', ' and a note', server.url(''));
        await expect.poll(() => fieldText(target, '#textarea')).toBe(`${SECRET_LINE} and a note`);
        expect(await readWarning(browser, target)).toBeNull();
      },
    );
  });

  describe('dropped text', () => {
    let drop: Page;

    beforeAll(async () => {
      drop = await browser.context.newPage();
      await drop.goto(server.url('/drop.html'));
    });

    afterAll(async () => {
      await drop?.close();
    });

    /** A real drag of the page's chip, carrying `text`, onto `selector`: Chromium makes the drop event trusted. */
    const dragChip = async (text: string, selector: string) => {
      await drop.locator('#chip').evaluate((chip, value) => (chip.dataset.text = value), text);
      await drop.locator('#chip').dragTo(drop.locator(selector));
    };

    /** A real drag of selected page text onto `selector`. */
    const dragSelection = async (text: string, selector: string) => {
      const source = drop.locator('#selectable');
      await source.evaluate((span, value) => {
        span.textContent = value;
        const range = document.createRange();
        range.selectNodeContents(span);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }, text);
      await source.dragTo(drop.locator(selector));
    };

    it.each([
      ['#textarea', 'a dragged element', dragChip],
      ['#editable', 'a dragged element', dragChip],
      ['#textarea', 'selected text', dragSelection],
    ] as const)('into %s from %s: held, cancelled, then dropped anyway', async (selector, _from, dragTo) => {
      await drop.locator(selector).fill('');
      await dragTo(SECRET_LINE, selector);
      await waitForWarning(browser, drop, 'looks like a Binance');
      await choose(drop, 'cancel');
      await waitForNoWarning(browser, drop);
      expect(await fieldText(drop, selector)).toBe('');

      await dragTo(SECRET_LINE, selector);
      await waitForWarning(browser, drop, 'Binance');
      await choose(drop, 'paste-anyway');
      await expect.poll(() => fieldText(drop, selector)).toBe(SECRET_LINE);
    });

    it('benign dropped text lands as usual', async () => {
      await drop.locator('#textarea').fill('');
      await dragChip('3f2504e0-4f89-11d3-9a0c-0305e82c3301', '#textarea');
      await expect.poll(() => fieldText(drop, '#textarea')).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
      expect(await readWarning(browser, drop)).toBeNull();
    });
  });

  describe('what the page can do', () => {
    beforeAll(async () => {
      page = await browser.context.newPage();
      await page.goto(server.url('/fields.html'));
    });

    afterAll(async () => {
      await page?.close();
    });

    it('cannot read the warning, nor press its buttons with synthetic events', async () => {
      await pasteInto(browser.context, page, '#textarea', SECRET_LINE, server.url(''));
      await waitForWarning(browser, page, 'Binance');
      await page.waitForTimeout(800);
      const seen = await page.evaluate(() => {
        const host = document.querySelector('keywarden-guard');
        if (!(host instanceof HTMLElement)) return null;
        const shadowRoot = host.shadowRoot;
        // Everything a page script can aim at: the host, and whatever is under the buttons.
        const box = host.getBoundingClientRect();
        const under = document.elementFromPoint(box.left + 40, box.bottom - 20);
        for (const target of [host, under, document.activeElement, document]) {
          if (!target) continue;
          target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          for (const key of ['Tab', 'Enter', 'Escape', ' ']) {
            target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
          }
        }
        host.click();
        return { shadowRoot, under: under === host, text: host.textContent };
      });
      expect(seen).toEqual({ shadowRoot: null, under: true, text: '' });
      // Nor can a script that did get hold of the buttons (here the content script's own world, untrusted clicks).
      const pressed = await browser.evaluateInContentScript<number>(
        page,
        `(() => {
          const root = chrome.dom.openOrClosedShadowRoot(document.querySelector('keywarden-guard'));
          const buttons = Array.from(root.querySelectorAll('button'));
          for (const button of buttons) button.click();
          return buttons.length;
        })()`,
      );
      // Every warning carries the same four buttons (the stored-key ones hidden here), so its size tells nothing.
      expect(pressed).toBe(4);
      expect(await readWarning(browser, page)).not.toBeNull();
      expect(await fieldText(page, '#textarea')).toBe('');
      // A real click does act.
      const { x, y } = await buttonCenter(browser, page, 'Paste anyway');
      await page.mouse.click(x, y);
      await expect.poll(() => fieldText(page, '#textarea')).toBe(SECRET_LINE);
      await waitForNoWarning(browser, page);
    });

    it('a synthetic paste event from the page is ignored: no hold, no warning', async () => {
      const outcome = await page.evaluate((text) => {
        const field = document.querySelector('#input') as HTMLInputElement;
        field.focus();
        let reachedPage = false;
        field.addEventListener('paste', () => (reachedPage = true), { once: true });
        const clipboardData = new DataTransfer();
        clipboardData.setData('text/plain', text);
        const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
        const notCancelled = field.dispatchEvent(event);
        return {
          notCancelled,
          reachedPage,
          warning: document.querySelector('keywarden-guard') !== null,
        };
      }, SECRET_LINE);
      expect(outcome).toEqual({ notCancelled: true, reachedPage: true, warning: false });
      expect(await readWarning(browser, page)).toBeNull();
    });

    it.each(['a click-through overlay', 'a faded container'] as const)(
      'cannot clickjack Paste anyway with %s',
      async (trick) => {
        await page.locator('#textarea').fill('');
        await pasteInto(browser.context, page, '#textarea', SECRET_LINE, server.url(''));
        await waitForWarning(browser, page, 'Binance');
        const { x, y } = await buttonCenter(browser, page, 'Paste anyway');
        await page.evaluate((how) => {
          const host = document.querySelector('keywarden-guard') as HTMLElement;
          const cover = document.createElement('div');
          if (how === 'a click-through overlay') {
            // Opaque lure on top; pointer-events: none lets the click through and hides it from elementFromPoint.
            cover.style.cssText =
              'position:fixed;inset:0;z-index:2147483647;background:#0f0;pointer-events:none';
            document.documentElement.append(cover);
          } else {
            cover.style.cssText = 'opacity:0';
            document.body.append(cover);
            cover.append(host);
          }
          (window as { cover?: HTMLElement }).cover = cover;
        }, trick);
        await page.waitForTimeout(900);
        await page.mouse.click(x, y);
        await page.waitForTimeout(300);
        expect(await fieldText(page, '#textarea')).toBe('');
        await page.evaluate(() => {
          const { cover } = window as { cover?: HTMLElement };
          const host = document.querySelector('keywarden-guard');
          if (host) document.documentElement.append(host);
          cover?.remove();
        });
        // Uncovered again, a real click acts (after the visibility check has caught up).
        await page.waitForTimeout(300);
        const cancel = await buttonCenter(browser, page, 'Cancel');
        await page.mouse.click(cancel.x, cancel.y);
        await waitForNoWarning(browser, page);
        expect(await fieldText(page, '#textarea')).toBe('');
      },
    );
  });
});
