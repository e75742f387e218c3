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

function originOf(sender: SenderInfo): string | null {
  // Chromium sets `origin`; Firefox only sets `url`.
  if (sender.origin && sender.origin !== 'null') return sender.origin;
  if (!sender.url) return null;
  try {
    // Built from parts: `URL.origin` is "null" for non-special schemes in some engines (Node, older Firefox).
    const url = new URL(sender.url);
    return url.host ? `${url.protocol}//${url.host}` : null;
  } catch {
    return null;
  }
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
