import { useState } from 'preact/hooks';
import type { ExchangeId } from '../../exchanges/types';
import type { LiveAuditResult, UnknownReason } from '../../live-audit/types';
import { t } from '../../shared/i18n';
import { call, errorText } from '../api';
import { formatDate, formatDateTime } from '../format';
import { liveAuditOrigins, requestPermissions } from '../permissions';
import { useLiveKit, type LiveKit } from '../use-live-kit';
import { Permissions } from './Permissions';

const REASON_KEYS: Record<UnknownReason, string> = {
  network: 'popupLiveReasonNetwork',
  'rate-limited': 'popupLiveReasonRateLimited',
  'server-error': 'popupLiveReasonServerError',
  timeout: 'popupLiveReasonTimeout',
  'unexpected-response': 'popupLiveReasonUnexpected',
  'clock-skew': 'popupLiveReasonClockSkew',
  'not-permitted': 'popupLiveReasonNotPermitted',
};

/** "Check with the exchange": one signed read-only request, sent by the background. */
export function LiveAuditPanel({
  credentialId,
  exchange,
  initial,
  onResult,
}: {
  credentialId: string;
  exchange: ExchangeId;
  initial: LiveAuditResult | null;
  onResult: () => void;
}) {
  const [result, setResult] = useState<LiveAuditResult | null>(initial);
  const [state, setState] = useState<'idle' | 'running' | 'denied'>('idle');
  const [error, setError] = useState<string | null>(null);
  const kit = useLiveKit();
  if (kit === null) return null;
  if (!kit.LIVE_AUDIT_EXCHANGES.includes(exchange)) return <p class="muted">{t('popupLiveUnsupported')}</p>;

  const run = (loaded: LiveKit): void => {
    // Ask for the exchange's API origins inside the click (a user gesture is required), before any await.
    const granted = requestPermissions({ origins: liveAuditOrigins(loaded, exchange) });
    setError(null);
    setState('running');
    void (async () => {
      if (!(await granted)) return setState('denied');
      try {
        setResult(await call('liveAudit.run', { credentialId }));
        onResult();
      } catch (err) {
        setError(errorText(err));
      }
      setState('idle');
    })();
  };

  return (
    <div class="live">
      <p class="field__hint">{t('popupLiveExplain')}</p>
      <button type="button" class="button" onClick={() => run(kit)} disabled={state === 'running'}>
        {state === 'running' ? t('popupLiveRunning') : t('popupLiveRun')}
      </button>
      <div role="status" aria-live="polite">
        {state === 'denied' && <p class="note note--error">{t('popupLiveDenied')}</p>}
        {error !== null && <p class="note note--error">{error}</p>}
        {result !== null && <LiveResult exchange={exchange} result={result} />}
      </div>
    </div>
  );
}

function LiveResult({ exchange, result }: { exchange: ExchangeId; result: LiveAuditResult }) {
  const checked = <p class="muted">{t('popupLiveChecked', formatDateTime(result.checkedAt))}</p>;
  switch (result.state) {
    case 'valid':
      return (
        <div class="live__result" data-state="valid">
          <p class="note note--ok">{t('popupLiveValid')}</p>
          <dl class="facts">
            <div>
              <dt>{t('popupPermissions')}</dt>
              <dd>
                <Permissions exchange={exchange} ids={result.permissions.ids} />
              </dd>
            </div>
            <div>
              <dt>{t('popupIpAllowlist')}</dt>
              <dd>
                {result.ipRestricted === 'unknown'
                  ? t('popupIpUnknown')
                  : result.ipRestricted
                    ? result.ipList && result.ipList.length > 0
                      ? result.ipList.join(', ')
                      : t('popupLiveIpRestricted')
                    : t('popupIpNone')}
              </dd>
            </div>
            <div>
              <dt>{t('popupExpiresAt')}</dt>
              <dd>{result.expiresAt === null ? t('popupLiveNoExpiry') : formatDate(result.expiresAt)}</dd>
            </div>
          </dl>
          {checked}
        </div>
      );
    case 'invalid':
      return (
        <div class="live__result" data-state="invalid">
          <p class="note note--error">{t('popupLiveInvalid', result.message)}</p>
          {result.ipMayBeCause === true && <p class="note note--warning">{t('popupLiveIpMayBeCause')}</p>}
          {checked}
        </div>
      );
    case 'restricted':
      return (
        <div class="live__result" data-state="restricted">
          <p class="note">{t('popupLiveRestricted')}</p>
          {checked}
        </div>
      );
    case 'unknown':
      return (
        <div class="live__result" data-state="unknown">
          <p class="note note--warning">{t('popupLiveUnknown', t(REASON_KEYS[result.reason]))}</p>
          {checked}
        </div>
      );
  }
}
