import { Fact } from '../components/Fact';
import { useState } from 'preact/hooks';
import { getExchange } from '../../exchanges/index';
import type { FieldKind } from '../../exchanges/types';
import { t } from '../../shared/i18n';
import type { AuditSnapshot } from '../../shared/messages';
import type { CredentialMeta } from '../../vault/model';
import { call, errorText } from '../api';
import { Dialog } from '../components/Dialog';
import { ErrorNote } from '../components/ErrorNote';
import { Findings } from '../components/Findings';
import { IpState } from '../components/IpState';
import { LiveAuditPanel } from '../components/LiveAuditPanel';
import { Loading } from '../components/Loading';
import { Permissions } from '../components/Permissions';
import { SecretField } from '../components/SecretField';
import { StatusBadge } from '../components/StatusBadge';
import { ViewHeading } from '../components/ViewHeading';
import { formatAge, formatDate } from '../format';
import { useAsync } from '../hooks';
import { href, navigate } from '../router';

const FIELD_KEYS: Record<FieldKind, string> = {
  apiKey: 'popupFieldApiKey',
  secret: 'popupFieldSecret',
  passphrase: 'popupFieldPassphrase',
  privateKey: 'popupFieldPrivateKey',
};

async function loadDetail(id: string) {
  const [list, audit, live, incidents] = await Promise.all([
    call('vault.list', {}),
    call('audit.get', {}).catch(() => null),
    call('liveAudit.results', {}).catch(() => null),
    call('incident.list', {}).catch(() => []),
  ]);
  return {
    meta: list.credentials.find((c) => c.id === id) ?? null,
    all: list.credentials,
    audit,
    live: live?.[id] ?? null,
    incident: incidents.find((i) => i.incident.credentialId === id && i.incident.finishedAt === null) ?? null,
  };
}

export function KeyDetail({ id }: { id: string }) {
  const { data } = useAsync(() => loadDetail(id), [id]);
  if (data.state === 'loading') return <Loading />;
  if (data.state === 'error') return <ErrorNote error={data.error} />;
  const { meta } = data.value;
  if (meta === null)
    return (
      <section class="view">
        <ViewHeading>{t('popupNotFound')}</ViewHeading>
        <a href={href('/')}>{t('popupBackToInventory')}</a>
      </section>
    );
  return <Detail {...data.value} meta={meta} />;
}

function fieldLabel(meta: CredentialMeta, kind: FieldKind): string {
  return getExchange(meta.exchange).fields.find((f) => f.kind === kind)?.label ?? t(FIELD_KEYS[kind]);
}

