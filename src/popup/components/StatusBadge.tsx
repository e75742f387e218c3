import { t } from '../../shared/i18n';
import type { CredentialStatus } from '../../vault/model';

const KEYS: Record<CredentialStatus, string> = {
  active: 'popupStatusActive',
  exposed: 'popupStatusExposed',
  compromised: 'popupStatusCompromised',
  revoked: 'popupStatusRevoked',
};

export function StatusBadge({ status }: { status: CredentialStatus }) {
  return (
    <span class="badge" data-status={status}>
      {t(KEYS[status])}
    </span>
  );
}

export function statusText(status: CredentialStatus): string {
  return t(KEYS[status]);
}
