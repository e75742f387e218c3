import { Fact } from '../components/Fact';
import { useState } from 'preact/hooks';
import { EXCHANGES, getExchange } from '../../exchanges/index';
import { t } from '../../shared/i18n';
import type { AuditSnapshot, IncidentView } from '../../shared/messages';
import { CREDENTIAL_STATUSES, type CredentialMeta } from '../../vault/model';
import { call } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { IpState } from '../components/IpState';
import { Loading } from '../components/Loading';
import { Permissions } from '../components/Permissions';
import { StatusBadge, statusText } from '../components/StatusBadge';
import { ViewHeading } from '../components/ViewHeading';
import { formatAge } from '../format';
import { useAsync } from '../hooks';
import { href } from '../router';
import { checkLabel } from '../checks';

interface Extras {
  readonly audit: AuditSnapshot | null;
  readonly incidents: readonly IncidentView[];
}

/** Audit and incidents are extras: the list still shows if their handlers fail. */
async function loadExtras(): Promise<Extras> {
  const [audit, incidents] = await Promise.allSettled([call('audit.get', {}), call('incident.list', {})]);
  return {
    audit: audit.status === 'fulfilled' ? audit.value : null,
    incidents: incidents.status === 'fulfilled' ? incidents.value : [],
  };
}

function matchesSearch(meta: CredentialMeta, query: string): boolean {
  if (query === '') return true;
  const q = query.toLowerCase();
  return (
    meta.label.toLowerCase().includes(q) ||
    getExchange(meta.exchange).name.toLowerCase().includes(q) ||
    meta.exchange.includes(q) ||
    meta.usedBy.some((u) => u.name.toLowerCase().includes(q) || (u.domain ?? '').includes(q))
  );
}

