import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type CredentialMeta } from '../../vault/model';
import { daysAgo, makeMeta, runCheck, summary } from '../testing';
import { rampDays, rotationDue } from './rotation-due';

describe('rotation-due (default 90 days)', () => {
  const cases: { name: string; meta: Partial<CredentialMeta>; expected: [string, string][] }[] = [
    { name: 'young key', meta: { createdAt: daysAgo(10) }, expected: [] },
    { name: 'near miss: 59 days old, 31 days left', meta: { createdAt: daysAgo(59) }, expected: [] },
    {
      name: '60 days old: the 30-day ramp starts',
      meta: { createdAt: daysAgo(60) },
      expected: [['low', 'auditRotationSoon']],
    },
    { name: '89 days old', meta: { createdAt: daysAgo(89) }, expected: [['low', 'auditRotationSoon']] },
    {
      name: '90 days old: overdue',
      meta: { createdAt: daysAgo(90) },
      expected: [['medium', 'auditRotationOverdue']],
    },
    { name: 'a year old', meta: { createdAt: daysAgo(365) }, expected: [['medium', 'auditRotationOverdue']] },
    {
      name: 'old key rotated recently counts from the rotation',
      meta: { createdAt: daysAgo(365), lastRotatedAt: daysAgo(5) },
      expected: [],
    },
    {
      name: 'dates not recorded: counts from when it was added, "at least"',
      meta: { createdAt: null, lastRotatedAt: null, addedAt: daysAgo(120) },
      expected: [['medium', 'auditRotationOverdueAtLeast']],
    },
    {
      name: 'dates not recorded, added 70 days ago',
      meta: { createdAt: null, lastRotatedAt: null, addedAt: daysAgo(70) },
      expected: [['low', 'auditRotationSoonAtLeast']],
    },
    {
      name: 'only the rotation date recorded',
      meta: { createdAt: null, lastRotatedAt: daysAgo(100), addedAt: daysAgo(5) },
      expected: [['medium', 'auditRotationOverdue']],
    },
  ];

  it.each(cases)('$name', ({ meta, expected }) => {
    expect(summary(runCheck(rotationDue, makeMeta(meta)))).toEqual(expected);
  });

  it('says how old and which period, with a countdown', () => {
    const [f] = runCheck(rotationDue, makeMeta({ createdAt: daysAgo(120) }));
    expect(f?.substitutions).toEqual(['120', '90']);
    expect(f?.countdown?.days).toBe(-30);
    const [soon] = runCheck(rotationDue, makeMeta({ createdAt: daysAgo(80) }));
    expect(soon?.substitutions).toEqual(['90', '2025-06-11']);
    expect(soon?.countdown?.days).toBe(10);
  });
});

describe('rotation-due with another period', () => {
  it.each([
    { rotationDays: 30, age: 19, expected: [] },
    { rotationDays: 30, age: 20, expected: [['low', 'auditRotationSoon']] },
    { rotationDays: 30, age: 30, expected: [['medium', 'auditRotationOverdue']] },
    { rotationDays: 7, age: 4, expected: [] },
    { rotationDays: 7, age: 5, expected: [['low', 'auditRotationSoon']] },
    { rotationDays: 365, age: 334, expected: [] },
    { rotationDays: 365, age: 335, expected: [['low', 'auditRotationSoon']] },
  ])('$rotationDays-day period, $age days old', ({ rotationDays, age, expected }) => {
    const settings = { ...DEFAULT_SETTINGS, rotationDays };
    expect(summary(runCheck(rotationDue, makeMeta({ createdAt: daysAgo(age) }), { settings }))).toEqual(
      expected,
    );
  });

  it('ramps for 30 days, or a third of a shorter period', () => {
    expect([rampDays(90), rampDays(365), rampDays(30), rampDays(7), rampDays(1)]).toEqual([30, 30, 10, 2, 0]);
  });
});
