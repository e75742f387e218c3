import { describe, expect, it } from 'vitest';
import { hostMatchesDomain, isOfficialUrl } from '../exchanges/domains';
import { EXCHANGES, getExchange } from '../exchanges/index';
import { isKnown, type Exchange } from '../exchanges/types';
import { buildChecklist, safeHint } from './checklist';
import { english, positionsRead } from './english';
import { openIncident } from './open';
import { parseIncident } from './schema';
import { T0, idGenerator, makeMeta } from './testing';
import type { Step } from './types';

const DAY = 86_400_000;

function render(step: Step): string[] {
  return [step.titleKey, ...step.detailKeys].map((key) => english(key, step.substitutions));
}

function allPermissionIds(exchange: Exchange): string[] {
  return isKnown(exchange.permissions) ? exchange.permissions.value.map((p) => p.id) : ['mystery'];
}

describe.each(EXCHANGES.map((e) => [e.id, e] as const))('checklist for %s', (_id, exchange) => {
  const metas = [
    makeMeta({
      exchange: exchange.id,
      permissions: allPermissionIds(exchange),
      usedBy: [
        { kind: 'bot', name: 'Grid bot', domain: 'bot.example.org' },
        { kind: 'app', name: 'Tax tool', domain: null },
      ],
    }),
    makeMeta({ exchange: exchange.id, permissions: [], apiKeyHint: null }),
  ];

  it.each(metas.map((m, i) => [i, m] as const))('meta %i: ordered steps, only revoke urgent', (_i, meta) => {
    const steps = buildChecklist(meta, exchange, T0);
    const kinds = steps.map((s) => s.kind);
    const apps = Math.max(1, meta.usedBy.length);
    expect(kinds).toEqual([
      'revoke',
      'review-activity',
      'replace',
      ...Array<string>(apps).fill('update-app'),
      'support',
      'secure-account',
    ]);
    expect(steps.filter((s) => s.urgent).map((s) => s.id)).toEqual(['revoke']);
    expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
    expect(steps.every((s) => s.doneAt === null)).toBe(true);
  });

  it('revoke step links to the key page and names the key', () => {
    const meta = metas[0]!;
    const [revoke] = buildChecklist(meta, exchange, T0);
    expect(revoke?.links.map((l) => l.url)).toEqual([exchange.links.keyManagement.value]);
    const text = render(revoke!).join('\n');
    expect(text).toContain(meta.label);
    expect(text).toContain('AbCd…wXyZ');
    expect(text).toContain(exchange.name);
  });

  it('every link is https on the exchange’s own domain', () => {
    for (const meta of metas) {
      for (const link of buildChecklist(meta, exchange, T0).flatMap((s) => s.links)) {
        const url = new URL(link.url);
        expect(url.protocol).toBe('https:');
        const onOwnHost =
          exchange.webDomains.some((d) => hostMatchesDomain(url.hostname, d)) ||
          exchange.apiHosts.includes(url.hostname);
        expect(onOwnHost, link.url).toBe(true);
        expect(isOfficialUrl(link.url, exchange)).toBe(true);
      }
    }
  });

  it('every text key exists and gets every substitution it reads, with nothing left unrendered', () => {
    for (const meta of metas) {
      for (const step of buildChecklist(meta, exchange, T0)) {
        for (const key of [step.titleKey, ...step.detailKeys]) {
          expect(positionsRead(key), key).toBeLessThanOrEqual(step.substitutions.length);
          const text = english(key, step.substitutions);
          expect(text).not.toMatch(/\$[A-Za-z0-9_]+\$|\$\d/);
          expect(text.trim()).not.toBe('');
        }
        for (const link of step.links) {
          expect(positionsRead(link.labelKey)).toBeLessThanOrEqual(link.labelSubstitutions.length);
          expect(english(link.labelKey, link.labelSubstitutions).trim()).not.toBe('');
        }
        expect(step.substitutions.length).toBeLessThanOrEqual(9);
      }
    }
  });

  it('an opened incident is a valid stored record', () => {
    for (const meta of metas) {
      const result = openIncident(meta, exchange, {
        source: 'popup',
        now: T0,
        newId: idGenerator(),
        existing: [],
      });
      expect(result.ok).toBe(true);
      if (result.ok)
        expect(parseIncident(JSON.parse(JSON.stringify(result.incident)))).toEqual(result.incident);
    }
  });
});

