import type { OffscreenReply, OffscreenRequest } from '../offscreen/protocol';
import type { ClipboardAccess } from './clipboard';

const OFFSCREEN_URL = 'offscreen/index.html';

async function hasClipboardRead(): Promise<boolean> {
  return chrome.permissions.contains({ permissions: ['clipboardRead'] });
}

async function ensureOffscreen(): Promise<void> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
  });
  if (contexts.length > 0) return;
  await chrome.offscreen.createDocument({
    url: OFFSCREEN_URL,
    reasons: [chrome.offscreen.Reason.CLIPBOARD],
    justification: 'Clear a copied API secret from the clipboard after a delay, if it is still there.',
  });
}

async function askOffscreen(op: OffscreenRequest['op']): Promise<OffscreenReply> {
  await ensureOffscreen();
  const request: OffscreenRequest = { target: 'offscreen', op };
  return (await chrome.runtime.sendMessage<OffscreenRequest, OffscreenReply>(request)) ?? {};
}

/** Chromium: an offscreen document does the reading and clearing. */
const offscreenAccess: ClipboardAccess = {
  async read() {
    if (!(await hasClipboardRead())) return null;
    return (await askOffscreen('read-clipboard')).text ?? null;
  },
  async clear() {
    await askOffscreen('clear-clipboard');
  },
};

/** Firefox has no offscreen documents, but its MV3 background is an event page with a DOM and navigator.clipboard. */
const backgroundPageAccess: ClipboardAccess = {
  async read() {
    if (!(await hasClipboardRead())) return null;
    return navigator.clipboard.readText();
  },
  async clear() {
    await navigator.clipboard.writeText('');
  },
};

export function clipboardAccess(): ClipboardAccess {
  return typeof chrome.offscreen?.createDocument === 'function' ? offscreenAccess : backgroundPageAccess;
}
