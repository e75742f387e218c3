import { t } from '../../shared/i18n';
import { call } from '../api';
import { useAsync } from '../hooks';

/** The background's version, which also shows the popup reaches it (the foundation end-to-end tests read this). */
export function Footer() {
  const { data } = useAsync(() => call('health.ping', {}), []);
  const state = data.state === 'ok' ? 'connected' : data.state === 'error' ? 'failed' : 'checking';
  return (
    <footer class="footer">
      <p class="muted" role="status" data-state={state} data-testid="connection">
        {data.state === 'ok' && t('statusConnected', data.value.version)}
        {data.state === 'error' && t('statusFailed')}
      </p>
    </footer>
  );
}
