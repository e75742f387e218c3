import { useState } from 'preact/hooks';
import { getExchange } from '../../exchanges/index';
import type { Incident as IncidentModel, Step } from '../../incident/types';
import type { RevokeResult, UnknownReason } from '../../live-audit/types';
// Direct module imports keep the rest of the incident logic out of the popup's bundle.
import { SOURCE_KEYS } from '../../incident/report';
import { STATE_KEYS } from '../../incident/transitions';
import { t } from '../../shared/i18n';
import type { IncidentView } from '../../shared/messages';
import { call, errorText } from '../api';
import { Dialog } from '../components/Dialog';
import { ErrorNote } from '../components/ErrorNote';
import { Loading } from '../components/Loading';
import { StepItem } from '../components/StepItem';
import { ViewHeading } from '../components/ViewHeading';
import { download, formatDateTime } from '../format';
import { useAsync } from '../hooks';
import { requestPermissions } from '../permissions';
import { href } from '../router';
import { useLiveKit, type LiveKit } from '../use-live-kit';

const REASON_KEYS: Record<UnknownReason, string> = {
  network: 'popupLiveReasonNetwork',
  'rate-limited': 'popupLiveReasonRateLimited',
  'server-error': 'popupLiveReasonServerError',
  timeout: 'popupLiveReasonTimeout',
  'unexpected-response': 'popupLiveReasonUnexpected',
  'clock-skew': 'popupLiveReasonClockSkew',
  'not-permitted': 'popupLiveReasonNotPermitted',
};

export function Incident({ id }: { id: string }) {
  const { data, set } = useAsync(() => call('incident.get', { id }), [id]);
  if (data.state === 'loading') return <Loading />;
  if (data.state === 'error')
    return (
      <section class="view">
        <ViewHeading>{t('popupIncidentTitle')}</ViewHeading>
        <ErrorNote error={data.error} />
      </section>
    );
  return <Checklist view={data.value} onView={set} />;
}

