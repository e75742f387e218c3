import type { Frame, Page } from 'playwright-core';
import { ARM_DELAY_MS } from '../../src/content/warning';
import type { ChromiumExtension } from './chromium';

/** The paste warning as the user sees it. */
export interface WarningView {
  readonly title: string;
  readonly detail: string;
  readonly site: string;
  readonly buttons: readonly string[];
}

/** The warning's buttons a user can see and reach, in their tab order (focus starts on Cancel). */
export const CHOICES = ['cancel', 'paste-anyway', 'allow-site', 'treat-exposed'] as const;
export type Choice = (typeof CHOICES)[number];

/** Reads the closed shadow root from the content script's isolated world, the only script that may open it. */
const READ_WARNING = `(() => {
  const host = document.querySelector('keywarden-guard');
  const root = host && chrome.dom.openOrClosedShadowRoot(host);
  if (!root) return null;
  const text = (selector) => root.querySelector(selector)?.textContent ?? '';
  return {
    title: text('h2'),
    detail: text('p:not(.site)'),
    site: text('.site'),
    buttons: Array.from(root.querySelectorAll('button'))
      .filter((b) => getComputedStyle(b).visibility === 'visible')
      .map((b) => b.textContent ?? ''),
  };
})()`;

/** The warning shown in `target` (a page, or any frame, cross-origin included), or null. */
export async function readWarning(
  browser: ChromiumExtension,
  target: Page | Frame,
): Promise<WarningView | null> {
  return browser.evaluateInContentScript<WarningView | null>(target, READ_WARNING);
}

/** Waits for a warning in `target` whose title contains `title` (any warning when omitted). */
export async function waitForWarning(
  browser: ChromiumExtension,
  target: Page | Frame,
  title = '',
  timeout = 10_000,
): Promise<WarningView> {
  const deadline = Date.now() + timeout;
  let last: WarningView | null = null;
  while (Date.now() < deadline) {
    last = await readWarning(browser, target);
    if (last?.title.includes(title)) return last;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`no warning titled "${title}" (last seen: ${JSON.stringify(last)})`);
}

/** Waits until no warning is shown in `target`. */
export async function waitForNoWarning(browser: ChromiumExtension, target: Page | Frame): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if ((await readWarning(browser, target)) === null) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('the warning is still shown');
}

/**
 * Picks a button with the keyboard, as a user can: focus starts on Cancel, Tab moves along, Enter presses. Waits out
 * the arming delay first for the buttons that need it (the one fixed sleep these tests allow).
 */
export async function choose(page: Page, choice: Choice): Promise<void> {
  if (choice === 'paste-anyway' || choice === 'allow-site') await page.waitForTimeout(ARM_DELAY_MS + 100);
  for (let i = 0; i < CHOICES.indexOf(choice); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}

/** Where a warning button is, in `page` viewport coordinates (main frame only). */
export async function buttonCenter(
  browser: ChromiumExtension,
  page: Page,
  label: string,
): Promise<{ x: number; y: number }> {
  const box = await browser.evaluateInContentScript<{ x: number; y: number } | null>(
    page,
    `(() => {
      const host = document.querySelector('keywarden-guard');
      const root = host && chrome.dom.openOrClosedShadowRoot(host);
      const button = root && Array.from(root.querySelectorAll('button')).find((b) => b.textContent === ${JSON.stringify(label)});
      if (!button) return null;
      const r = button.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    })()`,
  );
  if (!box) throw new Error(`no warning button "${label}"`);
  return box;
}
