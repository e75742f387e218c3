import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldKind } from '../../exchanges/types';
import { t } from '../../shared/i18n';
import { call, errorText } from '../api';
import { requestPermissions } from '../permissions';

const REVEAL_MS = 20_000;

/**
 * Whether this page already asked for clipboardRead (the background needs it to check the clipboard still holds
 * our value before clearing it). Module state: asked once per page.
 */
let clipboardAsked: Promise<boolean> | null = null;

/**
 * Reveal and Copy for one stored field. The value is in the DOM only inside <output> while revealed, and leaves
 * component state when hidden, after 20 seconds, or when the view closes.
 */
export function SecretField({ id, field, label }: { id: string; field: FieldKind; label: string }) {
  const [value, setValue] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const outputId = `reveal-${field}`;

  const hide = (): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    setValue(null);
  };
  useEffect(() => hide, []);

  const reveal = async (): Promise<void> => {
    if (value !== null) return hide();
    setMessage(null);
    try {
      const answer = await call('vault.reveal', { id, field });
      setValue(answer.value);
      timer.current = setTimeout(hide, REVEAL_MS);
    } catch (err) {
      setMessage({ text: errorText(err), error: true });
    }
  };

  const copy = (): void => {
    // The permission prompt needs the click's user gesture, so it is requested before anything is awaited. The
    // write waits for the prompt to close, since a focused document is needed to write to the clipboard.
    clipboardAsked ??= requestPermissions({ permissions: ['clipboardRead'] });
    const asked = clipboardAsked;
    void (async () => {
      try {
        const granted = await asked;
        const answer = await call('vault.reveal', { id, field });
        await navigator.clipboard.writeText(answer.value);
        const { clearsAt } = await call('vault.copied', { id, field });
        const text =
          !granted || clearsAt === null
            ? t('popupCopiedNoClear')
            : t('popupCopiedClears', String(Math.max(1, Math.round((clearsAt - Date.now()) / 1000))));
        setMessage({ text, error: false });
      } catch (err) {
        setMessage({
          text: err instanceof DOMException ? t('popupCopyFailed') : errorText(err),
          error: true,
        });
      }
    })();
  };

  return (
    <div class="secret" data-testid={`secret-${field}`}>
      <span class="secret__label" id={`${outputId}-label`}>
        {label}
      </span>
      <span class="secret__buttons">
        <button
          type="button"
          class="button button--small"
          aria-pressed={value !== null}
          aria-controls={outputId}
          aria-label={t(value === null ? 'popupRevealField' : 'popupHideField', label)}
          onClick={() => void reveal()}
        >
          {value === null ? t('popupReveal') : t('popupHide')}
        </button>
        <button
          type="button"
          class="button button--small"
          aria-label={t('popupCopyField', label)}
          onClick={copy}
        >
          {t('popupCopy')}
        </button>
      </span>
      <output id={outputId} class="secret__value mono" aria-labelledby={`${outputId}-label`}>
        {value}
      </output>
      {message !== null && (
        <p class={message.error ? 'note note--error' : 'note'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
