import type { TransferEvent } from './watch';

/** What a paste or drop carries, as far as the guard cares: its plain text, or nothing to judge. */
export interface Transfer {
  /** The plain text, or null for files, images and empty transfers: those always pass untouched. */
  readonly text: string | null;
  readonly kind: 'paste' | 'drop';
}

function dataOf(event: TransferEvent): DataTransfer | null {
  if ('clipboardData' in event) return event.clipboardData;
  return event.dataTransfer;
}

function kindOf(event: TransferEvent): Transfer['kind'] {
  if (event.type === 'drop') return 'drop';
  if (event.type === 'beforeinput')
    return (event as InputEvent).inputType === 'insertFromDrop' ? 'drop' : 'paste';
  return 'paste';
}

/**
 * Reads the plain text of a transfer. A transfer that carries files is left alone even when it also has text
 * (an image copied from a page often carries its URL as text): paste guards that held those broke image paste
 * (https://github.com/jswanner/DontF-WithPaste/issues/58).
 */
export function readTransfer(event: TransferEvent): Transfer {
  const kind = kindOf(event);
  const data = dataOf(event);
  if (!data) {
    // beforeinput from a plain text control may carry its text in `data` only.
    const text = event.type === 'beforeinput' ? (event as InputEvent).data : null;
    return { text: text || null, kind };
  }
  if (data.files.length > 0 || Array.from(data.types).includes('Files')) return { text: null, kind };
  const text = data.getData('text/plain');
  return { text: text || null, kind };
}
