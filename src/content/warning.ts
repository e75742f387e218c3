/**
 * The paste warning: a small dialog in a closed shadow root with its own styles, so the page can neither read it nor
 * restyle it, placed near the field. It takes focus; Escape or Cancel dismisses it; focus then returns to the field.
 * Buttons act only on trusted events, "Paste anyway" is armed after a short delay, and nothing acts while the
 * dialog is hidden or covered: DOM-based clickjacking hid extension UI and tricked a click in password managers
 * (https://github.com/keepassxreboot/keepassxc-browser/issues/2645). No framework here: the content script runs in
 * every frame and must stay small.
 */

export type WarningChoice = 'cancel' | 'paste-anyway' | 'allow-site' | 'treat-exposed';

export interface WarningContent {
  readonly title: string;
  readonly detail: string;
  readonly site: string;
  /** For a stored key: the "allow on this site" and "treat as exposed" actions. */
  readonly storedKey: boolean;
}

export interface WarningHandle {
  readonly choice: Promise<WarningChoice>;
  update(content: Partial<WarningContent>): void;
}

/** Long enough that a click already under way (or a page's scripted timing) cannot land on "Paste anyway". */
export const ARM_DELAY_MS = 700;

const t = (key: string, subs?: string | string[]) => chrome.i18n.getMessage(key, subs) || key;

/** Fixed, so the warning's size is the same whatever was caught. */
const CARD_HEIGHT = 250;

const STYLE = `
:host { all: initial !important; }
.card { box-sizing: border-box; width: min(420px, calc(100vw - 16px)); height: ${CARD_HEIGHT}px; overflow-y: auto;
  padding: 14px 16px; border-radius: 10px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #17202a; background: #fff;
  border: 2px solid #b3261e; box-shadow: 0 8px 28px rgba(0,0,0,.28); }
h2 { margin: 0 0 6px; font-size: 15px; color: #b3261e; display: flex; gap: 6px; align-items: center; }
p { margin: 4px 0; }
.site { color: #5d6d7e; font-size: 13px; }
.actions { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; margin-top: 12px; }
button { font: inherit; padding: 6px 12px; border-radius: 6px; border: 1px solid #8a96a3; background: #f3f5f7;
  color: inherit; cursor: pointer; }
button.primary { background: #0b5cad; border-color: #0b5cad; color: #fff; }
button.off { visibility: hidden; }
button[aria-disabled="true"] { opacity: .55; cursor: not-allowed; }
button:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .card { background: #1d232a; color: #e8edf2; border-color: #ff8a80; }
  h2 { color: #ff8a80; }
  .site { color: #9aa7b4; }
  button { background: #2a323b; border-color: #56616d; }
  button.primary { background: #7cb7ff; border-color: #7cb7ff; color: #0d1b2a; }
  button:focus-visible { outline-color: #8ab4f8; }
}`;

const HOST_STYLE =
  'all: initial !important; position: fixed !important; z-index: 2147483647 !important; opacity: 1 !important;' +
  ' visibility: visible !important; display: block !important; pointer-events: auto !important;' +
  ' transform: none !important; filter: none !important; clip-path: none !important;';

function place(host: HTMLElement, anchor: Element | null): void {
  const view = host.ownerDocument.defaultView;
  const width = Math.min(420, (view?.innerWidth ?? 436) - 16);
  const box = anchor?.getBoundingClientRect();
  const top = box
    ? Math.min(Math.max(8, box.bottom + 8), Math.max(8, (view?.innerHeight ?? 600) - CARD_HEIGHT - 8))
    : 16;
  const left = box ? Math.min(Math.max(8, box.left), Math.max(8, (view?.innerWidth ?? 800) - width - 8)) : 16;
  host.style.cssText = `${HOST_STYLE} top: ${top}px !important; left: ${left}px !important;`;
}

/** IntersectionObserver v2 (Chromium only): not yet in TypeScript's DOM types. */
type VisibilityEntry = IntersectionObserverEntry & { readonly isVisible?: boolean };
/** 'unknown' where the API is missing or has not reported yet: the checks below still apply. */
type Visibility = 'visible' | 'hidden' | 'unknown';

/**
 * Tracks whether the browser itself reports the host as unoccluded and free of visual effects. Only this catches a
 * page overlay with `pointer-events: none` (invisible to elementFromPoint) or a faded ancestor, including the frame's
 * own embedding (https://web.dev/articles/intersectionobserver-v2). Firefox lacks the API.
 * Observe the card, not the host: Chromium counts the host's own shadow content as occluding the host.
 */
