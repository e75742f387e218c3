import { describe, expect, it } from 'vitest';
import { alarmPortFrom, SESSION_KEY, sessionStoreFrom } from './chrome-ports';
import type { SessionRecord } from './ports';

describe('chrome adapters', () => {
  it('keeps the session record under one key of the given area', async () => {
    const items = new Map<string, unknown>([['other', 1]]);
    const area = {
      get: (key: string) => Promise.resolve(items.has(key) ? { [key]: items.get(key) } : {}),
      set: (values: Record<string, unknown>) => {
        for (const [k, value] of Object.entries(values)) items.set(k, value);
        return Promise.resolve();
      },
      remove: (key: string) => {
        items.delete(key);
        return Promise.resolve();
      },
    } as unknown as Parameters<typeof sessionStoreFrom>[0];
    const store = sessionStoreFrom(area);
    expect(await store.get()).toBeUndefined();
    const record: SessionRecord = {
      v: 1,
      vaultId: 'v',
      sessionId: 's',
      key: 'AAAA',
      unlockedAt: 1,
      lastActivityAt: 2,
    };
    await store.set(record);
    expect(items.get(SESSION_KEY)).toEqual(record);
    expect(await store.get()).toEqual(record);
    await store.remove();
    expect(await store.get()).toBeUndefined();
    expect(items.get('other')).toBe(1);
  });

  it('creates one-shot alarms at an absolute time and clears them', async () => {
    const calls: unknown[] = [];
    const alarms = {
      create: (name: string, info: object) => {
        calls.push(['create', name, info]);
        return Promise.resolve();
      },
      clear: (name: string) => {
        calls.push(['clear', name]);
        return Promise.resolve(true);
      },
    } as unknown as Parameters<typeof alarmPortFrom>[0];
    const port = alarmPortFrom(alarms);
    await port.create('lock', 1234);
    await port.clear('lock');
    expect(calls).toEqual([
      ['create', 'lock', { when: 1234 }],
      ['clear', 'lock'],
    ]);
  });
});
