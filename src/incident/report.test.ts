import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCHANGES, getExchange } from '../exchanges/index';
import { maskApiKey } from '../vault/model';
import { openIncident } from './open';
import { escapeMarkdown, toJson, toMarkdown, toReport } from './report';
import { T0, idGenerator, makeMeta } from './testing';
import { finish, linkReplacement, tickStep } from './transitions';
import type { Incident } from './types';

function unwrap(r: { ok: true; incident: Incident } | { ok: false; error: string }): Incident {
  if (!r.ok) throw new Error(r.error);
  return r.incident;
}

/** A worked incident: revoke and one app done, finished, replacement linked. */
function worked(meta = makeMeta({ usedBy: [{ kind: 'bot', name: 'Grid bot', domain: null }] })): Incident {
  const exchange = getExchange(meta.exchange);
  let incident = unwrap(
    openIncident(meta, exchange, { source: 'paste-warning', now: T0, newId: idGenerator(), existing: [] }),
  );
  incident = unwrap(tickStep(incident, 'revoke', T0 + 45_000));
  incident = unwrap(finish(incident, T0 + 50_000));
  incident = unwrap(linkReplacement(incident, { id: 'cred-new', exchange: meta.exchange }, T0 + 600_000));
  return unwrap(tickStep(incident, 'update-app-0', T0 + 700_000));
}

// Upper-case letters and digits: no five of them in a row appear in the English report text or ISO dates.
const KEY_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
const secretString = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...KEY_CHARS), { minLength: min, maxLength: max }).map((a) => a.join(''));

describe('report', () => {
  it('never contains the key, the secret or the passphrase, and shows at most the vault’s hint', () => {
    fc.assert(
      fc.property(
        secretString(16, 64),
        secretString(16, 88),
        secretString(8, 32),
        fc.constantFrom(...EXCHANGES.map((e) => e.id)),
        (apiKey, secret, passphrase, exchange) => {
          const hint = maskApiKey(apiKey);
          const meta = makeMeta({
            exchange,
            apiKeyHint: hint,
            storedFields: ['apiKey', 'secret', 'passphrase'],
          });
          const outputs = [toJson(worked(meta)), toMarkdown(worked(meta))];
          for (const out of outputs) {
            for (const s of [apiKey, secret, passphrase]) expect(out).not.toContain(s);
            // No five consecutive characters of the key: the hint shows four at each end, no more.
            for (let i = 0; i + 5 <= apiKey.length; i += 1) expect(out).not.toContain(apiKey.slice(i, i + 5));
            for (let i = 0; i + 5 <= secret.length; i += 1) expect(out).not.toContain(secret.slice(i, i + 5));
          }
          const report = toReport(worked(meta));
          expect(report.apiKeyHint).toBe(hint);
          const [head, tail] = (report.apiKeyHint ?? '').split('…');
          expect(apiKey.startsWith(head ?? '')).toBe(true);
          expect(apiKey.endsWith(tail ?? '')).toBe(true);
          expect((head ?? '').length + (tail ?? '').length).toBeLessThanOrEqual(8);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('drops a stored hint that is not a masked hint (a full key by mistake)', () => {
    const apiKey = 'QWERTYUIOP1234567890';
    const incident = { ...worked(), apiKeyHint: apiKey };
    expect(toJson(incident)).not.toContain('QWERT');
    expect(toMarkdown(incident)).not.toContain('QWERT');
    expect(toReport(incident).apiKeyHint).toBeNull();
  });

  it('leaves the user’s note out', () => {
    const incident = { ...worked(), note: 'my passphrase is hunter2' };
    expect(toJson(incident)).not.toContain('hunter2');
    expect(toMarkdown(incident)).not.toContain('hunter2');
  });

  it('JSON: what happened, when, and each step’s state', () => {
    const report = JSON.parse(toJson(worked())) as ReturnType<typeof toReport>;
    expect(report).toMatchObject({
      format: 'keywarden-incident-report',
      version: 1,
      exchange: { id: 'binance', name: 'Binance' },
      label: 'main bot',
      apiKeyHint: 'AbCd…wXyZ',
      source: 'paste-warning',
      openedAt: '2025-01-31T14:02:00.000Z',
      finishedAt: '2025-01-31T14:02:50.000Z',
      replacementLinked: true,
      progress: { done: 3, total: 6, urgentDone: 1, urgentTotal: 1, state: 'finished' },
    });
    expect(report.summary).toBe(
      'On 2025-01-31 14:02 UTC the Binance key “main bot” was marked as possibly compromised. How it started: Paste warning: the key was about to be pasted into a web page.',
    );
    expect(report.steps.map((s) => [s.kind, s.doneAt])).toEqual([
      ['revoke', '2025-01-31T14:02:45.000Z'],
      ['review-activity', null],
      ['replace', '2025-01-31T14:12:00.000Z'],
      ['update-app', '2025-01-31T14:13:40.000Z'],
      ['support', null],
      ['secure-account', null],
    ]);
    expect(report.steps[0]?.title).toBe('Revoke the key on Binance now');
    expect(Object.keys(report)).not.toContain('note');
  });

  it('Markdown: heading, facts and a step table', () => {
    const md = toMarkdown(worked());
    expect(md).toContain('# Incident report: main bot\n');
    expect(md).toContain('- API key (masked): AbCd…wXyZ\n');
    expect(md).toContain('- Finished (key revoked): 2025-01-31 14:02 UTC\n');
    expect(md).toContain('| Revoke the key on Binance now | yes | 2025-01-31 14:02 UTC |');
    expect(md).toContain('| Review recent activity on Binance | no | not done |');
    expect(md).toContain('| Update Grid bot with the new key | no | 2025-01-31 14:13 UTC |');
  });

  it('Markdown: user text cannot inject links, HTML or table cells', () => {
    const meta = makeMeta({ label: 'x](https://evil.example) <img src=x> | col\nnext' });
    const md = toMarkdown(worked(meta));
    expect(md).not.toMatch(/[^\\]\]\(https/);
    expect(md).not.toMatch(/[^\\]<img/);
    expect(md).toContain('x\\](https://evil.example) \\<img src=x\\> \\| col next');
    expect(escapeMarkdown('a & b *c* `d`')).toBe('a &amp; b \\*c\\* \\`d\\`');
  });
});
