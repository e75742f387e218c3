import { useState } from 'preact/hooks';
import * as v from 'valibot';
import { EXCHANGES, getExchange } from '../../exchanges/index';
import { EXCHANGE_IDS, type ExchangeId, type FieldKind } from '../../exchanges/types';
import { t } from '../../shared/i18n';
import {
  CredentialInputSchema,
  CredentialPatchSchema,
  type CredentialInput,
  type CredentialMeta,
  type CredentialPatch,
  type IpAllowlist,
  type UsageKind,
} from '../../vault/model';
import { call, errorCode, errorDetails, errorText } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { Loading } from '../components/Loading';
import { PasswordInput } from '../components/PasswordInput';
import { ViewHeading } from '../components/ViewHeading';
import { fromDateInput, toDateInput } from '../format';
import { useAsync } from '../hooks';
import { checkShape, fieldsFor, guessVariant, permissionCatalogue, variantsOf } from '../kb';
import { href, navigate } from '../router';

interface UsageRow {
  readonly key: number;
  name: string;
  kind: UsageKind;
  domain: string;
}

interface Draft {
  exchange: ExchangeId | '';
  variant: string | null;
  label: string;
  secrets: Partial<Record<FieldKind, string>>;
  permissions: string[];
  /** Free-text permissions when the knowledge base has no catalogue for the exchange. */
  permissionsText: string;
  ipState: IpAllowlist['state'];
  ipText: string;
  createdAt: string;
  lastRotatedAt: string;
  expiresAt: string;
  usedBy: UsageRow[];
  notes: string;
  replaces: string;
}

let rowKey = 0;

function isExchangeId(value: string | null): value is ExchangeId {
  return value !== null && (EXCHANGE_IDS as readonly string[]).includes(value);
}

function emptyDraft(exchange: string | null, replaces: string | null): Draft {
  const id = isExchangeId(exchange) ? exchange : '';
  return {
    exchange: id,
    variant: id === '' ? null : (variantsOf(id)[0] ?? null),
    label: '',
    secrets: {},
    permissions: [],
    permissionsText: '',
    ipState: 'unknown',
    ipText: '',
    createdAt: toDateInput(Date.now()),
    lastRotatedAt: '',
    expiresAt: '',
    usedBy: [],
    notes: '',
    replaces: replaces ?? '',
  };
}

