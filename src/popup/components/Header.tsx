import { t } from '../../shared/i18n';
import type { VaultStatus } from '../../vault/service';
import { call } from '../api';
import { useAsync } from '../hooks';
import { href } from '../router';
import { scoreLevel } from '../views/Inventory';

/** Opens the same app in a full tab, on the same route. */
function openInTab(): void {
  const url = chrome.runtime.getURL(`popup/index.html?tab=1${window.location.hash}`);
  void chrome.tabs.create({ url }).then(() => {
    if (!isTabMode()) window.close();
  });
}

export function isTabMode(): boolean {
  return new URLSearchParams(window.location.search).get('tab') === '1' || window.innerWidth > 600;
}

export function Header({
  status,
  routeKey,
  onStatus,
}: {
  status: VaultStatus;
  routeKey: string;
  onStatus: (status: VaultStatus) => void;
}) {
  const audit = useAsync(() => call('audit.get', {}), [routeKey]);
  const score = audit.data.state === 'ok' ? audit.data.value.overall.score : null;
  const unlocked = status.state === 'unlocked';
  return (
    <header class="header">
      <div class="header__title">
        <img src="/icons/icon-32.png" alt="" width={24} height={24} />
        <h1>
          <a href={href('/')}>{t('extName')}</a>
        </h1>
        {score !== null && status.state !== 'uninitialised' && (
          <span class="score score--overall" data-level={scoreLevel(score)}>
            {t('popupOverallScore', String(score))}
          </span>
        )}
      </div>
      <nav class="header__nav" aria-label={t('popupNavLabel')}>
        {unlocked && (
          <>
            <a href={href('/')}>{t('popupNavInventory')}</a>
            <a href={href('/revoke-all')}>{t('popupNavRevokeAll')}</a>
            <a href={href('/signature')}>{t('popupNavSignature')}</a>
            <a href={href('/settings')}>{t('popupNavSettings')}</a>
          </>
        )}
        {!isTabMode() && (
          <button type="button" class="button button--small" onClick={openInTab}>
            {t('popupOpenInTab')}
          </button>
        )}
        {unlocked && (
          <button
            type="button"
            class="button button--small"
            onClick={() => void call('vault.lock', {}).then(onStatus, () => undefined)}
          >
            {t('popupLockNow')}
          </button>
        )}
      </nav>
    </header>
  );
}
