/**
 * Re-inserts held text where the user meant it to go, the way the browser would have: the saved caret first, then
 * `execCommand('insertText')`, which keeps the undo history and fires the input events React, ProseMirror, Lexical,
 * CodeMirror and Monaco listen to; then the native value setter plus an input event for text controls, or a Range
 * insert plus an input event for contenteditable. Order and pitfalls from fregante/text-field-edit
 * (https://github.com/fregante/text-field-edit/issues/16) and
 * https://github.com/SafeExamBrowser/seb-win-refactoring/pull/1483 (setRangeText alone fires no input event).
 */

export type TextControl = HTMLInputElement | HTMLTextAreaElement;

export type SavedCaret =
  | { readonly kind: 'control'; readonly element: TextControl; readonly start: number; readonly end: number }
  | { readonly kind: 'editable'; readonly element: HTMLElement; readonly range: Range | null };

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', '']);

export function isTextControl(element: Element | null): element is TextControl {
  if (!element) return false;
  if (element.localName === 'textarea') return true;
  return element.localName === 'input' && TEXT_INPUT_TYPES.has((element as HTMLInputElement).type);
}

/** The element that receives typed text: a text control, or the editing host of a contenteditable. */
export function editableTarget(node: EventTarget | null): TextControl | HTMLElement | null {
  if (!(node instanceof Element)) return node instanceof Node ? editableTarget(node.parentElement) : null;
  if (isTextControl(node)) return node;
  const host = (node as HTMLElement).closest?.('[contenteditable]:not([contenteditable="false"])');
  if (host instanceof HTMLElement && host.isContentEditable) {
    let top: HTMLElement = host;
    while (top.parentElement?.isContentEditable) top = top.parentElement;
    return top;
  }
  return null;
}

/** The caret of `element`, or of a drop at (x, y), saved before the warning takes focus. */
export function saveCaret(element: TextControl | HTMLElement, drop?: { x: number; y: number }): SavedCaret {
  const doc = element.ownerDocument;
  if (isTextControl(element)) {
    const start = element.selectionStart ?? element.value.length;
    const end = element.selectionEnd ?? start;
    return { kind: 'control', element, start, end };
  }
  let range: Range | null = null;
  if (drop) {
    // After preventDefault on drop, the insert point must come from the drop coordinates
    // (https://github.com/ship-studio/ship-studio/pull/281).
    const position = doc.caretPositionFromPoint?.(drop.x, drop.y);
    if (position) {
      range = doc.createRange();
      range.setStart(position.offsetNode, position.offset);
    } else {
      range = doc.caretRangeFromPoint?.(drop.x, drop.y) ?? null;
    }
  } else {
    const selection = doc.getSelection();
    if (selection && selection.rangeCount > 0) range = selection.getRangeAt(0).cloneRange();
  }
  return { kind: 'editable', element, range };
}

function restoreCaret(caret: SavedCaret): void {
  caret.element.focus({ preventScroll: true });
  if (caret.kind === 'control') {
    caret.element.setSelectionRange(caret.start, caret.end);
    return;
  }
  if (!caret.range) return;
  const selection = caret.element.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(caret.range);
}

function fireInput(element: HTMLElement, text: string): void {
  element.dispatchEvent(
    new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: text }),
  );
}

function setControlValue(caret: Extract<SavedCaret, { kind: 'control' }>, text: string): void {
  const { element, start, end } = caret;
  const next = element.value.slice(0, start) + text + element.value.slice(end);
  // React tracks `value` through its own setter; the prototype's setter makes it see the change.
  const proto = element.localName === 'textarea' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(element, next);
  element.setSelectionRange(start + text.length, start + text.length);
  fireInput(element, text);
}

function insertIntoRange(caret: Extract<SavedCaret, { kind: 'editable' }>, text: string): void {
  const doc = caret.element.ownerDocument;
  const range = caret.range ?? doc.createRange();
  if (!caret.range) {
    range.selectNodeContents(caret.element);
    range.collapse(false);
  }
  range.deleteContents();
  const node = doc.createTextNode(text);
  range.insertNode(node);
  range.setStartAfter(node);
  range.collapse(true);
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  fireInput(caret.element, text);
}

function snapshot(caret: SavedCaret): string {
  return caret.kind === 'control' ? caret.element.value : (caret.element.textContent ?? '');
}

/**
 * Inserts exactly `text` at the saved caret. Returns how it was inserted, for tests and diagnostics.
 */
export function insertAtCaret(caret: SavedCaret, text: string): 'execCommand' | 'fallback' {
  restoreCaret(caret);
  const before = snapshot(caret);
  let inserted: boolean;
  try {
    // Deprecated but still the only way to keep the undo stack; browsers report false when it did nothing.
    inserted = caret.element.ownerDocument.execCommand('insertText', false, text);
  } catch {
    inserted = false;
  }
  // Firefox can report success without changing anything (https://github.com/fregante/text-field-edit/issues/16).
  if (inserted && (text === '' || snapshot(caret) !== before)) return 'execCommand';
  if (caret.kind === 'control') setControlValue(caret, text);
  else insertIntoRange(caret, text);
  return 'fallback';
}
