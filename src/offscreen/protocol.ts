/** Messages from the background to its offscreen document (Chromium only), separate from the public message map. */
export interface OffscreenRequest {
  readonly target: 'offscreen';
  readonly op: 'read-clipboard' | 'clear-clipboard';
}

export interface OffscreenReply {
  readonly text?: string | null;
  readonly done?: boolean;
}

export function isOffscreenRequest(message: unknown): message is OffscreenRequest {
  const m = message as OffscreenRequest | null;
  return !!m && m.target === 'offscreen' && (m.op === 'read-clipboard' || m.op === 'clear-clipboard');
}