export function Inventory({ readOnly = false }: { readOnly?: boolean }) {
  const list = useAsync(() => call('vault.list', {}), []);
  const extras = useAsync(loadExtras, []);
  const [query, setQuery] = useState('');
  const [exchange, setExchange] = useState('');
  const [status, setStatus] = useState('');
  const [finding, setFinding] = useState('');

  const heading = readOnly ? (
    <h2>{t('popupInventoryTitle')}</h2>
  ) : (
    <ViewHeading>{t('popupInventoryTitle')}</ViewHeading>
  );
  if (list.data.state === 'loading')
    return (
      <section class="view">
        {heading}
        <Loading />
      </section>
    );
  if (list.data.state === 'error')
    return (
      <section class="view">
        {heading}
        <ErrorNote error={list.data.error} />
      </section>
    );

  const { credentials, unreadable } = list.data.value;
  const audit = extras.data.state === 'ok' ? extras.data.value.audit : null;
  const incidents = extras.data.state === 'ok' ? extras.data.value.incidents : [];
  const checkIds = [
    ...new Set(Object.values(audit?.perKey ?? {}).flatMap((k) => k.findings.map((f) => f.checkId))),
  ].sort();
  const exchangesInUse = EXCHANGES.filter((e) => credentials.some((c) => c.exchange === e.id));
  const shown = credentials.filter(
    (c) =>
      matchesSearch(c, query.trim()) &&
      (exchange === '' || c.exchange === exchange) &&
      (status === '' || c.status === status) &&
      (finding === '' ||
        (audit?.perKey[c.id]?.findings ?? []).some((f) => f.checkId === finding && !f.acknowledged)),
  );
  const groups = EXCHANGES.map((e) => ({
    exchange: e,
    items: shown.filter((c) => c.exchange === e.id),
  })).filter((g) => g.items.length > 0);

  return (
    <section class="view">
      {heading}
      {credentials.length === 0 ? (
        <div class="empty">
          <p>{t('popupInventoryEmpty')}</p>
          {!readOnly && (
            <a class="button button--primary" href={href('/add')}>
              {t('popupInventoryAddFirst')}
            </a>
          )}
        </div>
      ) : (
        <>
          <div class="toolbar" role="search">
            <div class="field field--grow">
              <label for="inventory-search">{t('popupSearch')}</label>
              <input
                id="inventory-search"
                type="search"
                value={query}
                placeholder={t('popupSearchPlaceholder')}
                onInput={(e) => setQuery(e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="filter-exchange">{t('popupFilterExchange')}</label>
              <select
                id="filter-exchange"
                value={exchange}
                onChange={(e) => setExchange(e.currentTarget.value)}
              >
                <option value="">{t('popupFilterAll')}</option>
                {exchangesInUse.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="filter-status">{t('popupFilterStatus')}</label>
              <select id="filter-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
                <option value="">{t('popupFilterAll')}</option>
                {CREDENTIAL_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {statusText(s)}
                  </option>
                ))}
              </select>
            </div>
            {checkIds.length > 0 && (
              <div class="field">
                <label for="filter-finding">{t('popupFilterFinding')}</label>
                <select
                  id="filter-finding"
                  value={finding}
                  onChange={(e) => setFinding(e.currentTarget.value)}
                >
                  <option value="">{t('popupFilterAll')}</option>
                  {checkIds.map((id) => (
                    <option key={id} value={id}>
                      {checkLabel(id)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {!readOnly && (
              <a class="button button--primary" href={href('/add')}>
                {t('popupAddKey')}
              </a>
            )}
          </div>
          <p class="muted" role="status">
            {t('popupInventoryCount', [String(shown.length), String(credentials.length)])}
          </p>
          {groups.map((group) => (
            <section key={group.exchange.id} class="group" aria-labelledby={`group-${group.exchange.id}`}>
              <h3 id={`group-${group.exchange.id}`}>{group.exchange.name}</h3>
              <ul class="rows">
                {group.items.map((meta) => (
                  <CredentialRow
                    key={meta.id}
                    meta={meta}
                    readOnly={readOnly}
                    score={audit?.perKey[meta.id]?.score ?? null}
                    incident={
                      incidents.find(
                        (i) => i.incident.credentialId === meta.id && i.progress.state !== 'complete',
                      ) ?? null
                    }
                  />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
      {unreadable.length > 0 && (
        <p class="note note--error" role="alert">
          {t('popupInventoryUnreadable', String(unreadable.length))}
        </p>
      )}
    </section>
  );
}

function CredentialRow({
  meta,
  readOnly,
  score,
  incident,
}: {
  meta: CredentialMeta;
  readOnly: boolean;
  score: number | null;
  incident: IncidentView | null;
}) {
  return (
    <li class="row" data-testid={`credential-${meta.id}`} data-status={meta.status}>
      <div class="row__head">
        {readOnly ? (
          <span class="row__label">{meta.label}</span>
        ) : (
          <a class="row__label" href={href(`/key/${encodeURIComponent(meta.id)}`)}>
            {meta.label}
          </a>
        )}
        <StatusBadge status={meta.status} />
        {score !== null && (
          <span class="score" data-level={scoreLevel(score)}>
            {t('popupScore', String(score))}
          </span>
        )}
      </div>
      <dl class="facts">
        <Fact label={t('popupApiKey')}>
          <code>{meta.apiKeyHint ?? t('popupUnknown')}</code>
        </Fact>
        <Fact label={t('popupPermissions')}>
          <Permissions exchange={meta.exchange} ids={meta.permissions} />
        </Fact>
        <Fact label={t('popupIpAllowlist')}>
          <IpState ip={meta.ipAllowlist} />
        </Fact>
        <div>
          <dt>{t('popupAge')}</dt>
          <dd>{formatAge(meta.createdAt)}</dd>
        </div>
        <Fact label={t('popupUsedBy')}>
          {meta.usedBy.length === 0 ? t('popupUsedByNone') : meta.usedBy.map((u) => u.name).join(', ')}
        </Fact>
      </dl>
      {incident !== null && (
        <p class="row__incident">
          {readOnly ? (
            t('incidentProgress', [String(incident.progress.done), String(incident.progress.total)])
          ) : (
            <a href={href(`/incident/${encodeURIComponent(incident.incident.id)}`)}>
              {t('incidentProgress', [String(incident.progress.done), String(incident.progress.total)])}
            </a>
          )}
        </p>
      )}
    </li>
  );
}

export function scoreLevel(score: number): 'good' | 'fair' | 'poor' {
  return score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
}
