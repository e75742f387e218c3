import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { VaultStatus } from '../../vault/service';
import { estimateStrength } from '../../vault/strength';
import { call, errorText } from '../api';
import { PasswordInput } from '../components/PasswordInput';
import { StrengthMeter } from '../components/StrengthMeter';
import { ViewHeading } from '../components/ViewHeading';

/** Same threshold as the background's (MIN_PASSPHRASE_SCORE in src/vault/service.ts); it checks again anyway. */
const MIN_SCORE = 2;

export function FirstRun({ onStatus }: { onStatus: (status: VaultStatus) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const estimate = estimateStrength(passphrase);
  const weak = estimate.score < MIN_SCORE;
  const mismatch = confirm !== '' && confirm !== passphrase;

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (weak) return setError(t('popupFirstRunWeak'));
    if (confirm !== passphrase) return setError(t('popupFirstRunMismatch'));
    setBusy(true);
    setError(null);
    try {
      const status = await call('vault.create', { passphrase });
      setPassphrase('');
      setConfirm('');
      onStatus(status);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="view">
      <ViewHeading>{t('popupFirstRunTitle')}</ViewHeading>
      <p>{t('popupFirstRunIntro')}</p>
      <p class="note note--warning" id="first-run-warning">
        <strong>{t('popupFirstRunWarningTitle')}</strong> {t('popupFirstRunWarning')}
      </p>
      <form class="form" onSubmit={(e) => void submit(e)} noValidate>
        <div class="field">
          <label for="new-passphrase">{t('popupPassphrase')}</label>
          <PasswordInput
            id="new-passphrase"
            value={passphrase}
            onInput={setPassphrase}
            autoComplete="new-password"
            describedBy="new-passphrase-strength first-run-warning"
            invalid={passphrase !== '' && weak}
            required
            autoFocus
          />
          <StrengthMeter id="new-passphrase-strength" estimate={estimate} />
        </div>
        <div class="field">
          <label for="confirm-passphrase">{t('popupPassphraseConfirm')}</label>
          <PasswordInput
            id="confirm-passphrase"
            value={confirm}
            onInput={setConfirm}
            autoComplete="new-password"
            describedBy={mismatch ? 'confirm-mismatch' : undefined}
            invalid={mismatch}
            required
          />
          {mismatch && (
            <p id="confirm-mismatch" class="field__error">
              {t('popupFirstRunMismatch')}
            </p>
          )}
        </div>
        {error !== null && (
          <p class="note note--error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t('popupFirstRunCreating') : t('popupFirstRunCreate')}
        </button>
      </form>
    </section>
  );
}
