import { useState } from 'preact/hooks';
import { EXCHANGES, getExchange } from '../../exchanges/index';
import { EXCHANGE_IDS } from '../../exchanges/types';
// Direct module imports keep the rest of the incident logic out of the popup's bundle.
import { revokeAllTitle, type RevokeAllScope } from '../../incident/revoke-all';
import { TIER_KEYS } from '../../incident/risk';
import { t } from '../../shared/i18n';
import type { RevokeAllView } from '../../shared/messages';
import type { CredentialMeta } from '../../vault/model';
import { call, errorText } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { Loading } from '../components/Loading';
import { StepItem } from '../components/StepItem';
import { ViewHeading } from '../components/ViewHeading';
import { useAsync } from '../hooks';
import { href, navigate } from '../router';

export function RevokeAll({ sessionId }: { sessionId: string | null }) {
  return sessionId === null ? <Start /> : <Session sessionId={sessionId} />;
}

function Start() {
  const list = useAsync(() => call('vault.list', {}), []);
  const [scope, setScope] = useState<string>('all');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (list.data.state === 'loading') return <Loading />;
  if (list.data.state === 'error') return <ErrorNote error={list.data.error} />;
  const live = list.data.value.credentials.filter((c) => c.status !== 'revoked');
  const exchanges = EXCHANGES.filter((e) => live.some((c) => c.exchange === e.id));

  const start = async (event: Event): Promise<void> => {
    event.preventDefault();
    const chosen: RevokeAllScope | null =
      scope === 'all' ? 'all' : (EXCHANGE_IDS.find((id) => id === scope) ?? null);
    if (chosen === null) return;
    setBusy(true);
    setError(null);
    try {
      const view = await call('incident.revokeAll', { scope: chosen });
      navigate(`/revoke-all/${encodeURIComponent(view.session.id)}`);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="view">
      <ViewHeading>{t('popupRevokeAllTitle')}</ViewHeading>
      <p>{t('popupRevokeAllIntro')}</p>
      {live.length === 0 ? (
        <p class="muted">{t('popupRevokeAllNothing')}</p>
      ) : (
        <form class="form" onSubmit={(e) => void start(e)}>
          <div class="field">
            <label for="revoke-scope">{t('popupRevokeAllScope')}</label>
            <select id="revoke-scope" value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
              <option value="all">{t('popupRevokeAllEvery', String(live.length))}</option>
              {exchanges.map((e) => (
                <option key={e.id} value={e.id}>
                  {t('popupRevokeAllOne', [e.name, String(live.filter((c) => c.exchange === e.id).length)])}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button button--danger" disabled={busy}>
            {t('popupRevokeAllStart')}
          </button>
        </form>
      )}
      {error !== null && (
        <p class="note note--error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

async function loadSession(sessionId: string) {
  const [view, list] = await Promise.all([
    call('incident.revokeAllGet', { sessionId }),
    call('vault.list', {}).catch(() => null),
  ]);
  return { view, credentials: list?.credentials ?? [] };
}

function Session({ sessionId }: { sessionId: string }) {
  const { data, set } = useAsync(() => loadSession(sessionId), [sessionId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (data.state === 'loading') return <Loading />;
  if (data.state === 'error')
    return (
      <section class="view">
        <ViewHeading>{t('popupRevokeAllTitle')}</ViewHeading>
        <ErrorNote error={data.error} />
      </section>
    );
  const { view, credentials } = data.value;
  const title = revokeAllTitle(view.session.scope, getExchange);
  const steps = view.checklist.steps;
  const done = steps.filter((s) => s.doneAt !== null).length;

  const toggle = async (stepId: string, isDone: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const next: RevokeAllView = await call('incident.revokeAllSetStep', {
        sessionId,
        stepId,
        done: isDone,
      });
      set({ view: next, credentials });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const labelOf = (id: string): CredentialMeta | undefined => credentials.find((c) => c.id === id);

  return (
    <section class="view">
      <ViewHeading>{t(title.key, [...title.substitutions])}</ViewHeading>
      <div class="progress" role="status">
        <progress max={steps.length} value={done} aria-hidden="true" />
        <p>{t('incidentProgress', [String(done), String(steps.length)])}</p>
      </div>
      {view.skipped.length > 0 && (
        <p class="muted">{t('popupRevokeAllSkipped', String(view.skipped.length))}</p>
      )}
      <h3>{t('popupRevokeAllKeys')}</h3>
      <ol class="rows">
        {view.checklist.entries.map((entry) => (
          <li key={entry.incident.id} class="row">
            <a href={href(`/incident/${encodeURIComponent(entry.incident.id)}`)}>{entry.incident.label}</a>{' '}
            <code>{entry.incident.apiKeyHint ?? t('popupUnknown')}</code> ·{' '}
            {getExchange(entry.incident.exchange).name} ·{' '}
            <span class="chip">{t(TIER_KEYS[entry.risk.tier])}</span>
          </li>
        ))}
      </ol>
      {error !== null && (
        <p class="note note--error" role="alert">
          {error}
        </p>
      )}
      <h3>{t('popupRevokeAllSteps')}</h3>
      <ol class="steps">
        {steps.map((step) => (
          <StepItem
            key={step.id}
            id={step.id}
            step={step.step}
            done={step.doneAt !== null}
            doneAt={step.doneAt}
            busy={busy}
            onToggle={(isDone) => toggle(step.id, isDone)}
          >
            <p class="step__key">
              {step.credentialIds.map((id) => {
                const meta = labelOf(id);
                const entry = view.checklist.entries.find((e) => e.incident.credentialId === id);
                const label = meta?.label ?? entry?.incident.label ?? id;
                const hint = meta?.apiKeyHint ?? entry?.incident.apiKeyHint ?? null;
                return (
                  <span key={id} class="chip">
                    {label}
                    {hint !== null && <code> {hint}</code>}
                  </span>
                );
              })}
            </p>
          </StepItem>
        ))}
      </ol>
    </section>
  );
}
