import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { VaultStatus } from '../../vault/service';
import { call, errorCode, errorDetails, errorText } from '../api';
import { PasswordInput } from '../components/PasswordInput';
import { ViewHeading } from '../components/ViewHeading';
import { formatDateTime } from '../format';
import { Inventory } from './Inventory';

type Failure =
  | { readonly kind: 'wrong' }
  | { readonly kind: 'wait'; readonly retryAt: number }
  | { readonly kind: 'other'; readonly text: string };

/** The locked vault: the unlock form, and the inventory read-only below it (metadata stays readable while locked). */
export function Unlock({
  status,
  onStatus,
}: {
  status: VaultStatus;
  onStatus: (status: VaultStatus) => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const initialRetry = status.backoff.retryAt;
  const [failure, setFailure] = useState<Failure | null>(
    initialRetry !== null && initialRetry > Date.now() ? { kind: 'wait', retryAt: initialRetry } : null,
  );
  const [now, setNow] = useState(Date.now());
  const waiting = failure?.kind === 'wait' && failure.retryAt > now;

  useEffect(() => {
    if (failure?.kind !== 'wait') return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [failure]);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (passphrase === '') return;
    setBusy(true);
    try {
      const next = await call('vault.unlock', { passphrase });
      setPassphrase('');
      onStatus(next);
    } catch (err) {
      const code = errorCode(err);
      const retryAt = errorDetails(err).retryAt;
      if (code === 'rate-limited' && retryAt !== undefined) setFailure({ kind: 'wait', retryAt });
      else if (code === 'wrong-passphrase') setFailure({ kind: 'wrong' });
      else setFailure({ kind: 'other', text: errorText(err) });
      setNow(Date.now());
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section class="view">
        <ViewHeading>{t('popupUnlockTitle')}</ViewHeading>
        <form class="form form--inline" onSubmit={(e) => void submit(e)} noValidate>
          <div class="field">
            <label for="unlock-passphrase">{t('popupPassphrase')}</label>
            <PasswordInput
              id="unlock-passphrase"
              value={passphrase}
              onInput={setPassphrase}
              autoComplete="current-password"
              invalid={failure?.kind === 'wrong'}
              describedBy={failure ? 'unlock-error' : undefined}
              required
              autoFocus
            />
          </div>
          <button type="submit" class="button button--primary" disabled={busy || waiting}>
            {t('popupUnlock')}
          </button>
        </form>
        <div id="unlock-error" role="alert">
          {failure?.kind === 'wrong' && <p class="note note--error">{t('popupUnlockWrong')}</p>}
          {failure?.kind === 'wait' &&
            (waiting ? (
              <p class="note note--error">
                {t('popupUnlockRateLimited', [
                  String(Math.ceil((failure.retryAt - now) / 1000)),
                  formatDateTime(failure.retryAt),
                ])}
              </p>
            ) : (
              <p class="note">{t('popupUnlockRetryNow')}</p>
            ))}
          {failure?.kind === 'other' && <p class="note note--error">{failure.text}</p>}
        </div>
      </section>
      <Inventory readOnly />
    </>
  );
}
