import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { VaultStatus } from '../vault/service';
import { call, LOCKED_EVENT } from './api';
import { ErrorNote } from './components/ErrorNote';
import { Footer } from './components/Footer';
import { Header, isTabMode } from './components/Header';
import { Loading } from './components/Loading';
import { ViewHeading } from './components/ViewHeading';
import { useAsync } from './hooks';
import { href, useRoute, type Route } from './router';
import { FirstRun } from './views/FirstRun';
import { Incident } from './views/Incident';
import { Inventory } from './views/Inventory';
import { KeyDetail } from './views/KeyDetail';
import { KeyForm } from './views/KeyForm';
import { RevokeAll } from './views/RevokeAll';
import { Settings } from './views/Settings';
import { Signature } from './views/Signature';
import { Unlock } from './views/Unlock';

function View({ route }: { route: Route }) {
  switch (route.name) {
    case 'inventory':
      return <Inventory />;
    case 'key':
      return <KeyDetail key={route.id} id={route.id} />;
    case 'add':
      return (
        <KeyForm
          key="add"
          id={null}
          replaces={route.replaces}
          exchange={route.exchange}
          incident={route.incident}
        />
      );
    case 'edit':
      return (
        <KeyForm key={`edit-${route.id}`} id={route.id} replaces={null} exchange={null} incident={null} />
      );
    case 'incident':
      return <Incident key={route.id} id={route.id} />;
    case 'revoke-all':
      return <RevokeAll key={route.sessionId ?? 'new'} sessionId={route.sessionId} />;
    case 'settings':
      return <Settings />;
    case 'signature':
      return <Signature />;
    case 'not-found':
      return (
        <section class="view">
          <ViewHeading>{t('popupNotFound')}</ViewHeading>
          <a href={href('/')}>{t('popupBackToInventory')}</a>
        </section>
      );
  }
}

/** The status gate: first run, unlock, or the app; any "locked" answer sends the user back to unlock. */
export function App() {
  const { data, reload, set } = useAsync(() => call('vault.status', {}), []);
  const { route, hash } = useRoute();
  const [tab] = useState(isTabMode);

  useEffect(() => {
    window.addEventListener(LOCKED_EVENT, reload);
    return () => window.removeEventListener(LOCKED_EVENT, reload);
  }, [reload]);
  useEffect(() => {
    document.documentElement.classList.toggle('tab', tab);
  }, [tab]);
  const onStatus = useCallback((status: VaultStatus) => set(status), [set]);

  if (data.state !== 'ok') {
    return (
      <main class="app">{data.state === 'loading' ? <Loading /> : <ErrorNote error={data.error} />}</main>
    );
  }
  const status = data.value;
  return (
    <div class="app">
      <Header status={status} routeKey={hash} onStatus={onStatus} />
      <main>
        {status.state === 'uninitialised' && <FirstRun onStatus={onStatus} />}
        {status.state === 'locked' && <Unlock status={status} onStatus={onStatus} />}
        {status.state === 'unlocked' && <View route={route} />}
      </main>
      <Footer />
    </div>
  );
}
