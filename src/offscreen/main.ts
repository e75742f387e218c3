/**
 * Chromium's offscreen document with reason CLIPBOARD: the only place an MV3 extension can touch the clipboard
 * without a visible page. It cannot take focus, so it uses execCommand rather than navigator.clipboard
 * (https://developer.chrome.com/docs/extensions/reference/api/offscreen#clipboard).
 */
import { isOffscreenRequest, type OffscreenReply } from './protocol';

const scratch = document.getElementById('scratch') as HTMLTextAreaElement;

function readClipboard(): string | null {
  scratch.value = '';
  scratch.select();
  // Needs the clipboardRead permission; without it execCommand returns false.
  return document.execCommand('paste') ? scratch.value : null;
}

function clearClipboard(): boolean {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy, { once: true });
  return document.execCommand('copy');
}

chrome.runtime.onMessage.addListener((message: unknown, sender, reply: (value: OffscreenReply) => void) => {
  if (sender.id !== chrome.runtime.id || !isOffscreenRequest(message)) return undefined;
  reply(message.op === 'read-clipboard' ? { text: readClipboard() } : { done: clearClipboard() });
  return undefined;
});
