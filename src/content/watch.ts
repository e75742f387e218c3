/** The events through which text enters a page from outside: paste, drop, and their `beforeinput` forms. */
export type TransferEvent = ClipboardEvent | DragEvent | InputEvent;

export type TransferHandler = (event: TransferEvent) => void;

const INPUT_TYPES = new Set(['insertFromPaste', 'insertFromDrop']);

/**
 * Registers capture-phase listeners for paste, drop and beforeinput(insertFromPaste/insertFromDrop) on `target`.
 * Returns an AbortController so the listeners can be removed (for instance when the extension is updated and this
 * content script's context becomes invalid).
 */
export function watchTransfers(target: Window, handler: TransferHandler = () => {}): AbortController {
  const controller = new AbortController();
  const options = { capture: true, signal: controller.signal } as const;
  target.addEventListener('paste', handler, options);
  target.addEventListener('drop', handler, options);
  target.addEventListener(
    'beforeinput',
    (event) => {
      if (INPUT_TYPES.has(event.inputType)) handler(event);
    },
    options,
  );
  return controller;
}
