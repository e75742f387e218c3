import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsSchema } from './model';

describe('settings', () => {
  it('clears the clipboard after 30 s by default', () => {
    expect(DEFAULT_SETTINGS.clipboardClearSeconds).toBe(30);
  });

  it.each([
    [0, true],
    [5, true],
    [600, true],
    [3, false],
    [-1, false],
    [601, false],
    [7.5, false],
  ])('clipboard delay %s is accepted: %s (0 turns clearing off)', (seconds, ok) => {
    const result = v.safeParse(SettingsSchema, { ...DEFAULT_SETTINGS, clipboardClearSeconds: seconds });
    expect(result.success).toBe(ok);
  });
});
