import { useState } from 'preact/hooks';
import { getExchange } from '../../exchanges/index';
import type { ExchangeId } from '../../exchanges/types';
import type { SignatureExplanation } from '../../live-audit/explain';
import type { HttpMethod } from '../../live-audit/types';
import { t } from '../../shared/i18n';
import { call, errorText } from '../api';
import { Loading } from '../components/Loading';
import { PasswordInput } from '../components/PasswordInput';
import { ViewHeading } from '../components/ViewHeading';
import { useAsync } from '../hooks';
import { useLiveKit, type LiveKit } from '../use-live-kit';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

/** The offline signature checker: what exactly gets signed for a request, computed by the background. */
export function Signature() {
  const kit = useLiveKit();
  return kit === null ? <Loading /> : <Checker kit={kit} />;
}

function Checker({ kit }: { kit: LiveKit }) {
  const { LIVE_AUDIT_EXCHANGES, timestampHint } = kit;
  const list = useAsync(() => call('vault.list', {}), []);
  const [exchange, setExchange] = useState<ExchangeId>(LIVE_AUDIT_EXCHANGES[0] ?? 'binance');
  const [method, setMethod] = useState<HttpMethod>('GET');
  const [path, setPath] = useState('');
  const [query, setQuery] = useState('');
  const [body, setBody] = useState('');
  const [timestamp, setTimestamp] = useState('');
  const [source, setSource] = useState<'stored' | 'test'>('test');
  const [credentialId, setCredentialId] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [secret, setSecret] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [result, setResult] = useState<SignatureExplanation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stored =
    list.data.state === 'ok'
      ? list.data.value.credentials.filter((c) => c.exchange === exchange && c.storedFields.length > 0)
      : [];
  const needsPassphrase = getExchange(exchange).fields.some((f) => f.kind === 'passphrase');

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    const key =
      source === 'stored'
        ? { credentialId }
        : {
            test: {
              apiKey,
              ...(secret === '' ? {} : { secret }),
              ...(passphrase === '' ? {} : { passphrase }),
            },
          };
    try {
      setResult(
        await call('signature.explain', {
          exchange,
          request: { method, path, query, body, timestamp },
          key,
        }),
      );
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="view">
      <ViewHeading>{t('popupSignatureTitle')}</ViewHeading>
      <p>{t('popupSignatureIntro')}</p>
      <form class="form" onSubmit={(e) => void submit(e)} noValidate>
        <div class="field-row">
          <div class="field">
            <label for="sig-exchange">{t('popupExchange')}</label>
            <select
              id="sig-exchange"
              value={exchange}
              onChange={(e) => {
                const value = LIVE_AUDIT_EXCHANGES.find((id) => id === e.currentTarget.value);
                if (value) {
                  setExchange(value);
                  setCredentialId('');
                  setResult(null);
                }
              }}
            >
              {LIVE_AUDIT_EXCHANGES.map((id) => (
                <option key={id} value={id}>
                  {getExchange(id).name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="sig-method">{t('popupSignatureMethod')}</label>
            <select
              id="sig-method"
              value={method}
              onChange={(e) => setMethod(METHODS.find((m) => m === e.currentTarget.value) ?? 'GET')}
            >
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="field">
          <label for="sig-path">{t('popupSignaturePath')}</label>
          <input
            id="sig-path"
            class="mono"
            value={path}
            placeholder="/api/v3/account"
            spellcheck={false}
            onInput={(e) => setPath(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="sig-query">{t('popupSignatureQuery')}</label>
          <input
            id="sig-query"
            class="mono"
            value={query}
            spellcheck={false}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="sig-body">{t('popupSignatureBody')}</label>
          <textarea
            id="sig-body"
            class="mono"
            rows={3}
            value={body}
            spellcheck={false}
            onInput={(e) => setBody(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="sig-timestamp">{t('popupSignatureTimestamp')}</label>
          <input
            id="sig-timestamp"
            class="mono"
            value={timestamp}
            spellcheck={false}
            aria-describedby="sig-timestamp-hint"
            onInput={(e) => setTimestamp(e.currentTarget.value)}
          />
          <p id="sig-timestamp-hint" class="field__hint">
            {timestampHint(exchange)}
          </p>
        </div>
        <fieldset class="field">
          <legend>{t('popupSignatureKey')}</legend>
          <label class="choice">
            <input
              type="radio"
              name="sig-source"
              checked={source === 'test'}
              onChange={() => setSource('test')}
            />
            {t('popupSignatureTest')}
          </label>
          <label class="choice">
            <input
              type="radio"
              name="sig-source"
              checked={source === 'stored'}
              disabled={stored.length === 0}
              onChange={() => setSource('stored')}
            />
            {t('popupSignatureStored')}
          </label>
          {source === 'stored' ? (
            <div class="field">
              <label for="sig-credential">{t('popupSignatureStoredKey')}</label>
              <select
                id="sig-credential"
                value={credentialId}
                onChange={(e) => setCredentialId(e.currentTarget.value)}
              >
                <option value="" disabled>
                  {t('popupSignaturePickKey')}
                </option>
                {stored.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.apiKeyHint ? `${c.label} (${c.apiKeyHint})` : c.label}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <>
              <p class="field__hint">{t('popupSignatureTestHint')}</p>
              <div class="field">
                <label for="sig-apikey">{t('popupFieldApiKey')}</label>
                <input
                  id="sig-apikey"
                  class="mono"
                  value={apiKey}
                  autoComplete="off"
                  spellcheck={false}
                  onInput={(e) => setApiKey(e.currentTarget.value)}
                />
              </div>
              <div class="field">
                <label for="sig-secret">{t('popupFieldSecret')}</label>
                <PasswordInput id="sig-secret" value={secret} onInput={setSecret} />
              </div>
              {needsPassphrase && (
                <div class="field">
                  <label for="sig-passphrase">{t('popupFieldPassphrase')}</label>
                  <PasswordInput id="sig-passphrase" value={passphrase} onInput={setPassphrase} />
                </div>
              )}
            </>
          )}
        </fieldset>
        <button
          type="submit"
          class="button button--primary"
          disabled={busy || path.trim() === '' || (source === 'stored' ? credentialId === '' : apiKey === '')}
        >
          {t('popupSignatureExplain')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {error !== null && <p class="note note--error">{error}</p>}
        {result !== null && <Explanation result={result} />}
      </div>
    </section>
  );
}

/** Shows each newline of the signed string as a visible ↵ so "\n" separators can be compared by eye. */
function Prehash({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <pre class="prehash" aria-describedby="prehash-legend">
      {lines.map((line, index) => (
        <span key={index}>
          {line}
          {index < lines.length - 1 && (
            <>
              <span class="sep" aria-label={t('popupSignatureNewline')}>
                ↵
              </span>
              {'\n'}
            </>
          )}
        </span>
      ))}
    </pre>
  );
}

function Explanation({ result }: { result: SignatureExplanation }) {
  return (
    <div class="explanation">
      <h3>{t('popupSignaturePrehash')}</h3>
      <p id="prehash-legend" class="field__hint">
        {t('popupSignaturePrehashLegend')}
      </p>
      <Prehash text={result.prehash} />
      <h3>{t('popupSignatureSignature')}</h3>
      <pre class="wrap">{result.signature}</pre>
      <h3>{t('popupSignatureUrl')}</h3>
      <pre class="wrap">{result.url}</pre>
      {result.body !== '' && (
        <>
          <h3>{t('popupSignatureBody')}</h3>
          <pre class="wrap">{result.body}</pre>
        </>
      )}
      <h3>{t('popupSignatureHeaders')}</h3>
      <table class="table">
        <caption class="visually-hidden">{t('popupSignatureHeaders')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('popupSignatureHeaderName')}</th>
            <th scope="col">{t('popupSignatureHeaderValue')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(result.headers).map(([name, value]) => (
            <tr key={name}>
              <th scope="row" class="mono">
                {name}
              </th>
              <td class="mono wrap">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.notes.length > 0 && (
        <>
          <h3>{t('popupSignatureNotes')}</h3>
          <ul>
            {result.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
