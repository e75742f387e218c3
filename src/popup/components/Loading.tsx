import { t } from '../../shared/i18n';

export function Loading() {
  return (
    <p class="muted" role="status">
      {t('popupLoading')}
    </p>
  );
}
