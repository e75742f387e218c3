import { describe, expect, it } from 'vitest';
import type { KnownValueIndex } from '../detector/known-values';
import { GUARD_INDEX_KEY, type GuardIndex } from '../guard/types';
import type { CredentialMeta, CredentialStatus } from '../vault/model';
import { GuardService, type KeyValueStore } from './guard-service';

function memoryStore(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (key) => Promise.resolve(data.get(key)),
    set: (key, value) => {
      data.set(key, value);
      return Promise.resolve();
    },
  };
}

const META: CredentialMeta = {
  id: 'c1',
  exchange: 'bybit',
  label: 'grid bot',
  apiKeyHint: 'Xk3L…Yz1',
  storedFields: ['apiKey', 'secret'],
  permissions: [],
  ipAllowlist: { state: 'none' },
  createdAt: null,
  lastRotatedAt: null,
  expiresAt: null,
  usedBy: [{ kind: 'bot', name: 'My bot', domain: 'mybot.test' }],
  notes: '',
  status: 'active',
  replaces: null,
  addedAt: 1,
  updatedAt: 1,
  secretsDestroyedAt: null,
};

function setup() {
  let meta = META;
  const statuses: CredentialStatus[] = [];
  const opened: string[] = [];
  const store = memoryStore();
  const publish = memoryStore();
  const known: KnownValueIndex = { seed: 'seed', entries: new Map([['0123456789abcdef', 'c1:secret']]) };
  let id = 0;
  const guard = new GuardService({
    vault: {
      listCredentials: () => Promise.resolve({ credentials: [meta], unreadable: [] }),
      getCredential: () => Promise.resolve(meta),
      setStatus: (_id, status) => {
        statuses.push(status);
        meta = { ...meta, status };
        return Promise.resolve(meta);
      },
      knownValueIndex: () => Promise.resolve(known),
    },
    store,
    publish,
    now: () => 1_000,
    newId: () => `e${++id}`,
    openIncident: (credentialId) => {
      opened.push(credentialId);
      return Promise.resolve();
    },
  });
  return { guard, store, publish, statuses, opened };
}

const heldSecret = { kind: 'paste', severity: 'secret', stored: { ref: 'c1:secret' }, shape: null } as const;

describe('GuardService', () => {
  it('records a held paste without the value and returns the label for the warning', async () => {
    const { guard } = setup();
    expect(await guard.held(heldSecret, 'chat.test')).toEqual({ eventId: 'e1', label: 'grid bot' });
    expect(await guard.events()).toMatchObject([
      { host: 'chat.test', credentialId: 'c1', field: 'secret', choice: 'pending' },
    ]);
  });

  it('takes the severity from the stored field, not from the content script', async () => {
    const { guard, statuses } = setup();
    const { eventId } = await guard.held({ ...heldSecret, severity: 'apiKey' }, 'chat.test');
    await guard.choice(eventId, 'paste-anyway', 'chat.test');
    expect(statuses).toEqual(['exposed']);
  });

  it('marks the key exposed on Paste anyway on a site that is not allowed, not on its used-by site', async () => {
    const allowed = setup();
    const a = await allowed.guard.held(heldSecret, 'app.mybot.test');
    await allowed.guard.choice(a.eventId, 'paste-anyway', 'app.mybot.test');
    expect(allowed.statuses).toEqual([]);

    const elsewhere = setup();
    const b = await elsewhere.guard.held(heldSecret, 'mybot.test.evil.io');
    await elsewhere.guard.choice(b.eventId, 'paste-anyway', 'mybot.test.evil.io');
    expect(elsewhere.statuses).toEqual(['exposed']);
    expect((await elsewhere.guard.events())[0]).toMatchObject({ choice: 'paste-anyway', exposed: true });
  });

  it('"Always allow" adds the site for that key and republishes the index content scripts read', async () => {
    const { guard, publish, statuses } = setup();
    const { eventId } = await guard.held(heldSecret, 'notes.test');
    await guard.choice(eventId, 'allow-site', 'notes.test');
    expect(statuses).toEqual([]);
    expect((await guard.settings()).allowances).toEqual({ c1: ['notes.test'] });
    const index = publish.data.get(GUARD_INDEX_KEY) as GuardIndex;
    expect(index.refs['c1:secret']?.allowedHosts).toEqual(['mybot.test', 'notes.test']);
  });

  it('"This key may be compromised" marks it exposed and opens the checklist', async () => {
    const { guard, statuses, opened } = setup();
    const { eventId } = await guard.held(heldSecret, 'chat.test');
    await guard.choice(eventId, 'treat-exposed', 'chat.test');
    expect(statuses).toEqual(['exposed']);
    expect(opened).toEqual(['c1']);
  });

  it('refuses a choice from another site, or a second choice', async () => {
    const { guard } = setup();
    const { eventId } = await guard.held(heldSecret, 'chat.test');
    await expect(guard.choice(eventId, 'allow-site', 'other.test')).rejects.toMatchObject({
      code: 'not-found',
    });
    await guard.choice(eventId, 'cancel', 'chat.test');
    await expect(guard.choice(eventId, 'allow-site', 'chat.test')).rejects.toMatchObject({
      code: 'bad-request',
    });
  });

  it('limits how many held pastes one site may report per minute', async () => {
    const { guard } = setup();
    for (let i = 0; i < 20; i++) await guard.held(heldSecret, 'spam.test');
    await expect(guard.held(heldSecret, 'spam.test')).rejects.toMatchObject({ code: 'rate-limited' });
    await expect(guard.held(heldSecret, 'chat.test')).resolves.toMatchObject({ label: 'grid bot' });
  });

  it('keeps its history and site rules out of the store content scripts can read', async () => {
    const { guard, publish } = setup();
    const { eventId } = await guard.held(heldSecret, 'chat.test');
    await guard.choice(eventId, 'allow-site', 'chat.test');
    expect([...publish.data.keys()]).toEqual([GUARD_INDEX_KEY]);
  });
});
