/**
 * Clears a copied secret from the clipboard after a delay, and only if the clipboard still holds it (Bitwarden users
 * lost other clipboard contents to blind clears: https://github.com/bitwarden/clients/issues/1234). The check uses a
 * keyed hash kept in storage.session, never the value; the clear does not depend on the vault staying unlocked
 * (https://github.com/bitwarden/desktop/issues/857) and survives a worker restart through an alarm.
 */

import { fromBase64, randomBytes, toBase64, utf8, type Bytes } from '../vault/bytes';

export const CLIPBOARD_ALARM = 'keywarden.clipboard.clear';
const PENDING_KEY = 'keywarden.clipboard.pending';

/** Reading and clearing the system clipboard: an offscreen document on Chromium, the background page on Firefox. */
export interface ClipboardAccess {
  /** The clipboard's text, or null when it cannot be read (permission not granted). */
  read(): Promise<string | null>;
  clear(): Promise<void>;
}

interface Pending {
  readonly key: string;
  readonly mac: string;
  readonly clearAt: number;
}

export interface ClipboardDeps {
  readonly session: Pick<chrome.storage.StorageArea, 'get' | 'set' | 'remove'>;
  readonly alarms: Pick<typeof chrome.alarms, 'create' | 'clear'>;
  readonly access: ClipboardAccess;
  readonly now: () => number;
  /** Seconds to wait, 0 when the user turned clearing off. */
  readonly delaySeconds: () => Promise<number>;
}

async function mac(key: Bytes, value: string): Promise<string> {
  const hmac = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', hmac, utf8(value))));
}

export class ClipboardClearer {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: ClipboardDeps) {}

  /** Call after the popup wrote `value` to the clipboard. Returns when it will be cleared, or null if never. */
  async copied(value: string): Promise<number | null> {
    const seconds = await this.deps.delaySeconds();
    if (seconds <= 0) {
      await this.deps.session.remove(PENDING_KEY);
      return null;
    }
    const key = randomBytes(32);
    const clearAt = this.deps.now() + seconds * 1000;
    const pending: Pending = { key: toBase64(key), mac: await mac(key, value), clearAt };
    await this.deps.session.set({ [PENDING_KEY]: pending });
    // The alarm wakes a stopped worker (Chrome delays alarms to 30 s at least); the timer keeps short delays exact
    // while the worker is alive.
    await this.deps.alarms.create(CLIPBOARD_ALARM, { when: clearAt });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.clearDue(), seconds * 1000);
    return clearAt;
  }

  async onAlarm(name: string): Promise<void> {
    if (name === CLIPBOARD_ALARM) await this.clearDue();
  }

  /** Clears the clipboard if a pending clear is due and the clipboard still holds the copied value. */
  async clearDue(): Promise<'cleared' | 'changed' | 'unreadable' | 'nothing'> {
    const stored = (await this.deps.session.get(PENDING_KEY))[PENDING_KEY] as Pending | undefined;
    if (!stored) return 'nothing';
    if (stored.clearAt > this.deps.now() + 250) {
      await this.deps.alarms.create(CLIPBOARD_ALARM, { when: stored.clearAt });
      return 'nothing';
    }
    await this.deps.session.remove(PENDING_KEY);
    await this.deps.alarms.clear(CLIPBOARD_ALARM);
    const text = await this.deps.access.read();
    if (text === null) return 'unreadable';
    const key = fromBase64(stored.key);
    if (!key || (await mac(key, text)) !== stored.mac) return 'changed';
    await this.deps.access.clear();
    return 'cleared';
  }
}