describe('checklist details', () => {
  const binance = getExchange('binance');

  it('replace step: leave-off list from the KB, what the old key had, expiry date from now', () => {
    const meta = makeMeta({ permissions: ['enableReading', 'enableFutures', 'enableWithdrawals'] });
    const replace = buildChecklist(meta, binance, T0).find((s) => s.kind === 'replace')!;
    const text = render(replace);
    expect(text).toContain(
      'Leave these permissions off unless an app truly needs them: Permits Universal Transfer, Enable Internal Transfer, Enable Withdrawals.',
    );
    expect(text).toContain(
      'The old key had Enable Withdrawals: do not give the new key these without a reason.',
    );
    expect(text).toContain(
      'The old key also had: Enable Reading, Enable Futures. Give the new key only what its apps use.',
    );
    // Binance's earliest creation-triggered rule is 30 days.
    const date = new Date(T0 + 30 * DAY).toISOString().slice(0, 10);
    expect(text.join('\n')).toContain(date);
    expect(replace.links[0]?.labelKey).toBe('incidentLinkCreateKey');
  });

  it('replace step for an exchange whose permission names are unknown', () => {
    const bitstamp = getExchange('bitstamp');
    const replace = buildChecklist(makeMeta({ exchange: 'bitstamp' }), bitstamp, T0).find(
      (s) => s.kind === 'replace',
    );
    expect(replace?.detailKeys).toContain('incidentReplacePermissionsUnknown');
    expect(replace?.detailKeys).not.toContain('incidentReplaceLeaveOff');
  });

  it('review step: what to look for follows what the key could do', () => {
    const review = (permissions: string[]): readonly string[] =>
      buildChecklist(makeMeta({ permissions }), binance, T0).find((s) => s.kind === 'review-activity')!
        .detailKeys;
    expect(review(['enableReading'])).not.toContain('incidentReviewWithdrawals');
    expect(review(['enableReading'])).not.toContain('incidentReviewOrders');
    expect(review(['enableFutures'])).toContain('incidentReviewOrders');
    expect(review(['enableFutures'])).not.toContain('incidentReviewWithdrawals');
    expect(review(['enableWithdrawals'])).toContain('incidentReviewWithdrawals');
    expect(review([])).toContain('incidentReviewWithdrawals');
    for (const permissions of [[], ['enableReading']]) {
      expect(review(permissions)).toContain('incidentReviewLogins');
      expect(review(permissions)).toContain('incidentReviewNewKeys');
    }
  });

  it('review step links the known activity pages (OKX) and explains when none are known (Binance)', () => {
    const okx = getExchange('okx');
    const okxReview = buildChecklist(makeMeta({ exchange: 'okx' }), okx, T0)[1]!;
    expect(okxReview.links.map((l) => l.url)).toEqual(['https://www.okx.com/account/security']);
    expect(okxReview.detailKeys).not.toContain('incidentReviewNoLinks');
    const binanceReview = buildChecklist(makeMeta(), binance, T0)[1]!;
    expect(binanceReview.links).toEqual([]);
    expect(render(binanceReview).join('\n')).toContain('Profile → Security');
  });

  it('one update step per app, bots are told to restart, no link to third-party sites', () => {
    const steps = buildChecklist(
      makeMeta({
        usedBy: [
          { kind: 'bot', name: 'Grid bot', domain: 'bot.example.org' },
          { kind: 'app', name: 'Tracker', domain: null },
        ],
      }),
      binance,
      T0,
    ).filter((s) => s.kind === 'update-app');
    expect(steps.map((s) => s.id)).toEqual(['update-app-0', 'update-app-1']);
    expect(render(steps[0]!)[0]).toBe('Update Grid bot with the new key');
    expect(steps[0]?.detailKeys).toEqual([
      'incidentUpdateAppReplace',
      'incidentUpdateAppRestartBot',
      'incidentUpdateAppDomain',
    ]);
    expect(steps[1]?.detailKeys).toEqual(['incidentUpdateAppReplace']);
    expect(steps.flatMap((s) => s.links)).toEqual([]);
  });

  it('drops links that are not https on the exchange’s own hosts', () => {
    const bad: Exchange = {
      ...binance,
      links: {
        keyManagement: {
          ...binance.links.keyManagement,
          value: 'https://binance.com.evil.io/my/settings/api-management',
        },
        activity: {
          value: [
            { label: 'Orders', url: 'http://www.binance.com/en/my/orders' },
            { label: 'Logins', url: 'https://evilbinance.com/login' },
            { label: 'Devices', url: 'https://www.binance.com/en/my/security/devices' },
          ],
          source: binance.links.keyManagement.source,
        },
        support: {
          value: 'https://user:pw@www.binance.com/support',
          source: binance.links.keyManagement.source,
        },
      },
    };
    const steps = buildChecklist(makeMeta(), bad, T0);
    expect(steps.flatMap((s) => s.links.map((l) => l.url))).toEqual([
      'https://www.binance.com/en/my/security/devices',
    ]);
    expect(steps[0]?.detailKeys).toContain('incidentRevokeNoLink');
    expect(steps.find((s) => s.kind === 'support')?.detailKeys).toContain('incidentSupportNoLink');
  });

  it('marks addresses from non-official sources as reported', () => {
    // Binance's key page address is sourced from bot guides; Bitfinex's from its own support article.
    expect(buildChecklist(makeMeta(), binance, T0)[0]?.links[0]?.reported).toBe(true);
    expect(buildChecklist(makeMeta(), binance, T0)[0]?.detailKeys).toContain('incidentRevokeReported');
    const bitfinex = getExchange('bitfinex');
    const revoke = buildChecklist(makeMeta({ exchange: 'bitfinex' }), bitfinex, T0)[0]!;
    expect(revoke.links[0]?.reported).toBe(bitfinex.links.keyManagement.source.confirmation !== 'official');
  });

  it('secure-account step quotes password-change rules (Bybit)', () => {
    const bybit = getExchange('bybit');
    const secure = buildChecklist(makeMeta({ exchange: 'bybit' }), bybit, T0).at(-1)!;
    expect(secure.detailKeys).toContain('incidentSecurePasswordRule');
    expect(render(secure).join('\n')).toContain('password changes');
  });

  it('refuses a credential of another exchange', () => {
    expect(() => buildChecklist(makeMeta({ exchange: 'okx' }), binance, T0)).toThrow(/okx/);
  });

  it('shows the vault’s masked hint and nothing that is not one', () => {
    expect(safeHint('AbCd…wXyZ')).toBe('AbCd…wXyZ');
    expect(safeHint('Ab…yZ')).toBe('Ab…yZ');
    expect(safeHint(null)).toBeNull();
    expect(safeHint('vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A')).toBeNull();
    expect(safeHint('AbCdE…wXyZ')).toBeNull();
    const revoke = buildChecklist(makeMeta({ apiKeyHint: 'vmPUZE6mv9SD5VNHk4Hl' }), binance, T0)[0]!;
    expect(revoke.detailKeys[0]).toBe('incidentRevokeFindNoHint');
    expect(revoke.substitutions).not.toContain('vmPUZE6mv9SD5VNHk4Hl');
  });
});
