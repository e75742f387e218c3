import { hostMatchesDomain } from '../exchanges/domains';
import { getExchange } from '../exchanges/index';
import { allowedHostsOf, buildGuardIndex, parseRef } from '../guard/build-index';
import { GUARD_INDEX_KEY, type GuardChoice, type GuardEvent, type GuardSettings } from '../guard/types';
import type { GuardHeldReply, GuardHeldRequest } from '../shared/messages';
import type { CredentialMeta } from '../vault/model';
import type { Vault } from '../vault/service';
import { PublicError } from './router';

/** A small key-value store: the background's private state, or storage.local for what content scripts read. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface GuardDeps {
  readonly vault: Pick<Vault, 'listCredentials' | 'getCredential' | 'setStatus' | 'knownValueIndex'>;
  /** Private state: history, site rules. */
  readonly store: KeyValueStore;
  /** Where content scripts read the guard index (storage.local). */
  readonly publish: KeyValueStore;
  readonly now: () => number;
  readonly newId: () => string;
  /** Opens the revocation checklist for a credential (a new tab of the popup app). */
  readonly openIncident: (credentialId: string) => Promise<void>;
}

const EVENTS_KEY = 'guardEvents';
const SETTINGS_KEY = 'guardSettings';
/** Enough history to review a month of held pastes; older entries drop off. */
const MAX_EVENTS = 500;
/** Held pastes one site may report per minute. */
const RATE_LIMIT = 20;
const RATE_WINDOW_MS = 60_000;
const EMPTY_SETTINGS: GuardSettings = { allowances: {}, disabledHosts: [] };

function isRecordArray(value: unknown): value is GuardEvent[] {
  return Array.isArray(value);
}

/** Records held pastes, applies the user's choices, and keeps the content scripts' guard index current. */
export class GuardService {
  constructor(private readonly deps: GuardDeps) {}

  async settings(): Promise<GuardSettings> {
    const value = (await this.deps.store.get(SETTINGS_KEY)) as GuardSettings | undefined;
    if (!value || typeof value !== 'object' || !Array.isArray(value.disabledHosts)) return EMPTY_SETTINGS;
    return value;
  }

  async events(): Promise<GuardEvent[]> {
    const value = await this.deps.store.get(EVENTS_KEY);
    return isRecordArray(value) ? value : [];
  }

  /** Rebuilds the index content scripts read from storage.local. Call after any change to keys or site rules. */
  async publishIndex(): Promise<void> {
    const [known, listing, settings] = await Promise.all([
      this.deps.vault.knownValueIndex(),
      this.deps.vault.listCredentials(),
      this.settings(),
    ]);
    const index = buildGuardIndex({
      known,
      credentials: listing.credentials,
      allowances: settings.allowances,
      disabledHosts: settings.disabledHosts,
    });
    await this.deps.publish.set(GUARD_INDEX_KEY, index);
  }

  private async saveSettings(settings: GuardSettings): Promise<void> {
    await this.deps.store.set(SETTINGS_KEY, settings);
    await this.publishIndex();
  }

  /** Whether `meta` may be pasted on `host`: its exchange's sites, its "used by" sites, the user's allowances. */
  isAllowed(meta: CredentialMeta, host: string, settings: GuardSettings): boolean {
    const exchange = getExchange(meta.exchange);
    const hosts = [...exchange.webDomains, ...allowedHostsOf(meta, settings.allowances)];
    return hosts.some((domain) => hostMatchesDomain(host, domain));
  }

  async held(request: GuardHeldRequest, host: string): Promise<GuardHeldReply> {
    const events = await this.events();
    const since = this.deps.now() - RATE_WINDOW_MS;
    // A person pastes a few times a minute at most; a compromised page renderer could replay refs to read labels.
    if (events.filter((e) => e.host === host && e.at >= since).length >= RATE_LIMIT) {
      throw new PublicError('rate-limited', 'Too many held pastes from this site; try again in a minute.');
    }
    let meta: CredentialMeta | null = null;
    let field: string | null = null;
    if (request.stored) {
      const parsed = parseRef(request.stored.ref);
      if (!parsed) throw new PublicError('bad-request', 'Unknown stored value.');
      meta = await this.deps.vault.getCredential(parsed.credentialId);
      field = parsed.field;
    }
    const event: GuardEvent = {
      id: this.deps.newId(),
      at: this.deps.now(),
      host,
      kind: request.kind,
      // For a stored value the field decides, not the content script's claim: a secret reported as an api key
      // would otherwise never be marked exposed.
      severity: field === null ? request.severity : field === 'apiKey' ? 'apiKey' : 'secret',
      credentialId: meta?.id ?? null,
      field,
      shape: request.shape,
      choice: 'pending',
      choiceAt: null,
      exposed: false,
    };
    await this.deps.store.set(EVENTS_KEY, [event, ...events].slice(0, MAX_EVENTS));
    return { eventId: event.id, label: meta?.label ?? null };
  }

  /**
   * Applies the user's choice. The site is the one recorded when the paste was held (from the sender), so a content
   * script cannot claim another site.
   */
  async choice(eventId: string, choice: GuardChoice, host: string): Promise<void> {
    const events = await this.events();
    const event = events.find((e) => e.id === eventId);
    if (!event || event.host !== host) throw new PublicError('not-found', 'No such held paste.');
    if (event.choice !== 'pending') throw new PublicError('bad-request', 'This paste was already decided.');
    let exposed = false;
    if (event.credentialId) {
      const meta = await this.deps.vault.getCredential(event.credentialId);
      const settings = await this.settings();
      if (choice === 'allow-site') {
        const current = settings.allowances[meta.id] ?? [];
        const allowances = { ...settings.allowances, [meta.id]: [...new Set([...current, host])].sort() };
        await this.saveSettings({ ...settings, allowances });
      } else if (
        choice === 'paste-anyway' &&
        event.severity === 'secret' &&
        !this.isAllowed(meta, host, settings)
      ) {
        exposed = true;
      } else if (choice === 'treat-exposed') {
        exposed = true;
      }
      if (exposed && meta.status !== 'compromised' && meta.status !== 'revoked') {
        await this.deps.vault.setStatus(meta.id, 'exposed');
      }
      if (choice === 'treat-exposed') await this.deps.openIncident(meta.id);
    }
    const updated = events.map((e) =>
      e.id === eventId ? { ...e, choice, choiceAt: this.deps.now(), exposed } : e,
    );
    await this.deps.store.set(EVENTS_KEY, updated);
  }

  async setSiteDisabled(host: string, disabled: boolean): Promise<GuardSettings> {
    const settings = await this.settings();
    const hosts = new Set(settings.disabledHosts);
    if (disabled) hosts.add(host);
    else hosts.delete(host);
    const next = { ...settings, disabledHosts: [...hosts].sort() };
    await this.saveSettings(next);
    return next;
  }

  async removeAllowance(credentialId: string, host: string): Promise<GuardSettings> {
    const settings = await this.settings();
    const remaining = (settings.allowances[credentialId] ?? []).filter((h) => h !== host);
    const allowances: Record<string, readonly string[]> = {
      ...settings.allowances,
      [credentialId]: remaining,
    };
    if (remaining.length === 0) delete allowances[credentialId];
    const next = { ...settings, allowances };
    await this.saveSettings(next);
    return next;
  }
}
