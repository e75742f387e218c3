import { useEffect, useState } from 'preact/hooks';
import { send } from '../shared/client';
import { t } from '../shared/i18n';

type Connection = { state: 'checking' } | { state: 'connected'; version: string } | { state: 'failed' };

export function App() {
  const [connection, setConnection] = useState<Connection>({ state: 'checking' });

  useEffect(() => {
    send('health.ping', {})
      .then(({ version }) => setConnection({ state: 'connected', version }))
      .catch(() => setConnection({ state: 'failed' }));
  }, []);

  return (
    <main class="popup">
      <header class="popup__header">
        <img src="/icons/icon-32.png" alt="" width={24} height={24} />
        <h1>{t('extName')}</h1>
      </header>
      <p class="status" role="status" data-state={connection.state}>
        {connection.state === 'checking' && t('statusChecking')}
        {connection.state === 'connected' && t('statusConnected', connection.version)}
        {connection.state === 'failed' && t('statusFailed')}
      </p>
    </main>
  );
}
