/** Test doubles for the vault's ports, shared by the vault's tests and benchmark. Not used in production code. */
import type { CredentialInput } from './model';
import type { AlarmPort, Clock, SessionRecord, SessionStore } from './ports';
import { Vault, type VaultOptions } from './service';

/** Stands in for chrome.storage.session: a JSON round trip, like the real thing. */
export class MemorySession implements SessionStore {
  value: unknown;

  get(): Promise<unknown> {
    return Promise.resolve(this.value === undefined ? undefined : JSON.parse(JSON.stringify(this.value)));
  }

  set(record: SessionRecord): Promise<void> {
    this.value = JSON.parse(JSON.stringify(record));
    return Promise.resolve();
  }

  remove(): Promise<void> {
    this.value = undefined;
    return Promise.resolve();
  }
}

export class FakeAlarms implements AlarmPort {
  readonly alarms = new Map<string, number>();

  create(name: string, when: number): Promise<void> {
    this.alarms.set(name, when);
    return Promise.resolve();
  }

  clear(name: string): Promise<void> {
    this.alarms.delete(name);
    return Promise.resolve();
  }
}

export class FakeClock implements Clock {
  constructor(public time = Date.UTC(2025, 0, 1)) {}

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

/** Fast KDF for tests only; production uses DEFAULT_KDF_ITERATIONS (asserted in service.test.ts). */
export const TEST_ITERATIONS = 1_000;
export const PASSPHRASE = 'orbit-lamp-velvet-cactus-harbor';
export const OTHER_PASSPHRASE = 'quartz-meadow-signal-pepper-fjord';

let counter = 0;

export interface Harness {
  readonly vault: Vault;
  readonly session: MemorySession;
  readonly alarms: FakeAlarms;
  readonly clock: FakeClock;
  readonly dbName: string;
  /** A second Vault on the same database, session and clock: a restarted service worker. */
  restart(options?: Partial<VaultOptions>): Vault;
}

export function harness(options: Partial<VaultOptions> = {}): Harness {
  const session = new MemorySession();
  const alarms = new FakeAlarms();
  const clock = new FakeClock();
  const dbName = `vault-test-${++counter}-${crypto.randomUUID()}`;
  const make = (extra: Partial<VaultOptions> = {}) =>
    new Vault({ session, alarms, clock, dbName, kdfIterations: TEST_ITERATIONS, ...options, ...extra });
  return { vault: make(), session, alarms, clock, dbName, restart: make };
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomKey(length = 64): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

export function sampleInput(overrides: Partial<CredentialInput> = {}): CredentialInput {
  return {
    exchange: 'binance',
    label: 'Trading bot',
    secrets: { apiKey: randomKey(), secret: randomKey() },
    permissions: ['enableReading', 'enableSpotAndMarginTrading'],
    ipAllowlist: { state: 'list', entries: ['203.0.113.7'] },
    createdAt: Date.UTC(2024, 5, 1),
    usedBy: [{ kind: 'bot', name: '3Commas', domain: '3commas.io' }],
    notes: 'main account',
    ...overrides,
  };
}
