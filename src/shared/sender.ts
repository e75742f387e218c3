import type { SenderRole } from './messages';

/** The parts of runtime.MessageSender we rely on (the same in Chromium and Firefox). */
export interface SenderInfo {
  readonly id?: string;
  readonly url?: string;
  readonly origin?: string;
  readonly frameId?: number;
  readonly tab?: { readonly id?: number };
}

export interface SelfInfo {
  readonly id: string;
  /** The extension's own origin, e.g. `chrome-extension://abc` or `moz-extension://uuid`, without a trailing slash. */
  readonly origin: string;
}

/**
 * The sender's address as a URL: Chromium sets `origin`, Firefox only `url`; an opaque origin ("null", about:blank
 * frames) falls back to the url. Built from parts, since `URL.origin` is "null" for non-special schemes in some
 * engines (Node, older Firefox).
 */
function senderUrl(sender: SenderInfo): URL | null {
  for (const candidate of [sender.origin, sender.url]) {
    if (!candidate || candidate === 'null') continue;
    try {
      const url = new URL(candidate);
      if (url.host) return url;
    } catch {
      // Try the next one.
    }
  }
  return null;
}

function originOf(sender: SenderInfo): string | null {
  const url = senderUrl(sender);
  return url ? `${url.protocol}//${url.host}` : null;
}

/** The host name of the page a content script runs in, from what the browser says (never from a payload). */
export function senderHostname(sender: SenderInfo): string | null {
  return senderUrl(sender)?.hostname ?? null;
}

/**
 * Classifies a message's sender, or returns null when it must be refused: another extension, a page with no
 * extension context, or an extension page running inside a frame (our pages are never web-accessible, so a framed
 * one is unexpected). Content scripts are recognised by having a tab and a non-extension origin.
 * Lesson from Bitwarden: check the sender id, the origin and the frame, not just one of them.
 */
export function classifySender(sender: SenderInfo, self: SelfInfo): SenderRole | null {
  if (sender.id !== self.id) return null;
  const origin = originOf(sender);
  if (origin === self.origin) {
    return sender.frameId === undefined || sender.frameId === 0 ? 'extension-page' : null;
  }
  if (sender.tab && typeof sender.tab.id === 'number') return 'content-script';
  return null;
}
