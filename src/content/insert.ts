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
  | { readonly kind: 'editable'; readonly element: HTMLElement; readonly range: Range | null }
  | { readonly kind: 'edit-context'; readonly element: HTMLElement };

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', '']);

export function isTextControl(element: Element | null): element is TextControl {
  if (!element) return false;
  if (element.localName === 'textarea') return true;
  return element.localName === 'input' && TEXT_INPUT_TYPES.has((element as HTMLInputElement).type);
}

/**
 * True for an element that takes text through the EditContext API (Monaco in Chromium): it is neither a text control
 * nor contenteditable, and keeps the text in the editor's own model (https://developer.chrome.com/blog/edit-context).
 */
function hasEditContext(element: HTMLElement): boolean {
  return !!(element as HTMLElement & { editContext?: unknown }).editContext;
}

/** The element that receives typed text: a text control, an EditContext host, or a contenteditable's editing host. */
export function editableTarget(node: EventTarget | null): TextControl | HTMLElement | null {
  if (!(node instanceof Element)) return node instanceof Node ? editableTarget(node.parentElement) : null;
  if (isTextControl(node)) return node;
  if (node instanceof HTMLElement && hasEditContext(node)) return node;
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
  if (hasEditContext(element)) return { kind: 'edit-context', element };
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
  if (caret.kind === 'edit-context' || !caret.range) return;
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

/**
 * An EditContext editor keeps its caret in its own model, and `execCommand` cannot reach it: hand it the text as the
 * paste it was, a paste event carrying a DataTransfer, which such editors read (Monaco's NativeEditContext does).
 * The guard ignores this untrusted event, so it is not held again.
 */
function pasteIntoEditContext(element: HTMLElement, text: string): void {
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  element.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true }),
  );
}

function snapshot(caret: Exclude<SavedCaret, { kind: 'edit-context' }>): string {
  return caret.kind === 'control' ? caret.element.value : (caret.element.textContent ?? '');
}

/**
 * Inserts exactly `text` at the saved caret. Returns how it was inserted, for tests and diagnostics.
 */
/** True when focus is in the saved field (or inside its editing host), so execCommand acts on it and nowhere else. */
function hasFocus(caret: SavedCaret): boolean {
  const active = caret.element.ownerDocument.activeElement;
  return (
    active === caret.element || (caret.kind === 'editable' && !!active && caret.element.contains(active))
  );
}

export function insertAtCaret(
  caret: SavedCaret,
  text: string,
): 'execCommand' | 'fallback' | 'paste-event' | 'gone' {
  // The field may have been removed while the warning was open: insert nowhere rather than somewhere else.
  if (!caret.element.isConnected) return 'gone';
  restoreCaret(caret);
  if (caret.kind === 'edit-context') {
    pasteIntoEditContext(caret.element, text);
    return 'paste-event';
  }
  const before = snapshot(caret);
  let inserted = false;
  // A page that moves focus when the field is refocused would otherwise receive the text in another element.
  if (hasFocus(caret)) {
    try {
      // Deprecated but still the only way to keep the undo stack; browsers report false when it did nothing.
      inserted = caret.element.ownerDocument.execCommand('insertText', false, text);
    } catch {
      inserted = false;
    }
  }
  // Firefox can report success without changing anything (https://github.com/fregante/text-field-edit/issues/16).
  if (inserted && (text === '' || snapshot(caret) !== before)) return 'execCommand';
  if (caret.kind === 'control') setControlValue(caret, text);
  else insertIntoRange(caret, text);
  return 'fallback';
}
