import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { GuardIndex } from '../../src/guard/types';
import type { CredentialInput, CredentialMeta, CredentialStatus } from '../../src/vault/model';
import type { ChromiumExtension } from './chromium';
import { ask } from './messages';

export const TEST_PASSPHRASE = 'correct horse battery staple orbit';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh random value of `length` characters from `alphabet`, with every character class of the alphabet present:
 * synthetic key material of a real shape, high-entropy enough for the vault to index it for the paste guard.
 */
export function randomToken(length: number, alphabet = ALNUM): string {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/].filter((re) => re.test(alphabet));
  for (;;) {
    let value = '';
    for (let i = 0; i < length; i++) value += alphabet[randomInt(alphabet.length)];
    if (classes.every((re) => re.test(value))) return value;
  }
}

/** Creates the vault (unlocked) through the message API, from an extension page such as the popup tab. */
export async function createVault(page: Page, passphrase = TEST_PASSPHRASE): Promise<void> {
  await ask(page, 'vault.create', { passphrase });
}

export async function addCredential(page: Page, input: CredentialInput): Promise<CredentialMeta> {
  return ask(page, 'vault.add', { input });
}

export async function credentialStatus(page: Page, id: string): Promise<CredentialStatus | undefined> {
  const { credentials } = await ask(page, 'vault.list', {});
  return credentials.find((c) => c.id === id)?.status;
}

/** The guard index the background published to storage.local for content scripts, read from the worker. */
export async function guardIndex(browser: ChromiumExtension): Promise<GuardIndex | null> {
  const worker = await browser.worker();
  return worker.evaluate(async () => {
    const stored = await chrome.storage.local.get('guardIndex');
    return (stored.guardIndex as GuardIndex | undefined) ?? null;
  });
}

/**
 * Waits until the published guard index satisfies `ready` (for instance: it knows a credential's secret). Content
 * scripts read the index on the first focus in a frame and follow its changes after that.
 */
export async function waitForGuardIndex(
  browser: ChromiumExtension,
  ready: (index: GuardIndex) => boolean,
  timeout = 10_000,
): Promise<GuardIndex> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const index = await guardIndex(browser);
    if (index && ready(index)) return index;
    if (Date.now() > deadline) throw new Error('the guard index was not published in time');
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** True when the index knows credential `id`'s `field` (by its opaque ref, `id:field`). */
export const knows =
  (id: string, field = 'secret') =>
  (index: GuardIndex): boolean =>
    index.entries.some(([, ref]) => ref === `${id}:${field}`);