function Checklist({ view, onView }: { view: IncidentView; onView: (view: IncidentView) => void }) {
  const { incident, progress } = view;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState(incident.note ?? '');
  const [noteSaved, setNoteSaved] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const exchange = getExchange(incident.exchange);
  const finished = incident.finishedAt !== null;
  // Urgent steps (revoking the key) come first, whatever order they are stored in.
  const steps = [...incident.steps].sort((a, b) => Number(b.urgent) - Number(a.urgent));

  const run = async (work: () => Promise<IncidentView>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      onView(await work());
      return true;
    } catch (err) {
      setError(errorText(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const report = async (format: 'markdown' | 'json'): Promise<void> => {
    try {
      const file = await call('incident.report', { id: incident.id, format });
      download(file.fileName, file.text, format === 'json' ? 'application/json' : 'text/markdown');
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section class="view">
      <ViewHeading>{t('popupIncidentHeading', incident.label)}</ViewHeading>
      <p class="incident__key">
        <span>{exchange.name}</span> · <code>{incident.apiKeyHint ?? t('popupUnknown')}</code> ·{' '}
        <a href={href(`/key/${encodeURIComponent(incident.credentialId)}`)}>{t('popupIncidentKeyLink')}</a>
      </p>
      <p class="muted">
        {t(SOURCE_KEYS[incident.source])} · {formatDateTime(incident.openedAt)}
      </p>
      <div class="progress" role="status">
        <progress max={progress.total} value={progress.done} aria-hidden="true" />
        <p>
          {t('incidentProgress', [String(progress.done), String(progress.total)])} ·{' '}
          {t(STATE_KEYS[progress.state])}
        </p>
      </div>
      {error !== null && (
        <p class="note note--error" role="alert">
          {error}
        </p>
      )}
      <ol class="steps">
        {steps.map((step) => (
          <StepItem
            key={step.id}
            id={step.id}
            step={step}
            done={step.doneAt !== null}
            doneAt={step.doneAt}
            busy={busy}
            onToggle={(done) =>
              run(() => call('incident.setStep', { id: incident.id, stepId: step.id, done }))
            }
          >
            {step.kind === 'revoke' && (
              <p class="step__key">
                <strong>{incident.label}</strong> · <code>{incident.apiKeyHint ?? t('popupUnknown')}</code>
              </p>
            )}
            {step.kind === 'revoke' && !finished && (
              <RevokeViaApi incident={incident} step={step} onView={onView} />
            )}
            {step.kind === 'replace' && incident.replacementId === null && (
              <p>
                <a
                  class="button button--small"
                  href={href(
                    `/add?replaces=${encodeURIComponent(incident.credentialId)}&exchange=${incident.exchange}&incident=${encodeURIComponent(incident.id)}`,
                  )}
                >
                  {t('popupAddReplacement')}
                </a>
              </p>
            )}
            {step.kind === 'replace' && incident.replacementId !== null && (
              <p>
                <a href={href(`/key/${encodeURIComponent(incident.replacementId)}`)}>
                  {t('popupReplacementLinked')}
                </a>
              </p>
            )}
          </StepItem>
        ))}
      </ol>

      <h3>{t('popupIncidentFinishTitle')}</h3>
      {finished ? (
        <p class="note note--ok">{t('popupIncidentFinishedAt', formatDateTime(incident.finishedAt ?? 0))}</p>
      ) : (
        <>
          <p id="finish-explain">{t('popupIncidentFinishExplain')}</p>
          <button
            type="button"
            class="button button--primary"
            disabled={!progress.canFinish || busy}
            aria-describedby="finish-explain"
            onClick={() => setFinishing(true)}
          >
            {t('popupIncidentFinish')}
          </button>
          {!progress.canFinish && <p class="muted">{t('popupIncidentFinishBlocked')}</p>}
        </>
      )}

      <h3>{t('popupIncidentNoteTitle')}</h3>
      <div class="field">
        <label for="incident-note">{t('popupIncidentNote')}</label>
        <textarea
          id="incident-note"
          rows={3}
          value={note}
          aria-describedby="incident-note-hint"
          onInput={(e) => {
            setNote(e.currentTarget.value);
            setNoteSaved(false);
          }}
        />
        <p id="incident-note-hint" class="field__hint">
          {t('popupIncidentNoteHint')}
        </p>
      </div>
      <div class="actions">
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() =>
            void run(() => call('incident.setNote', { id: incident.id, note })).then(setNoteSaved)
          }
        >
          {t('popupSaveNote')}
        </button>
        <span role="status">{noteSaved ? t('popupSaved') : ''}</span>
      </div>

      <h3>{t('popupIncidentReportTitle')}</h3>
      <p class="field__hint">{t('popupIncidentReportHint')}</p>
      <div class="actions">
        <button type="button" class="button" onClick={() => void report('markdown')}>
          {t('popupExportMarkdown')}
        </button>
        <button type="button" class="button" onClick={() => void report('json')}>
          {t('popupExportJson')}
        </button>
      </div>

      {finishing && (
        <Dialog title={t('popupIncidentFinishConfirmTitle')} onClose={() => setFinishing(false)}>
          <p>{t('popupIncidentFinishExplain')}</p>
          <div class="actions">
            <button
              type="button"
              class="button button--danger"
              disabled={busy}
              onClick={() => {
                setFinishing(false);
                void run(() => call('incident.finish', { id: incident.id }));
              }}
            >
              {t('popupIncidentFinish')}
            </button>
            <button type="button" class="button" autoFocus onClick={() => setFinishing(false)}>
              {t('popupCancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

/** The exchange's API origins "Revoke via API" needs (time sync and the self-delete), or null when not offered. */
function revokeOrigins(kit: LiveKit, incident: IncidentModel): string[] | null {
  const entries = kit.ALLOWLIST.filter(
    (entry) =>
      entry.exchange === incident.exchange && (entry.purpose === 'revoke' || entry.purpose === 'time'),
  );
  if (!entries.some((entry) => entry.purpose === 'revoke')) return null;
  return [...new Set(entries.map((entry) => `${entry.origin}/*`))];
}

/**
 * "Revoke via API", for exchanges whose docs confirm a key can delete itself: a first click opens a confirmation
 * naming the key, the second asks the background for a one-time token and then for the delete.
 */
function RevokeViaApi({
  incident,
  step,
  onView,
}: {
  incident: IncidentModel;
  step: Step;
  onView: (view: IncidentView) => void;
}) {
  const kit = useLiveKit();
  const [confirming, setConfirming] = useState(false);
  const [state, setState] = useState<'idle' | 'running' | 'denied'>('idle');
  const [outcome, setOutcome] = useState<RevokeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const origins = kit === null ? null : revokeOrigins(kit, incident);
  if (origins === null) return null;
  const name = getExchange(incident.exchange).name;
  const hint = incident.apiKeyHint ?? t('popupUnknown');

  const revoke = (): void => {
    // Ask for the exchange's API origins inside the click (a user gesture is required), before any await.
    const granted = requestPermissions({ origins });
    setConfirming(false);
    setError(null);
    setOutcome(null);
    setState('running');
    void (async () => {
      if (!(await granted)) return setState('denied');
      try {
        const { token } = await call('liveAudit.revokePrepare', { credentialId: incident.credentialId });
        const done = await call('liveAudit.revoke', { credentialId: incident.credentialId, confirm: token });
        setOutcome(done.result);
        if (done.incident !== null) onView(done.incident);
      } catch (err) {
        setError(errorText(err));
      }
      setState('idle');
    })();
  };

  return (
    <div class="revoke-api">
      {step.doneAt === null && outcome?.state !== 'revoked' && (
        <>
          <p class="field__hint">{t('popupRevokeViaApiHint', name)}</p>
          <button
            type="button"
            class="button button--small button--danger"
            disabled={state === 'running'}
            onClick={() => setConfirming(true)}
          >
            {state === 'running' ? t('popupRevokeRunning') : t('popupRevokeViaApi')}
          </button>
        </>
      )}
      <div role="status" aria-live="polite">
        {state === 'denied' && <p class="note note--error">{t('popupRevokeDenied')}</p>}
        {error !== null && <p class="note note--error">{error}</p>}
        {outcome !== null && <RevokeOutcomeNote exchange={name} outcome={outcome} />}
      </div>
      {confirming && (
        <Dialog
          title={t('popupRevokeConfirmTitle', [incident.label, name])}
          onClose={() => setConfirming(false)}
        >
          <p>{t('popupRevokeConfirmExplain', [incident.label, hint, name])}</p>
          <p>{t('popupRevokeConfirmRight', name)}</p>
          <div class="actions">
            <button type="button" class="button button--danger" onClick={revoke}>
              {t('popupRevokeConfirmButton', name)}
            </button>
            <button type="button" class="button" autoFocus onClick={() => setConfirming(false)}>
              {t('popupCancel')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

function RevokeOutcomeNote({ exchange, outcome }: { exchange: string; outcome: RevokeResult }) {
  switch (outcome.state) {
    case 'revoked':
      return (
        <p class="note note--ok" data-state="revoked">
          {t('popupRevokeDone', exchange)}
        </p>
      );
    case 'rejected':
      return (
        <p class="note note--error" data-state="rejected">
          {t('popupRevokeRejected', [exchange, outcome.message])}
        </p>
      );
    case 'unknown':
      return (
        <p class="note note--warning" data-state="unknown">
          {t('popupRevokeUnknown', t(REASON_KEYS[outcome.reason]))}
        </p>
      );
  }
}
