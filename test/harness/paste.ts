import type { BrowserContext, Frame, Page } from 'playwright-core';

const clipboardPages = new WeakMap<BrowserContext, Page>();

/**
 * Puts `text` on the system clipboard. Written from a page on http://127.0.0.1 (a secure context, where clipboard
 * permissions can be granted), so the target may be any site, including mapped exchange domains over plain http.
 */
export async function setClipboard(
  context: BrowserContext,
  text: string,
  serverOrigin: string,
): Promise<void> {
  let page = clipboardPages.get(context);
  if (!page || page.isClosed()) {
    page = await context.newPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serverOrigin });
    await page.goto(new URL('/index.html', serverOrigin).href);
    clipboardPages.set(context, page);
  }
  await page.bringToFront();
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
}

/**
 * A trusted paste, as a user makes it: the text on the real clipboard, focus on `selector`, then Ctrl+V. Never
 * `keyboard.insertText`, which fires no paste event.
 */
export async function pasteInto(
  context: BrowserContext,
  target: Page | Frame,
  selector: string,
  text: string,
  serverOrigin: string,
): Promise<void> {
  await setClipboard(context, text, serverOrigin);
  const page = 'mainFrame' in target ? target : target.page();
  await page.bringToFront();
  await target.locator(selector).focus();
  await page.keyboard.press('Control+V');
}

/** The value or text content of a field. */
export async function fieldText(target: Page | Frame, selector: string): Promise<string> {
  return target
    .locator(selector)
    .evaluate((el) =>
      el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? ''),
    );
}
