import { acknowledgementKey, auditAll, badgeCount, type LiveAudit } from '../audit';
import type { LiveAuditResult } from '../live-audit/types';
import type { AuditSnapshot, ReminderSettings } from '../shared/messages';
import type { Vault } from '../vault/service';
import type { KeyValueStore } from './guard-service';

export const AUDIT_ALARM = 'keywarden.audit.daily';
const ACK_KEY = 'auditAcknowledged';
const LIVE_KEY = 'liveAudits';
const REMINDERS_KEY = 'reminders';
const NOTIFIED_KEY = 'remindersNotified';
/** Warn about an exchange's automatic expiry this many days ahead. */
const NOTIFY_WITHIN_DAYS = 7;

export interface Notice {
  readonly id: string;
  readonly title: string;
  readonly message: string;
}

export interface AuditDeps {
  readonly vault: Pick<Vault, 'listCredentials' | 'getSettings'>;
  readonly store: KeyValueStore;
  readonly now: () => number;
  /** Shows the number of keys that need action on the toolbar button ('' for none). */
  readonly setBadge: (count: number) => Promise<void>;
  /** Shows a system notification if the user allowed notifications; false when not allowed. */
  readonly notify: (notice: Notice) => Promise<boolean>;
  /** English text of an audit message key, for notifications (the popup renders its own). */
  readonly text: (key: string, substitutions: readonly string[]) => string;
}

/** Live audit results as the hygiene audit reads them: only answers where the exchange reported permissions. */
export function liveFacts(results: Readonly<Record<string, LiveAuditResult>>): Map<string, LiveAudit> {
  const facts = new Map<string, LiveAudit>();
  for (const [id, result] of Object.entries(results)) {
    if (result.state !== 'valid') continue;
    facts.set(id, {
      checkedAt: result.checkedAt,
      permissions: result.permissions.ids,
      ipRestricted: result.ipRestricted,
    });
  }
  return facts;
}

/** Runs the hygiene audit over the vault's metadata (it works while locked) and keeps the badge current. */
export class AuditService {
  constructor(private readonly deps: AuditDeps) {}

  private async acknowledged(): Promise<string[]> {
    const value = await this.deps.store.get(ACK_KEY);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  async liveResults(): Promise<Record<string, LiveAuditResult>> {
    const value = await this.deps.store.get(LIVE_KEY);
    return value && typeof value === 'object' ? (value as Record<string, LiveAuditResult>) : {};
  }

  async recordLive(credentialId: string, result: LiveAuditResult): Promise<void> {
    await this.deps.store.set(LIVE_KEY, { ...(await this.liveResults()), [credentialId]: result });
    await this.snapshot();
  }

  async snapshot(): Promise<AuditSnapshot> {
    const [{ credentials }, settings, acknowledged, live] = await Promise.all([
      this.deps.vault.listCredentials(),
      this.deps.vault.getSettings(),
      this.acknowledged(),
      this.liveResults(),
    ]);
    const now = this.deps.now();
    const result = auditAll(credentials, {
      now,
      settings,
      acknowledged: new Set(acknowledged),
      liveAudits: liveFacts(live),
    });
    const badge = badgeCount(result);
    await this.deps.setBadge(badge);
    return { perKey: Object.fromEntries(result.perKey), overall: result.overall, badge, computedAt: now };
  }

  async acknowledge(credentialId: string, checkId: string, acknowledged: boolean): Promise<AuditSnapshot> {
    const key = acknowledgementKey(credentialId, checkId);
    const current = new Set(await this.acknowledged());
    if (acknowledged) current.add(key);
    else current.delete(key);
    await this.deps.store.set(ACK_KEY, [...current].sort());
    return this.snapshot();
  }

  async reminders(): Promise<ReminderSettings> {
    const value = (await this.deps.store.get(REMINDERS_KEY)) as ReminderSettings | undefined;
    return { notifyExpiry: value?.notifyExpiry === true };
  }

  async setReminders(settings: ReminderSettings): Promise<ReminderSettings> {
    await this.deps.store.set(REMINDERS_KEY, { notifyExpiry: settings.notifyExpiry });
    return this.reminders();
  }

  /**
   * The daily run: re-audit, refresh the badge, and notify once per key and rule when an exchange's automatic
   * expiry is a week away or less (only if the user turned reminders on and allowed notifications).
   */
  async daily(): Promise<number> {
    const snapshot = await this.snapshot();
    if (!(await this.reminders()).notifyExpiry) return 0;
    const notified = new Set(((await this.deps.store.get(NOTIFIED_KEY)) as string[] | undefined) ?? []);
    let sent = 0;
    for (const audit of Object.values(snapshot.perKey)) {
      for (const finding of audit.findings) {
        const days = finding.countdown?.days;
        if (finding.acknowledged || days === undefined || days > NOTIFY_WITHIN_DAYS) continue;
        if (finding.checkId !== 'exchange-expiry' && finding.checkId !== 'key-expires') continue;
        const id = `${finding.credentialId}:${finding.checkId}:${finding.countdown?.at ?? ''}`;
        if (notified.has(id)) continue;
        const shown = await this.deps.notify({
          id,
          title: this.deps.text('auditNotificationTitle', []),
          message: this.deps.text(finding.messageKey, finding.substitutions),
        });
        if (!shown) return sent;
        notified.add(id);
        sent += 1;
      }
    }
    await this.deps.store.set(NOTIFIED_KEY, [...notified].slice(-500));
    return sent;
  }
}