function trackVisibility(target: HTMLElement): { state: () => Visibility; stop: () => void } {
  const view = target.ownerDocument.defaultView;
  const supported = !!view && 'isVisible' in view.IntersectionObserverEntry.prototype;
  if (!view || !supported) return { state: () => 'unknown', stop: () => {} };
  let state: Visibility = 'unknown';
  const observer = new view.IntersectionObserver(
    (entries) => {
      for (const entry of entries as VisibilityEntry[])
        state = entry.isVisible === true ? 'visible' : 'hidden';
    },
    { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  observer.observe(target);
  return { state: () => state, stop: () => observer.disconnect() };
}

/** True when the host is really on screen and on top at (x, y): not hidden, faded or covered by the page. */
function isGenuinelyVisible(host: HTMLElement, event: MouseEvent, tracked: Visibility): boolean {
  const view = host.ownerDocument.defaultView;
  if (!view || !host.isConnected || tracked === 'hidden') return false;
  // The page can move the host into a faded or clipped container: it must still be where it was put.
  const root = host.ownerDocument.documentElement;
  if (host.parentNode !== root) return false;
  const style = view.getComputedStyle(host);
  if (style.opacity !== '1' || style.visibility !== 'visible' || style.display === 'none') return false;
  const rootStyle = view.getComputedStyle(root);
  if (rootStyle.opacity !== '1' || rootStyle.filter !== 'none' || rootStyle.clipPath !== 'none') return false;
  // Keyboard activation (detail 0) has no pointer position; a page cannot forge trusted key presses.
  if (event.detail === 0) return true;
  return host.ownerDocument.elementFromPoint(event.clientX, event.clientY) === host;
}

function button(doc: Document, label: string, primary = false): HTMLButtonElement {
  const element = doc.createElement('button');
  element.type = 'button';
  element.textContent = label;
  if (primary) element.className = 'primary';
  return element;
}

/** Shows the warning near `anchor` and resolves with the user's choice. */
export function showWarning(anchor: Element | null, content: WarningContent): WarningHandle {
  const doc = (anchor ?? document.documentElement).ownerDocument;
  const host = doc.createElement('keywarden-guard');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const card = doc.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'alertdialog');
  card.setAttribute('aria-modal', 'true');
  card.setAttribute('aria-labelledby', 'kw-title');
  card.setAttribute('aria-describedby', 'kw-detail');
  const title = doc.createElement('h2');
  title.id = 'kw-title';
  const detail = doc.createElement('p');
  detail.id = 'kw-detail';
  const site = doc.createElement('p');
  site.className = 'site';
  const actions = doc.createElement('div');
  actions.className = 'actions';
  const cancel = button(doc, t('guardCancel'), true);
  const pasteAnyway = button(doc, t('guardPasteAnyway'));
  const allowSite = button(doc, t('guardAllowSite'));
  const exposed = button(doc, t('guardTreatExposed'));
  pasteAnyway.setAttribute('aria-disabled', 'true');
  card.append(title, detail, site, actions);
  root.append(style, card);

  const render = (next: WarningContent) => {
    title.textContent = next.title;
    detail.textContent = next.detail;
    site.textContent = t('guardSite', next.site);
    // The same buttons and the same card size for every warning: a page can measure the host element, and must not
    // learn from its size whether the paste was one of the user's stored keys.
    if (actions.childElementCount === 0) actions.append(cancel, pasteAnyway, allowSite, exposed);
    for (const storedOnly of [allowSite, exposed]) {
      storedOnly.classList.toggle('off', !next.storedKey);
      storedOnly.setAttribute('aria-hidden', String(!next.storedKey));
    }
  };
  let current = content;
  render(current);
  place(host, anchor);
  doc.documentElement.append(host);

  const visibility = trackVisibility(card);
  const armedAt = performance.now() + ARM_DELAY_MS;
  const armTimer = setTimeout(() => pasteAnyway.removeAttribute('aria-disabled'), ARM_DELAY_MS);
  const focusable = () =>
    Array.from(actions.querySelectorAll('button')).filter((b) => !b.classList.contains('off'));

  let settle: (choice: WarningChoice) => void = () => {};
  const choice = new Promise<WarningChoice>((resolve) => {
    settle = (value) => {
      clearTimeout(armTimer);
      visibility.stop();
      host.remove();
      resolve(value);
    };
  });

  const act = (value: WarningChoice, needsArming: boolean) => (event: MouseEvent) => {
    if (!event.isTrusted || !isGenuinelyVisible(host, event, visibility.state())) return;
    if (needsArming && performance.now() < armedAt) return;
    if ((value === 'allow-site' || value === 'treat-exposed') && !current.storedKey) return;
    settle(value);
  };
  cancel.addEventListener('click', act('cancel', false));
  pasteAnyway.addEventListener('click', act('paste-anyway', true));
  allowSite.addEventListener('click', act('allow-site', true));
  exposed.addEventListener('click', act('treat-exposed', false));
  card.addEventListener('keydown', (event) => {
    if (!event.isTrusted) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      settle('cancel');
      return;
    }
    if (event.key === 'Tab') {
      // Keep focus inside the dialog while it is open.
      const buttons = focusable();
      const index = buttons.indexOf(root.activeElement as HTMLButtonElement);
      const next = event.shiftKey ? index - 1 : index + 1;
      event.preventDefault();
      buttons[(next + buttons.length) % buttons.length]?.focus();
    }
  });
  cancel.focus();

  return {
    choice,
    update(patch) {
      current = { ...current, ...patch };
      render(current);
    },
  };
}
