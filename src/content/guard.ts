import { DETECTOR_RULES } from '../detector/rules.generated';
import { EXCHANGE_SITES } from '../guard/exchange-sites.generated';
import { judgePaste } from '../guard/judge';
import { GUARD_INDEX_KEY, type GuardChoice, type GuardIndex, type Verdict } from '../guard/types';
import { send } from '../shared/client';
import { editableTarget, insertAtCaret, saveCaret, type SavedCaret } from './insert';
import { readTransfer } from './transfer';
import { showWarning, type WarningContent } from './warning';
import { watchTransfers, type TransferEvent } from './watch';

const t = (key: string, subs?: string | string[]) => chrome.i18n.getMessage(key, subs) || key;

const FIELD_KEYS = {
  apiKey: 'fieldApiKey',
  secret: 'fieldSecret',
  passphrase: 'fieldPassphrase',
  privateKey: 'fieldPrivateKey',
};

/** The host the page's content belongs to; about:blank and srcdoc frames inherit their parent's origin. */
function hostOf(win: Window): string {
  try {
    return new URL(win.origin).hostname;
  } catch {
    return '';
  }
}

function isGuardIndex(value: unknown): value is GuardIndex {
  const index = value as GuardIndex | undefined;
  return !!index && index.version === 1 && typeof index.seed === 'string' && Array.isArray(index.entries);
}

function describe(
  verdict: Extract<Verdict, { action: 'hold' }>,
  host: string,
  label: string | null,
): WarningContent {
  const exchange = verdict.stored?.exchange ?? verdict.shape?.exchange ?? null;
  const name = exchange ? (EXCHANGE_SITES[exchange]?.name ?? exchange) : null;
  const field = t(FIELD_KEYS[verdict.stored?.field ?? verdict.shape?.field ?? 'secret']);
  let title: string;
  if (verdict.stored) {
    title = label
      ? t('guardTitleStoredLabel', [name ?? '', label, field])
      : t('guardTitleStored', [name ?? '', field]);
  } else {
    title = name ? t('guardTitleShape', [name, field]) : t('guardTitleShapeUnknown', field);
  }
  const showPreview = (verdict.stored?.field ?? verdict.shape?.field) !== 'passphrase';
  const detail = [
    t(verdict.severity === 'secret' ? 'guardDetailSecret' : 'guardDetailApiKey'),
    showPreview ? t('guardPreview', verdict.preview) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { title, detail, site: host, storedKey: verdict.stored !== null };
}

/**
 * The paste guard in one frame. On load it only registers listeners; the guard index (hashes of stored values and
 * site allowances, see src/guard/types.ts) is read from storage.local on the first focus into the page, long before
 * a paste can happen, so the decision inside the paste event stays synchronous. Until it is read, pastes are judged
 * by shape alone.
 */
export function startGuard(win: Window): AbortController {
  let index: GuardIndex | null = null;
  let loading = false;
  let busy = false;
  /** A paste that was judged and passed: its beforeinput twin in the same task needs no second look. */
  let passed: TransferEvent | null = null;

  const load = () => {
    if (loading) return;
    loading = true;
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && GUARD_INDEX_KEY in changes) {
        const next: unknown = changes[GUARD_INDEX_KEY]?.newValue;
        index = isGuardIndex(next) ? next : null;
      }
    });
    chrome.storage.local
      .get(GUARD_INDEX_KEY)
      .then((stored) => {
        const value: unknown = stored[GUARD_INDEX_KEY];
        index = isGuardIndex(value) ? value : null;
      })
      .catch(() => {
        // Without the index the guard still judges by shape; nothing else to do.
      });
  };
  win.addEventListener('focusin', load, { capture: true, once: true });
  win.addEventListener('pointerdown', load, { capture: true, once: true });

  const hold = async (event: TransferEvent, text: string, verdict: Extract<Verdict, { action: 'hold' }>) => {
    busy = true;
    const target = editableTarget(event.target);
    const drop =
      event.type === 'drop'
        ? { x: (event as DragEvent).clientX, y: (event as DragEvent).clientY }
        : undefined;
    const caret: SavedCaret | null = target ? saveCaret(target, drop) : null;
    const host = hostOf(win);
    const warning = showWarning(target, describe(verdict, host, null));
    const held = send('guard.held', {
      kind: readTransfer(event).kind,
      severity: verdict.severity,
      stored: verdict.stored ? { ref: verdict.stored.ref } : null,
      shape: verdict.shape,
    })
      .then((reply) => {
        if (reply.label) warning.update(describe(verdict, host, reply.label));
        return reply.eventId;
      })
      .catch(() => null);
    try {
      const choice: GuardChoice = await warning.choice;
      if ((choice === 'paste-anyway' || choice === 'allow-site') && caret) insertAtCaret(caret, text);
      else caret?.element.focus({ preventScroll: true });
      const eventId = await held;
      if (eventId) await send('guard.choice', { eventId, choice });
    } catch {
      // The background may be updating; the user's choice in this page has already been applied.
    } finally {
      busy = false;
    }
  };

  return watchTransfers(win, (event) => {
    // Untrusted events insert nothing by themselves, and answering them would let a page probe which strings are
    // stored keys by dispatching synthetic pastes.
    if (!event.isTrusted) return;
    if (event.type === 'beforeinput' && passed) return;
    const { text } = readTransfer(event);
    if (!text) return;
    if (busy) {
      // One warning at a time: a second paste while one is open is held without a second dialog.
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    const verdict = judgePaste(text, hostOf(win), { rules: DETECTOR_RULES, sites: EXCHANGE_SITES, index });
    if (verdict.action === 'pass') {
      passed = event;
      setTimeout(() => (passed = null), 0);
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    void hold(event, text, verdict);
  });
}
