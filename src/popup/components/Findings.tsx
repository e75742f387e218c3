import { useState } from 'preact/hooks';
import type { Finding, Severity } from '../../audit/types';
import { t } from '../../shared/i18n';
import type { AuditSnapshot } from '../../shared/messages';
import { call, errorText } from '../api';

const SEVERITY_KEYS: Record<Severity, string> = {
  info: 'popupSeverityInfo',
  low: 'popupSeverityLow',
  medium: 'popupSeverityMedium',
  high: 'popupSeverityHigh',
  critical: 'popupSeverityCritical',
};

/** A key's audit findings, worst first, with acknowledge / show again. */
export function Findings({
  findings,
  onAudit,
}: {
  findings: readonly Finding[];
  onAudit: (audit: AuditSnapshot) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  if (findings.length === 0) return <p class="note note--ok">{t('popupFindingsNone')}</p>;
  const acknowledge = async (finding: Finding, acknowledged: boolean): Promise<void> => {
    setError(null);
    try {
      onAudit(
        await call('audit.acknowledge', {
          credentialId: finding.credentialId,
          checkId: finding.checkId,
          acknowledged,
        }),
      );
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <>
      <ul class="findings">
        {findings.map((f) => (
          <li
            key={f.checkId + f.messageKey}
            class="finding"
            data-severity={f.severity}
            data-acknowledged={f.acknowledged}
            data-testid={`finding-${f.checkId}`}
          >
            <p class="finding__head">
              <span class="severity" data-severity={f.severity}>
                {t(SEVERITY_KEYS[f.severity])}
              </span>
              {f.confirmation === 'reported' && <span class="chip">{t('popupReported')}</span>}
              {f.acknowledged && <span class="chip">{t('popupAcknowledged')}</span>}
              {f.countdown !== undefined && (
                <span class="chip chip--warn">
                  {f.countdown.days > 0
                    ? t('popupCountdownDays', String(f.countdown.days))
                    : t('popupCountdownPassed')}
                </span>
              )}
            </p>
            <p>{t(f.messageKey, [...f.substitutions])}</p>
            <p class="finding__action">
              <strong>{t('popupFindingAction')}</strong> {t(f.actionKey, [...f.actionSubstitutions])}
            </p>
            <p class="finding__links">
              <a href={f.link} target="_blank" rel="noopener noreferrer">
                {t('popupOpenKeyPage')}
              </a>
              {f.linkConfirmation === 'reported' && <span class="chip">{t('popupReported')}</span>}
              <button
                type="button"
                class="button button--small"
                onClick={() => void acknowledge(f, !f.acknowledged)}
              >
                {f.acknowledged ? t('popupShowAgain') : t('popupAcknowledge')}
              </button>
            </p>
          </li>
        ))}
      </ul>
      {error !== null && (
        <p class="note note--error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
