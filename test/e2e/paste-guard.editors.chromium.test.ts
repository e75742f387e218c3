import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { ChromiumExtension } from '../harness/chromium';
import { bundleEditors } from '../harness/editors';
import { choose, readWarning, waitForNoWarning, waitForWarning } from '../harness/guard';
import { fieldText, pasteInto } from '../harness/paste';
import { startFixtureServer, type FixtureServer } from '../harness/server';

// Real browsers on a shared two-core machine: give insertions and warnings time when it is busy.
vi.setConfig({ expect: { poll: { timeout: 5_000 } } });

// Synthetic values of real shapes; never real keys.
const BINANCE_SECRET = 'Vd8fQ2kLm9PzR4tY7uWx1cE3bN6aS0hJ5gK2lM8nB4vC7xZ9qW3eR6tY1uI0oP5a';
const SECRET_LINE = `BINANCE_API_SECRET=${BINANCE_SECRET}`;
const BENIGN = [
  'The order filled at 0.1 BTC, thanks!',
  ' 3f2504e0-4f89-11d3-9a0c-0305e82c3301',
  ' 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060',
  ' a94a8fe5ccb19ba61c4c0873d391e987982fbbd3',
];

interface Field {
  readonly name: string;
  readonly path: string;
  /** The element that has focus while the user types. */
  readonly selector: string;
  /** What the user clicks to start typing, when not the focused element itself. */
  readonly click?: string;
  /** The text as the field or editor itself holds it (the editor's own state, not the DOM). */
  value(page: Page): Promise<string>;
  reset(page: Page): Promise<void>;
}

const plain = (name: string, selector: string): Field => ({
  name,
  path: '/fields.html',
  selector,
  value: (page) => fieldText(page, selector),
  reset: (page) =>
    page.locator(selector).evaluate((el) => {
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.value = '';
      else el.textContent = '';
    }),
});

declare const window: Window & { editorValue(): string; editorReset(): void; editorReady?: boolean };

const editor = (name: string, selector: string, click?: string, query = ''): Field => ({
  name: query ? `${name}${query}` : name,
  path: `/editor-${name}.html${query}`,
  selector,
  ...(click ? { click } : {}),
  value: (page) => page.evaluate(() => window.editorValue()),
  reset: (page) => page.evaluate(() => window.editorReset()),
});

const FIELDS: readonly Field[] = [
  plain('textarea', '#textarea'),
  plain('input', '#input'),
  plain('contenteditable', '#editable'),
  editor('react', '#field'),
  editor('codemirror', '.cm-content'),
  editor('prosemirror', '.ProseMirror'),
  // Monaco 0.5x types into an EditContext element in Chromium by default, into a hidden textarea without it.
  editor('monaco', '.monaco-editor .native-edit-context', '.monaco-editor .view-lines'),
  editor('monaco', '.monaco-editor textarea.inputarea', '.monaco-editor .view-lines', '?editContext=0'),
];

describe('paste guard in real editors (Chromium)', () => {
  let browser: ChromiumExtension;
  let server: FixtureServer;
  const pages = new Map<string, Page>();

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startFixtureServer(),
      ChromiumExtension.launch(),
      bundleEditors(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** One page per field, reused by its tests and emptied through the editor's own API. */
  async function open(field: Field): Promise<Page> {
    let page = pages.get(field.name);
    if (!page) {
      page = await browser.context.newPage();
      await page.goto(server.url(field.path));
      if (field.path.startsWith('/editor-')) await page.waitForFunction(() => window.editorReady === true);
      pages.set(field.name, page);
    }
    await field.reset(page);
    return page;
  }

  const paste = (page: Page, field: Field, text: string) =>
    pasteInto(browser.context, page, field.selector, text, server.url(''));

  it.each(FIELDS)(
    '$name: a held secret is left out on Cancel and inserted exactly by Paste anyway',
    async (field) => {
      const page = await open(field);
      await page.locator(field.click ?? field.selector).click();
      // No trailing space: rich-text editors keep it as a no-break space.
      await page.keyboard.type('note:');
      await expect.poll(() => field.value(page)).toBe('note:');

      await paste(page, field, SECRET_LINE);
      const warning = await waitForWarning(browser, page, 'looks like a Binance');
      expect(warning.buttons).toEqual(['Cancel', 'Paste anyway']);
      await choose(page, 'cancel');
      await waitForNoWarning(browser, page);
      expect(await field.value(page)).toBe('note:');

      await paste(page, field, SECRET_LINE);
      await waitForWarning(browser, page, 'Binance');
      await choose(page, 'paste-anyway');
      await expect.poll(() => field.value(page)).toBe(`note:${SECRET_LINE}`);
      expect(await readWarning(browser, page)).toBeNull();
    },
  );

  it.each(FIELDS)(
    '$name: prose, a UUID, a transaction hash and a commit id paste as usual',
    async (field) => {
      const page = await open(field);
      let expected = '';
      for (const text of BENIGN) {
        await paste(page, field, text);
        expected += text;
        await expect.poll(() => field.value(page)).toBe(expected);
      }
      expect(await readWarning(browser, page)).toBeNull();
    },
  );
});