function draftOf(meta: CredentialMeta): Draft {
  const known = permissionCatalogue(meta.exchange) !== null;
  return {
    exchange: meta.exchange,
    variant: guessVariant(meta.exchange, meta.storedFields),
    label: meta.label,
    secrets: {},
    permissions: known ? [...meta.permissions] : [],
    permissionsText: known ? '' : meta.permissions.join('\n'),
    ipState: meta.ipAllowlist.state,
    ipText: meta.ipAllowlist.state === 'list' ? meta.ipAllowlist.entries.join('\n') : '',
    createdAt: toDateInput(meta.createdAt),
    lastRotatedAt: toDateInput(meta.lastRotatedAt),
    expiresAt: toDateInput(meta.expiresAt),
    usedBy: meta.usedBy.map((u) => ({
      key: ++rowKey,
      name: u.name,
      kind: u.kind,
      domain: u.domain ?? '',
    })),
    notes: meta.notes,
    replaces: meta.replaces ?? '',
  };
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function metadataOf(draft: Draft, exchange: ExchangeId) {
  const ipAllowlist: IpAllowlist =
    draft.ipState === 'list' ? { state: 'list', entries: lines(draft.ipText) } : { state: draft.ipState };
  return {
    exchange,
    label: draft.label.trim(),
    permissions: permissionCatalogue(exchange) === null ? lines(draft.permissionsText) : draft.permissions,
    ipAllowlist,
    createdAt: fromDateInput(draft.createdAt),
    lastRotatedAt: fromDateInput(draft.lastRotatedAt),
    expiresAt: fromDateInput(draft.expiresAt),
    usedBy: draft.usedBy
      .filter((u) => u.name.trim() !== '')
      .map((u) => ({
        name: u.name.trim(),
        kind: u.kind,
        domain: u.domain.trim() === '' ? null : u.domain.trim().toLowerCase(),
      })),
    notes: draft.notes,
    replaces: draft.replaces === '' ? null : draft.replaces,
  };
}

/** Secrets of the chosen key type that the user typed (empty fields are left out: on edit they stay as stored). */
function typedSecrets(draft: Draft, exchange: ExchangeId): Partial<Record<FieldKind, string>> {
  const secrets: Partial<Record<FieldKind, string>> = {};
  for (const field of fieldsFor(exchange, draft.variant)) {
    const value = draft.secrets[field.kind];
    if (value !== undefined && value !== '') secrets[field.kind] = value;
  }
  return secrets;
}

/** Maps issue paths ("usedBy.0.domain: expected …") to form field ids. */
function issueFields(issues: readonly string[]): Set<string> {
  const fields = new Set<string>();
  for (const issue of issues) {
    const path = issue.split(':')[0]?.trim() ?? '';
    const parts = path.replace(/^(input|patch)\./, '').split('.');
    const [head, index, leaf] = parts;
    if (head === 'secrets' && index) fields.add(`secret-${index}`);
    else if (head === 'usedBy' && index !== undefined && leaf) fields.add(`usage-${index}-${leaf}`);
    else if (head === 'ipAllowlist') fields.add('ip-entries');
    else if (head) fields.add(head);
  }
  return fields;
}

function validationIssues(result: v.SafeParseResult<v.GenericSchema>): string[] {
  return result.success ? [] : result.issues.map((i) => `${v.getDotPath(i) ?? ''}: invalid`);
}

export function KeyForm({
  id,
  replaces,
  exchange,
  incident,
}: {
  id: string | null;
  replaces: string | null;
  exchange: string | null;
  incident: string | null;
}) {
  const list = useAsync(() => call('vault.list', {}), []);
  if (list.data.state === 'loading') return <Loading />;
  if (list.data.state === 'error') return <ErrorNote error={list.data.error} />;
  const credentials = list.data.value.credentials;
  const existing = id === null ? null : (credentials.find((c) => c.id === id) ?? null);
  if (id !== null && existing === null)
    return (
      <section class="view">
        <ViewHeading>{t('popupNotFound')}</ViewHeading>
        <a href={href('/')}>{t('popupBackToInventory')}</a>
      </section>
    );
  return (
    <Form
      existing={existing}
      others={credentials.filter((c) => c.id !== id)}
      initial={existing ? draftOf(existing) : emptyDraft(exchange, replaces)}
      incident={incident}
    />
  );
}

function Form({
  existing,
  others,
  initial,
  incident,
}: {
  existing: CredentialMeta | null;
  others: readonly CredentialMeta[];
  initial: Draft;
  incident: string | null;
}) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<Draft>): void => setDraft((d) => ({ ...d, ...patch }));
  const ex = draft.exchange === '' ? null : getExchange(draft.exchange);
  const variants = ex ? variantsOf(ex.id) : [];
  const catalogue = ex ? permissionCatalogue(ex.id) : null;

  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (ex === null) return setInvalid(new Set(['exchange']));
    const metadata = metadataOf(draft, ex.id);
    const secrets = typedSecrets(draft, ex.id);
    const payload: CredentialInput | CredentialPatch = existing
      ? { ...metadata, ...(Object.keys(secrets).length > 0 ? { secrets } : {}) }
      : { ...metadata, secrets, status: 'active' };
    const check = v.safeParse(existing ? CredentialPatchSchema : CredentialInputSchema, payload);
    if (!check.success) {
      setInvalid(issueFields(validationIssues(check)));
      setError(null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = existing
        ? await call('vault.update', { id: existing.id, patch: payload })
        : await call('vault.add', { input: payload as CredentialInput });
      setDraft((d) => ({ ...d, secrets: {} }));
      if (!existing && incident !== null) {
        // Link the rotation chain; the key is saved either way, so a failure here only loses the link.
        await call('incident.linkReplacement', { id: incident, replacementId: saved.id }).catch(
          () => undefined,
        );
        navigate(`/incident/${encodeURIComponent(incident)}`);
        return;
      }
      navigate(`/key/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      if (errorCode(err) === 'invalid-input') setInvalid(issueFields(errorDetails(err).issues ?? []));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (fieldId: string) =>
    invalid.has(fieldId) ? (
      <p id={`${fieldId}-error`} class="field__error">
        {t(errorKeyOf(fieldId))}
      </p>
    ) : null;
  const aria = (fieldId: string, extra?: string) => ({
    'aria-invalid': invalid.has(fieldId) ? ('true' as const) : undefined,
    'aria-describedby':
      [invalid.has(fieldId) ? `${fieldId}-error` : '', extra ?? ''].join(' ').trim() || undefined,
  });

  return (
    <section class="view">
      <ViewHeading>{existing ? t('popupEditTitle', existing.label) : t('popupAddTitle')}</ViewHeading>
      <form class="form" onSubmit={(e) => void save(e)} noValidate>
        <div class="field">
          <label for="exchange">{t('popupExchange')}</label>
          <select
            id="exchange"
            value={draft.exchange}
            disabled={existing !== null}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (!isExchangeId(value)) return;
              update({
                exchange: value,
                variant: variantsOf(value)[0] ?? null,
                permissions: [],
                secrets: {},
              });
            }}
            {...aria('exchange')}
          >
            <option value="" disabled>
              {t('popupExchangePick')}
            </option>
            {EXCHANGES.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
          {fieldError('exchange')}
        </div>
        {ex && (
          <>
            <div class="field">
              <label for="label">{t('popupLabel')}</label>
              <input
                id="label"
                value={draft.label}
                maxLength={200}
                onInput={(e) => update({ label: e.currentTarget.value })}
                required
                {...aria('label', 'label-hint')}
              />
              <p id="label-hint" class="field__hint">
                {t('popupLabelHint')}
              </p>
              {fieldError('label')}
            </div>

            {variants.length > 1 && (
              <fieldset class="field">
                <legend>{t('popupKeyType')}</legend>
                {variants.map((variant) => (
                  <label key={variant} class="choice">
                    <input
                      type="radio"
                      name="variant"
                      value={variant}
                      checked={draft.variant === variant}
                      onChange={() => update({ variant, secrets: {} })}
                    />
                    {variantLabel(variant)}
                  </label>
                ))}
              </fieldset>
            )}

            <fieldset class="field">
              <legend>{t('popupSecretsLegend', ex.name)}</legend>
              {existing && <p class="field__hint">{t('popupSecretsKeep')}</p>}
              {fieldsFor(ex.id, draft.variant).map((field) => (
                <SecretInput
                  key={`${field.kind}-${field.variant ?? ''}`}
                  exchangeId={ex.id}
                  exchangeName={ex.name}
                  kind={field.kind}
                  label={field.label}
                  secret={field.secret}
                  variant={draft.variant}
                  value={draft.secrets[field.kind] ?? ''}
                  stored={existing?.storedFields.includes(field.kind) ?? false}
                  invalid={invalid.has(`secret-${field.kind}`)}
                  onInput={(value) =>
                    setDraft((d) => ({ ...d, secrets: { ...d.secrets, [field.kind]: value } }))
                  }
                />
              ))}
            </fieldset>

            <fieldset class="field">
              <legend>{t('popupPermissions')}</legend>
              {catalogue === null ? (
                <>
                  <label for="permissions-text">{t('popupPermissionsFree')}</label>
                  <textarea
                    id="permissions-text"
                    rows={3}
                    value={draft.permissionsText}
                    onInput={(e) => update({ permissionsText: e.currentTarget.value })}
                    {...aria('permissions')}
                  />
                </>
              ) : (
                catalogue.map((p) => (
                  <label key={p.id} class="choice">
                    <input
                      type="checkbox"
                      checked={draft.permissions.includes(p.id)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setDraft((d) => ({
                          ...d,
                          permissions: on
                            ? [...d.permissions, p.id]
                            : d.permissions.filter((x) => x !== p.id),
                        }));
                      }}
                    />
                    {p.label}
                    {p.dangerous && <span class="chip chip--danger">{t('popupDangerous')}</span>}
                  </label>
                ))
              )}
              {fieldError('permissions')}
            </fieldset>

            <fieldset class="field">
              <legend>{t('popupIpAllowlist')}</legend>
              {(['unknown', 'none', 'list'] as const).map((state) => (
                <label key={state} class="choice">
                  <input
                    type="radio"
                    name="ip-state"
                    value={state}
                    checked={draft.ipState === state}
                    onChange={() => update({ ipState: state })}
                  />
                  {t(IP_CHOICE_KEYS[state])}
                </label>
              ))}
              {draft.ipState === 'list' && (
                <>
                  <label for="ip-entries">{t('popupIpEntries')}</label>
                  <textarea
                    id="ip-entries"
                    rows={3}
                    value={draft.ipText}
                    spellcheck={false}
                    onInput={(e) => update({ ipText: e.currentTarget.value })}
                    {...aria('ip-entries')}
                  />
                  {fieldError('ip-entries')}
                </>
              )}
            </fieldset>

            <div class="field-row">
              {(
                [
                  ['createdAt', 'popupCreatedAt'],
                  ['lastRotatedAt', 'popupLastRotatedAt'],
                  ['expiresAt', 'popupExpiresAt'],
                ] as const
              ).map(([name, key]) => (
                <div class="field" key={name}>
                  <label for={name}>{t(key)}</label>
                  <input
                    id={name}
                    type="date"
                    value={draft[name]}
                    onInput={(e) => update({ [name]: e.currentTarget.value })}
                    {...aria(name)}
                  />
                  {fieldError(name)}
                </div>
              ))}
            </div>

            <fieldset class="field">
              <legend>{t('popupUsedBy')}</legend>
              {draft.usedBy.length === 0 && <p class="field__hint">{t('popupUsedByHint')}</p>}
              {draft.usedBy.map((row, index) => (
                <div class="usage" key={row.key}>
                  <div class="field">
                    <label for={`usage-${index}-name`}>{t('popupUsageName')}</label>
                    <input
                      id={`usage-${index}-name`}
                      value={row.name}
                      onInput={(e) => {
                        const name = e.currentTarget.value;
                        setDraft((d) => ({
                          ...d,
                          usedBy: d.usedBy.map((u) => (u.key === row.key ? { ...u, name } : u)),
                        }));
                      }}
                      {...aria(`usage-${index}-name`)}
                    />
                  </div>
                  <div class="field">
                    <label for={`usage-${index}-kind`}>{t('popupUsageKind')}</label>
                    <select
                      id={`usage-${index}-kind`}
                      value={row.kind}
                      onChange={(e) => {
                        const kind = e.currentTarget.value as UsageKind;
                        setDraft((d) => ({
                          ...d,
                          usedBy: d.usedBy.map((u) => (u.key === row.key ? { ...u, kind } : u)),
                        }));
                      }}
                    >
                      <option value="app">{t('popupUsageApp')}</option>
                      <option value="bot">{t('popupUsageBot')}</option>
                      <option value="unknown">{t('popupUsageUnknown')}</option>
                    </select>
                  </div>
                  <div class="field">
                    <label for={`usage-${index}-domain`}>{t('popupUsageDomain')}</label>
                    <input
                      id={`usage-${index}-domain`}
                      value={row.domain}
                      inputMode="url"
                      placeholder="example.com"
                      onInput={(e) => {
                        const domain = e.currentTarget.value;
                        setDraft((d) => ({
                          ...d,
                          usedBy: d.usedBy.map((u) => (u.key === row.key ? { ...u, domain } : u)),
                        }));
                      }}
                      {...aria(`usage-${index}-domain`)}
                    />
                    {fieldError(`usage-${index}-domain`)}
                  </div>
                  <button
                    type="button"
                    class="button button--small"
                    aria-label={t('popupUsageRemove', row.name || String(index + 1))}
                    onClick={() =>
                      setDraft((d) => ({ ...d, usedBy: d.usedBy.filter((u) => u.key !== row.key) }))
                    }
                  >
                    {t('popupRemove')}
                  </button>
                </div>
              ))}
              <button
                type="button"
                class="button button--small"
                onClick={() =>
                  setDraft((d) => ({
                    ...d,
                    usedBy: [...d.usedBy, { key: ++rowKey, name: '', kind: 'bot', domain: '' }],
                  }))
                }
              >
                {t('popupUsageAdd')}
              </button>
            </fieldset>

            <div class="field">
              <label for="notes">{t('popupNotes')}</label>
              <textarea
                id="notes"
                rows={3}
                value={draft.notes}
                maxLength={10_000}
                onInput={(e) => update({ notes: e.currentTarget.value })}
                {...aria('notes', 'notes-hint')}
              />
              <p id="notes-hint" class="field__hint">
                {t('popupNotesNotEncrypted')}
              </p>
            </div>

            <div class="field">
              <label for="replaces">{t('popupReplaces')}</label>
              <select
                id="replaces"
                value={draft.replaces}
                onChange={(e) => update({ replaces: e.currentTarget.value })}
              >
                <option value="">{t('popupReplacesNone')}</option>
                {others
                  .filter((c) => c.exchange === ex.id)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.apiKeyHint ? `${c.label} (${c.apiKeyHint})` : c.label}
                    </option>
                  ))}
              </select>
            </div>
          </>
        )}
        <div role="alert">
          {invalid.size > 0 && <p class="note note--error">{t('popupFormInvalid')}</p>}
          {error !== null && errorCode(error) !== 'invalid-input' && (
            <p class="note note--error">{errorText(error)}</p>
          )}
        </div>
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={busy || ex === null}>
            {t('popupSave')}
          </button>
          <a class="button" href={existing ? href(`/key/${encodeURIComponent(existing.id)}`) : href('/')}>
            {t('popupCancel')}
          </a>
        </div>
      </form>
    </section>
  );
}

/** A specific message per kind of field, so the user knows what to change. */
function errorKeyOf(fieldId: string): string {
  if (fieldId === 'label') return 'popupFieldLabelInvalid';
  if (fieldId === 'ip-entries') return 'popupFieldIpInvalid';
  if (fieldId.startsWith('secret-')) return 'popupFieldSecretInvalid';
  if (fieldId.endsWith('-domain')) return 'popupFieldDomainInvalid';
  if (fieldId.endsWith('-name')) return 'popupFieldNameInvalid';
  if (fieldId.endsWith('At')) return 'popupFieldDateInvalid';
  return 'popupFieldInvalid';
}

const IP_CHOICE_KEYS = {
  unknown: 'popupIpChoiceUnknown',
  none: 'popupIpChoiceNone',
  list: 'popupIpChoiceList',
} as const;

function variantLabel(variant: string): string {
  const key = `popupVariant_${variant.replace(/-/g, '_')}`;
  const text = t(key);
  return text === key ? variant : text;
}

function SecretInput({
  exchangeId,
  exchangeName,
  kind,
  label,
  secret,
  variant,
  value,
  stored,
  invalid,
  onInput,
}: {
  exchangeId: ExchangeId;
  exchangeName: string;
  kind: FieldKind;
  label: string;
  secret: boolean;
  variant: string | null;
  value: string;
  stored: boolean;
  invalid: boolean;
  onInput: (value: string) => void;
}) {
  const id = `secret-${kind}`;
  const hintId = `${id}-hint`;
  const shape = checkShape(exchangeId, kind, variant, value);
  const pem = kind === 'privateKey' && (variant === 'ecdsa' || variant === 'rsa');
  const describedBy = `${hintId}${invalid ? ` ${id}-error` : ''}`;
  return (
    <div class="field">
      <label for={id}>
        {label}
        {stored && <span class="muted"> {t('popupStored')}</span>}
      </label>
      {pem ? (
        <SecretTextarea id={id} value={value} onInput={onInput} describedBy={describedBy} invalid={invalid} />
      ) : secret || kind !== 'apiKey' ? (
        <PasswordInput id={id} value={value} onInput={onInput} describedBy={describedBy} invalid={invalid} />
      ) : (
        <input
          id={id}
          value={value}
          autoComplete="off"
          spellcheck={false}
          onInput={(e) => onInput(e.currentTarget.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        />
      )}
      <p id={hintId} class="field__hint" aria-live="polite">
        {shapeHint(shape, exchangeName, label)}
      </p>
      {invalid && (
        <p id={`${id}-error`} class="field__error">
          {t('popupFieldSecretInvalid')}
        </p>
      )}
    </div>
  );
}

function shapeHint(shape: ReturnType<typeof checkShape>, exchange: string, label: string): string {
  switch (shape.state) {
    case 'empty':
    case 'no-shape':
      return '';
    case 'matches':
      return t('popupShapeMatches', [exchange, label]);
    case 'whitespace':
      return t('popupShapeWhitespace');
    case 'differs':
      return t('popupShapeDiffers', [exchange, label, shape.descriptions.join(' / '), String(shape.length)]);
  }
}

/** A PEM private key: multi-line, hidden until the user asks (CSS masks it while hidden). */
function SecretTextarea({
  id,
  value,
  onInput,
  describedBy,
  invalid,
}: {
  id: string;
  value: string;
  onInput: (value: string) => void;
  describedBy: string;
  invalid: boolean;
}) {
  const [shown, setShown] = useState(false);
  return (
    <span class="password password--area">
      <textarea
        id={id}
        rows={5}
        class={shown ? 'mono' : 'mono masked'}
        value={value}
        spellcheck={false}
        autoComplete="off"
        onInput={(e) => onInput(e.currentTarget.value)}
        aria-describedby={describedBy}
        aria-invalid={invalid ? 'true' : undefined}
      />
      <button
        type="button"
        class="button button--small"
        aria-pressed={shown}
        aria-controls={id}
        onClick={() => setShown(!shown)}
      >
        {t('popupShow')}
      </button>
    </span>
  );
}