function Detail({
  meta,
  all,
  audit: initialAudit,
  live,
  incident,
}: Awaited<ReturnType<typeof loadDetail>> & { meta: CredentialMeta }) {
  const [audit, setAudit] = useState<AuditSnapshot | null>(initialAudit);
  const [confirming, setConfirming] = useState<'delete' | 'compromised' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const exchange = getExchange(meta.exchange);
  const keyAudit = audit?.perKey[meta.id] ?? null;
  const replaces = meta.replaces === null ? null : (all.find((c) => c.id === meta.replaces) ?? null);

  const remove = async (): Promise<void> => {
    setBusy(true);
    try {
      await call('vault.delete', { id: meta.id });
      setConfirming(null);
      navigate('/');
    } catch (err) {
      setError(errorText(err));
      setConfirming(null);
    } finally {
      setBusy(false);
    }
  };
  const compromised = async (): Promise<void> => {
    setBusy(true);
    try {
      const view = await call('incident.open', { credentialId: meta.id, source: 'popup' });
      setConfirming(null);
      navigate(`/incident/${encodeURIComponent(view.incident.id)}`);
    } catch (err) {
      setError(errorText(err));
      setConfirming(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="view">
      <p class="breadcrumb">
        <a href={href('/')}>{t('popupBackToInventory')}</a>
      </p>
      <ViewHeading>{meta.label}</ViewHeading>
      <p class="row__head">
        <span>{exchange.name}</span>
        <StatusBadge status={meta.status} />
        {keyAudit !== null && <span class="score">{t('popupScore', String(keyAudit.score))}</span>}
      </p>
      {incident !== null && (
        <p class="note note--warning">
          <a href={href(`/incident/${encodeURIComponent(incident.incident.id)}`)}>
            {t('popupIncidentOpenLink', [String(incident.progress.done), String(incident.progress.total)])}
          </a>
        </p>
      )}

      <div class="actions">
        <a class="button" href={href(`/edit/${encodeURIComponent(meta.id)}`)}>
          {t('popupEdit')}
        </a>
        {meta.status !== 'revoked' && incident === null && (
          <button type="button" class="button button--danger" onClick={() => setConfirming('compromised')}>
            {t('popupMayBeCompromised')}
          </button>
        )}
        <button type="button" class="button" onClick={() => setConfirming('delete')}>
          {t('popupDelete')}
        </button>
      </div>
      {error !== null && (
        <p class="note note--error" role="alert">
          {error}
        </p>
      )}

      <h3>{t('popupDetails')}</h3>
      <dl class="facts facts--wide">
        <Fact label={t('popupApiKey')}>
          <code>{meta.apiKeyHint ?? t('popupUnknown')}</code>
        </Fact>
        <Fact label={t('popupPermissions')}>
          <Permissions exchange={meta.exchange} ids={meta.permissions} />
        </Fact>
        <Fact label={t('popupIpAllowlist')}>
          <IpState ip={meta.ipAllowlist} />
          {meta.ipAllowlist.state === 'list' && (
            <span class="mono"> {meta.ipAllowlist.entries.join(', ')}</span>
          )}
        </Fact>
        <Fact label={t('popupCreatedAt')}>
          {formatDate(meta.createdAt)} ({formatAge(meta.createdAt)})
        </Fact>
        <div>
          <dt>{t('popupLastRotatedAt')}</dt>
          <dd>{formatDate(meta.lastRotatedAt)}</dd>
        </div>
        <div>
          <dt>{t('popupExpiresAt')}</dt>
          <dd>{meta.expiresAt === null ? t('popupNoExpiry') : formatDate(meta.expiresAt)}</dd>
        </div>
        <Fact label={t('popupUsedBy')}>
          {meta.usedBy.length === 0
            ? t('popupUsedByNone')
            : meta.usedBy.map((u) => (u.domain ? `${u.name} (${u.domain})` : u.name)).join(', ')}
        </Fact>
        {replaces !== null && (
          <Fact label={t('popupReplaces')}>
            <a href={href(`/key/${encodeURIComponent(replaces.id)}`)}>{replaces.label}</a>
          </Fact>
        )}
        {meta.notes !== '' && (
          <div>
            <dt>{t('popupNotes')}</dt>
            <dd class="pre">{meta.notes}</dd>
          </div>
        )}
      </dl>

      <h3>{t('popupSecrets')}</h3>
      {meta.secretsDestroyedAt !== null ? (
        <p class="muted">{t('popupSecretsDestroyed', formatDate(meta.secretsDestroyedAt))}</p>
      ) : meta.storedFields.length === 0 ? (
        <p class="muted">{t('popupSecretsNone')}</p>
      ) : (
        meta.storedFields.map((field) => (
          <SecretField key={field} id={meta.id} field={field} label={fieldLabel(meta, field)} />
        ))
      )}

      <h3>{t('popupAudit')}</h3>
      {audit === null ? (
        <p class="muted">{t('popupAuditUnavailable')}</p>
      ) : (
        <Findings findings={keyAudit?.findings ?? []} onAudit={setAudit} />
      )}

      <h3>{t('popupLiveTitle')}</h3>
      {meta.secretsDestroyedAt === null && (
        <LiveAuditPanel
          credentialId={meta.id}
          exchange={meta.exchange}
          initial={live}
          onResult={() => void call('audit.get', {}).then(setAudit, () => undefined)}
        />
      )}
      <p class="finding__links">
        <a href={exchange.links.keyManagement.value} target="_blank" rel="noopener noreferrer">
          {t('popupOpenKeyPageOf', exchange.name)}
        </a>
      </p>

      {confirming === 'delete' && (
        <Dialog title={t('popupDeleteTitle', meta.label)} onClose={() => setConfirming(null)}>
          <p>{t('popupDeleteExplain')}</p>
          <div class="actions">
            <button type="button" class="button button--danger" disabled={busy} onClick={() => void remove()}>
              {t('popupDeleteConfirm')}
            </button>
            <button type="button" class="button" autoFocus onClick={() => setConfirming(null)}>
              {t('popupCancel')}
            </button>
          </div>
        </Dialog>
      )}
      {confirming === 'compromised' && (
        <Dialog title={t('popupCompromisedTitle', meta.label)} onClose={() => setConfirming(null)}>
          <p>{t('popupCompromisedExplain')}</p>
          <div class="actions">
            <button
              type="button"
              class="button button--danger"
              disabled={busy}
              onClick={() => void compromised()}
            >
              {t('popupCompromisedConfirm')}
            </button>
            <button type="button" class="button" onClick={() => setConfirming(null)}>
              {t('popupCancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
