import { describe, expect, it } from 'vitest';
import { ClipboardClearer, CLIPBOARD_ALARM, type ClipboardAccess } from './clipboard';

function setup(delay = 30, readable = true) {
  let now = 1_000_000;
  let clipboard = '';
  const session = new Map<string, unknown>();
  const alarms: string[] = [];
  const access: ClipboardAccess = {
    read: () => Promise.resolve(readable ? clipboard : null),
    clear: () => {
      clipboard = '';
      return Promise.resolve();
    },
  };
  const clearer = new ClipboardClearer({
    session: {
      get: (key) => Promise.resolve({ [key as string]: session.get(key as string) }),
      set: (items) => {
        for (const [k, v] of Object.entries(items)) session.set(k, v);
        return Promise.resolve();
      },
      remove: (key) => {
        session.delete(key as string);
        return Promise.resolve();
      },
    },
    alarms: {
      create: (name: string) => {
        alarms.push(name);
        return Promise.resolve();
      },
      clear: () => Promise.resolve(true),
    } as unknown as ConstructorParameters<typeof ClipboardClearer>[0]['alarms'],
    access,
    now: () => now,
    delaySeconds: () => Promise.resolve(delay),
  });
  return {
    clearer,
    session,
    alarms,
    copy: (value: string) => (clipboard = value),
    clipboard: () => clipboard,
    advance: (ms: number) => (now += ms),
  };
}

const SECRET = 'Vd8fQ2kLm9PzR4tY7uWx1cE3bN6aS0hJ5gK2lM8nB4vC7xZ9qW3eR6tY1uI0oP5a';

describe('ClipboardClearer', () => {
  it('clears the clipboard when due if it still holds the copied value, and keeps no plaintext', async () => {
    const t = setup();
    t.copy(SECRET);
    expect(await t.clearer.copied(SECRET)).toBe(1_030_000);
    expect(t.alarms).toEqual([CLIPBOARD_ALARM]);
    expect(JSON.stringify([...t.session.values()])).not.toContain(SECRET.slice(0, 8));
    expect(await t.clearer.clearDue()).toBe('nothing');
    t.advance(30_000);
    expect(await t.clearer.clearDue()).toBe('cleared');
    expect(t.clipboard()).toBe('');
  });

  it('leaves the clipboard alone when it holds something else', async () => {
    const t = setup();
    await t.clearer.copied(SECRET);
    t.copy('something else');
    t.advance(30_000);
    expect(await t.clearer.clearDue()).toBe('changed');
    expect(t.clipboard()).toBe('something else');
  });

  it('does nothing when it may not read the clipboard, or when clearing is off', async () => {
    const unreadable = setup(30, false);
    unreadable.copy(SECRET);
    await unreadable.clearer.copied(SECRET);
    unreadable.advance(30_000);
    expect(await unreadable.clearer.clearDue()).toBe('unreadable');
    expect(unreadable.clipboard()).toBe(SECRET);

    const off = setup(0);
    expect(await off.clearer.copied(SECRET)).toBeNull();
    expect(off.alarms).toEqual([]);
  });
});
