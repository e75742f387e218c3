import { useState } from 'preact/hooks';
import { getExchange } from '../../exchanges/index';
import type { FieldKind } from '../../exchanges/types';
import type { GuardChoice, GuardEvent, GuardSettings } from '../../guard/types';
import { t } from '../../shared/i18n';
import type { ImportPreview } from '../../vault/service';
import type { Settings as VaultSettings } from '../../vault/model';
import { estimateStrength } from '../../vault/strength';
import { call, errorText } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { Loading } from '../components/Loading';
import { PasswordInput } from '../components/PasswordInput';
import { StrengthMeter } from '../components/StrengthMeter';
import { ViewHeading } from '../components/ViewHeading';
import { download, formatDateTime } from '../format';
import { useAsync } from '../hooks';
import { requestPermissions } from '../permissions';

type Notice = { readonly text: string; readonly error: boolean } | null;

function NoticeLine({ notice }: { notice: Notice }) {
  return (
    <p
      class={notice?.error ? 'note note--error' : 'note'}
      role={notice?.error ? 'alert' : 'status'}
      hidden={notice === null}
    >
      {notice?.text}
    </p>
  );
}

export function Settings() {
  return (
    <section class="view">
      <ViewHeading>{t('popupSettingsTitle')}</ViewHeading>
      <General />
      <ChangePassphrase />
      <Reminders />
      <PasteGuard />
      <Backup />
    </section>
  );
}

const NUMBER_FIELDS = [
  ['autoLockMinutes', 'popupAutoLockMinutes', 1, 1440],
  ['clipboardClearSeconds', 'popupClipboardSeconds', 0, 600],
  ['rotationDays', 'popupRotationDays', 1, 3650],
] as const;

function General() {
  const { data, set } = useAsync(() => call('settings.get', {}), []);
  const [draft, setDraft] = useState<Partial<Record<keyof VaultSettings, string>>>({});
  const [notice, setNotice] = useState<Notice>(null);
  if (data.state === 'loading') return <Loading />;
  if (data.state === 'error') return <ErrorNote error={data.error} />;
  const settings = data.value;
  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    const patch: Partial<Record<keyof VaultSettings, number>> = {};
    for (const [name, , min, max] of NUMBER_FIELDS) {
      const raw = draft[name];
      if (raw === undefined) continue;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min || value > max)
        return setNotice({
          text: t('popupSettingsRange', [
            t(NUMBER_FIELDS.find((f) => f[0] === name)![1]),
            String(min),
            String(max),
          ]),
          error: true,
        });
      patch[name] = value;
    }
    try {
      set(await call('settings.set', { patch }));
      setDraft({});
      setNotice({ text: t('popupSaved'), error: false });
    } catch (err) {
      setNotice({ text: errorText(err), error: true });
    }
  };
  return (
    <form class="form card" onSubmit={(e) => void save(e)} noValidate>
      <h3>{t('popupSettingsGeneral')}</h3>
      {NUMBER_FIELDS.map(([name, key, min, max]) => (
        <div class="field" key={name}>
          <label for={`setting-${name}`}>{t(key)}</label>
          <input
            id={`setting-${name}`}
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            value={draft[name] ?? String(settings[name])}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setDraft((d) => ({ ...d, [name]: value }));
            }}
          />
        </div>
      ))}
      <button type="submit" class="button button--primary">
        {t('popupSave')}
      </button>
      <NoticeLine notice={notice} />
    </form>
  );
}

function ChangePassphrase() {
  const [oldPassphrase, setOld] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const estimate = estimateStrength(next);
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (estimate.score < 2) return setNotice({ text: t('popupFirstRunWeak'), error: true });
    if (next !== confirm) return setNotice({ text: t('popupFirstRunMismatch'), error: true });
    setBusy(true);
    try {
      await call('vault.changePassphrase', { oldPassphrase, newPassphrase: next });
      setOld('');
      setNext('');
      setConfirm('');
      setNotice({ text: t('popupPassphraseChanged'), error: false });
    } catch (err) {
      setNotice({ text: errorText(err), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form card" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('popupChangePassphrase')}</h3>
      <div class="field">
        <label for="old-passphrase">{t('popupOldPassphrase')}</label>
        <PasswordInput
          id="old-passphrase"
          value={oldPassphrase}
          onInput={setOld}
          autoComplete="current-password"
        />
      </div>
      <div class="field">
        <label for="change-passphrase">{t('popupNewPassphrase')}</label>
        <PasswordInput
          id="change-passphrase"
          value={next}
          onInput={setNext}
          autoComplete="new-password"
          describedBy="change-passphrase-strength"
        />
        {next !== '' && <StrengthMeter id="change-passphrase-strength" estimate={estimate} />}
      </div>
      <div class="field">
        <label for="change-confirm">{t('popupPassphraseConfirm')}</label>
        <PasswordInput id="change-confirm" value={confirm} onInput={setConfirm} autoComplete="new-password" />
      </div>
      <button type="submit" class="button" disabled={busy || oldPassphrase === '' || next === ''}>
        {t('popupChangePassphraseButton')}
      </button>
      <NoticeLine notice={notice} />
    </form>
  );
}

function Reminders() {
  const { data, set } = useAsync(() => call('reminders.get', {}), []);
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState<boolean | null>(null);
  const toggle = (on: boolean): void => {
    setPending(on);
    // The notifications prompt needs this click's user gesture: ask before anything is awaited.
    const granted = on ? requestPermissions({ permissions: ['notifications'] }) : Promise.resolve(true);
    void (async () => {
      try {
        if (!(await granted)) return setNotice({ text: t('popupRemindersDenied'), error: true });
        set(await call('reminders.set', { notifyExpiry: on }));
        setNotice({ text: t('popupSaved'), error: false });
      } catch (err) {
        setNotice({ text: errorText(err), error: true });
      } finally {
        setPending(null);
      }
    })();
  };
  return (
    <div class="card">
      <h3>{t('popupReminders')}</h3>
      {data.state === 'loading' && <Loading />}
      {data.state === 'error' && <ErrorNote error={data.error} />}
      {data.state === 'ok' && (
        <label class="choice">
          <input
            type="checkbox"
            checked={pending ?? data.value.notifyExpiry}
            onChange={(e) => toggle(e.currentTarget.checked)}
          />
          {t('popupRemindersExpiry')}
        </label>
      )}
      <NoticeLine notice={notice} />
    </div>
  );
}

const FIELD_KEYS: Record<FieldKind, string> = {
  apiKey: 'popupFieldApiKey',
  secret: 'popupFieldSecret',
  passphrase: 'popupFieldPassphrase',
  privateKey: 'popupFieldPrivateKey',
};

const CHOICE_KEYS: Record<GuardChoice | 'pending', string> = {
  cancel: 'popupGuardChoiceCancel',
  'paste-anyway': 'popupGuardChoicePasteAnyway',
  'allow-site': 'popupGuardChoiceAllowSite',
  'treat-exposed': 'popupGuardChoiceExposed',
  pending: 'popupGuardChoicePending',
};

async function loadGuard() {
  const [settings, events, list] = await Promise.all([
    call('guard.settings', {}),
    call('guard.events', {}),
    call('vault.list', {}).catch(() => null),
  ]);
  return { settings, events, credentials: list?.credentials ?? [] };
}

function PasteGuard() {
  const { data, set } = useAsync(loadGuard, []);
  const [notice, setNotice] = useState<Notice>(null);
  if (data.state === 'loading') return <Loading />;
  if (data.state === 'error')
    return (
      <div class="card">
        <h3>{t('popupGuardTitle')}</h3>
        <ErrorNote error={data.error} />
      </div>
    );
  const { settings, events, credentials } = data.value;
  const label = (id: string | null): string =>
    id === null
      ? t('popupUnknown')
      : (credentials.find((c) => c.id === id)?.label ?? t('popupGuardDeletedKey'));
  const update = async (work: () => Promise<GuardSettings>): Promise<void> => {
    try {
      set({ ...data.value, settings: await work() });
      setNotice({ text: t('popupSaved'), error: false });
    } catch (err) {
      setNotice({ text: errorText(err), error: true });
    }
  };
  const allowances = Object.entries(settings.allowances).flatMap(([credentialId, hosts]) =>
    hosts.map((host) => ({ credentialId, host })),
  );
  return (
    <div class="card">
      <h3>{t('popupGuardTitle')}</h3>
      <h4>{t('popupGuardAllowances')}</h4>
      {allowances.length === 0 ? (
        <p class="muted">{t('popupGuardAllowancesNone')}</p>
      ) : (
        <ul class="rows">
          {allowances.map(({ credentialId, host }) => (
            <li key={`${credentialId}:${host}`} class="row row--inline">
              <span>{t('popupGuardAllowance', [label(credentialId), host])}</span>
              <button
                type="button"
                class="button button--small"
                aria-label={t('popupGuardRemoveAllowance', [label(credentialId), host])}
                onClick={() => void update(() => call('guard.removeAllowance', { credentialId, host }))}
              >
                {t('popupRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('popupGuardDisabled')}</h4>
      {settings.disabledHosts.length === 0 ? (
        <p class="muted">{t('popupGuardDisabledNone')}</p>
      ) : (
        <ul class="rows">
          {settings.disabledHosts.map((host) => (
            <li key={host} class="row row--inline">
              <span>{host}</span>
              <button
                type="button"
                class="button button--small"
                aria-label={t('popupGuardEnableOn', host)}
                onClick={() => void update(() => call('guard.setSiteDisabled', { host, disabled: false }))}
              >
                {t('popupGuardEnable')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <NoticeLine notice={notice} />
      <h4>{t('popupGuardEvents')}</h4>
      {events.length === 0 ? (
        <p class="muted">{t('popupGuardEventsNone')}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{t('popupGuardEvents')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('popupGuardWhen')}</th>
              <th scope="col">{t('popupGuardSite')}</th>
              <th scope="col">{t('popupGuardWhat')}</th>
              <th scope="col">{t('popupGuardChoice')}</th>
            </tr>
          </thead>
          <tbody>
            {[...events]
              .sort((a, b) => b.at - a.at)
              .slice(0, 20)
              .map((event) => (
                <tr key={event.id}>
                  <td>{formatDateTime(event.at)}</td>
                  <td>{event.host}</td>
                  <td>{eventWhat(event, label)}</td>
                  <td>{t(CHOICE_KEYS[event.choice])}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function eventWhat(event: GuardEvent, label: (id: string | null) => string): string {
  if (event.credentialId !== null) return label(event.credentialId);
  if (event.shape !== null) {
    const exchange =
      event.shape.exchange === null ? t('popupUnknown') : getExchange(event.shape.exchange).name;
    return t('popupGuardShape', [exchange, t(FIELD_KEYS[event.shape.field])]);
  }
  return t('popupUnknown');
}

function Backup() {
  const [exportPassword, setExportPassword] = useState('');
  const [exportNotice, setExportNotice] = useState<Notice>(null);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [importPassword, setImportPassword] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [importNotice, setImportNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const estimate = estimateStrength(exportPassword);

  const doExport = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (estimate.score < 2) return setExportNotice({ text: t('popupFirstRunWeak'), error: true });
    setBusy(true);
    try {
      const result = await call('vault.export', { password: exportPassword });
      download(result.fileName, result.json, 'application/json');
      setExportPassword('');
      setExportNotice({
        text:
          result.failed.length > 0
            ? t('popupExportPartial', [String(result.count), String(result.failed.length)])
            : t('popupExportDone', String(result.count)),
        error: result.failed.length > 0,
      });
    } catch (err) {
      setExportNotice({ text: errorText(err), error: true });
    } finally {
      setBusy(false);
    }
  };
  const doPreview = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (file === null) return;
    setBusy(true);
    try {
      setPreview(await call('vault.importPreview', { file: file.text, password: importPassword }));
      setImportNotice(null);
    } catch (err) {
      setImportNotice({ text: errorText(err), error: true });
    } finally {
      setBusy(false);
    }
  };
  const apply = async (): Promise<void> => {
    if (file === null) return;
    setBusy(true);
    try {
      const result = await call('vault.importApply', {
        file: file.text,
        password: importPassword,
        choices: { replace: 'all' },
      });
      setPreview(null);
      setFile(null);
      setImportPassword('');
      setImportNotice({
        text: t('popupImportDone', [String(result.added), String(result.replaced), String(result.skipped)]),
        error: false,
      });
    } catch (err) {
      setImportNotice({ text: errorText(err), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="card">
      <h3>{t('popupBackup')}</h3>
      <form class="form" onSubmit={(e) => void doExport(e)} noValidate>
        <h4>{t('popupExportTitle')}</h4>
        <p class="field__hint">{t('popupExportHint')}</p>
        <div class="field">
          <label for="export-password">{t('popupExportPassword')}</label>
          <PasswordInput
            id="export-password"
            value={exportPassword}
            onInput={setExportPassword}
            autoComplete="new-password"
            describedBy="export-strength"
          />
          {exportPassword !== '' && <StrengthMeter id="export-strength" estimate={estimate} />}
        </div>
        <button type="submit" class="button" disabled={busy || exportPassword === ''}>
          {t('popupExport')}
        </button>
        <NoticeLine notice={exportNotice} />
      </form>
      <form class="form" onSubmit={(e) => void doPreview(e)} noValidate>
        <h4>{t('popupImportTitle')}</h4>
        <div class="field">
          <label for="import-file">{t('popupImportFile')}</label>
          <input
            id="import-file"
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const chosen = e.currentTarget.files?.[0];
              setPreview(null);
              if (!chosen) return setFile(null);
              void chosen.text().then((text) => setFile({ name: chosen.name, text }));
            }}
          />
        </div>
        <div class="field">
          <label for="import-password">{t('popupImportPassword')}</label>
          <PasswordInput id="import-password" value={importPassword} onInput={setImportPassword} />
        </div>
        <button type="submit" class="button" disabled={busy || file === null || importPassword === ''}>
          {t('popupImportPreview')}
        </button>
      </form>
      {preview !== null && (
        <PreviewList
          preview={preview}
          busy={busy}
          onApply={() => void apply()}
          onCancel={() => setPreview(null)}
        />
      )}
      <NoticeLine notice={importNotice} />
    </div>
  );
}

function PreviewList({
  preview,
  busy,
  onApply,
  onCancel,
}: {
  preview: ImportPreview;
  busy: boolean;
  onApply: () => void;
  onCancel: () => void;
}) {
  return (
    <div class="preview" role="region" aria-labelledby="import-preview-title">
      <h4 id="import-preview-title">
        {t(
          'popupImportPreviewTitle',
          Number.isNaN(Date.parse(preview.createdAt))
            ? preview.createdAt
            : formatDateTime(Date.parse(preview.createdAt)),
        )}
      </h4>
      <p>{t('popupImportWillAdd', String(preview.add.length))}</p>
      {preview.add.length > 0 && (
        <ul>
          {preview.add.map((c) => (
            <li key={c.id}>
              {c.label} ({c.exchange})
            </li>
          ))}
        </ul>
      )}
      <p>{t('popupImportWillReplace', String(preview.replace.length))}</p>
      {preview.replace.length > 0 && (
        <ul>
          {preview.replace.map((c) => (
            <li key={c.id}>{t('popupImportReplaceItem', [c.currentLabel, c.label])}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" class="button button--primary" disabled={busy} onClick={onApply}>
          {t('popupImportApply')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('popupCancel')}
        </button>
      </div>
    </div>
  );
}
