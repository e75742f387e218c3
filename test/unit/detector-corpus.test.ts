import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detect, type Finding } from '../../src/detector/index';
import { DETECTOR_RULES } from '../../src/detector/rules.generated';
import { EXCHANGES } from '../../src/exchanges/index';
import { generateCorpus, type Label, type Sample } from '../corpus/corpus';

const dir = new URL('../fixtures/corpus/', import.meta.url);
const load = (set: string): Sample[] =>
  readFileSync(new URL(`${set}.jsonl`, dir), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Sample);

const context = load('context');
const bare = load('bare');
const negative = load('negative');

const alarming = (f: Finding) => f.confidence !== 'low';
const covering = (findings: readonly Finding[], label: Label) =>
  findings.find((f) => alarming(f) && f.start < label.end && label.start < f.end);
const isSecret = (l: Label) => l.kind === 'secret' || l.kind === 'privateKey';

interface Row {
  secrets: number;
  secretsFound: number;
  named: number;
  keys: number;
  keysFound: number;
  passphrases: number;
  passphrasesFound: number;
  bare: number;
  bareFound: number;
  negatives: number;
  flagged: number;
}

function evaluate(): Map<string, Row> {
  const rows = new Map<string, Row>();
  const row = (venue: string | null): Row => {
    const key = venue ?? '(none)';
    let r = rows.get(key);
    if (!r) {
      r = {
        secrets: 0,
        secretsFound: 0,
        named: 0,
        keys: 0,
        keysFound: 0,
        passphrases: 0,
        passphrasesFound: 0,
        bare: 0,
        bareFound: 0,
        negatives: 0,
        flagged: 0,
      };
      rows.set(key, r);
    }
    return r;
  };
  for (const s of context) {
    const findings = detect(s.text, DETECTOR_RULES);
    for (const l of s.labels) {
      const r = row(l.exchange);
      const f = covering(findings, l);
      if (isSecret(l)) {
        r.secrets++;
        if (f) {
          r.secretsFound++;
          if (f.exchange === l.exchange) r.named++;
        }
      } else if (l.kind === 'apiKey') {
        r.keys++;
        if (f) r.keysFound++;
      } else {
        r.passphrases++;
        if (f) r.passphrasesFound++;
      }
    }
  }
  for (const s of bare) {
    const findings = detect(s.text, DETECTOR_RULES);
    for (const l of s.labels) {
      const r = row(l.exchange);
      r.bare++;
      if (covering(findings, l)) r.bareFound++;
    }
  }
  for (const s of negative) {
    const r = row(s.venue);
    r.negatives++;
    if (detect(s.text, DETECTOR_RULES).some(alarming)) r.flagged++;
  }
  return rows;
}

const pct = (a: number, b: number) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

describe('detector corpus', () => {
  it('is the deterministic output of the seeded generator', () => {
    const fresh = generateCorpus();
    expect(context.length + bare.length + negative.length).toBe(fresh.length);
    expect([...context, ...bare, ...negative].map((s) => s.id).sort()).toEqual(fresh.map((s) => s.id).sort());
    const byId = new Map(fresh.map((s) => [s.id, s.text]));
    for (const s of [...context, ...bare, ...negative]) expect(byId.get(s.id) === s.text, s.id).toBe(true);
  });

  it('synthesises values the knowledge base accepts', () => {
    const mismatched: string[] = [];
    for (const s of [...context, ...bare]) {
      const exchange = EXCHANGES.find((e) => e.id === s.venue);
      for (const l of s.labels) {
        if (l.kind === 'passphrase' || l.exchange !== s.venue) continue;
        const value = JSON.parse(`"${s.text.slice(l.start, l.end)}"`.replace(/\n/g, '\\n')) as string;
        const shapes = exchange?.shapes.filter((sh) => sh.field === l.kind) ?? [];
        if (!shapes.some((sh) => sh.pattern.test(value))) mismatched.push(`${s.id} ${l.kind}`);
      }
    }
    expect(mismatched.slice(0, 10)).toEqual([]);
  });

  it('meets the recall and false-alarm targets', () => {
    const rows = evaluate();
    const total: Row = {
      secrets: 0,
      secretsFound: 0,
      named: 0,
      keys: 0,
      keysFound: 0,
      passphrases: 0,
      passphrasesFound: 0,
      bare: 0,
      bareFound: 0,
      negatives: 0,
      flagged: 0,
    };
    const lines = [
      'venue             in-context secrets   named    api keys   passphrases   bare secrets   negatives flagged',
    ];
    for (const [venue, r] of [...rows.entries()].sort()) {
      for (const k of Object.keys(total) as (keyof Row)[]) total[k] += r[k];
      lines.push(
        `${venue.padEnd(17)} ${`${r.secretsFound}/${r.secrets}`.padStart(7)} ${pct(r.secretsFound, r.secrets)}  ${pct(r.named, r.secretsFound)}  ${pct(r.keysFound, r.keys)}    ${pct(r.passphrasesFound, r.passphrases)}     ${pct(r.bareFound, r.bare)}       ${`${r.flagged}/${r.negatives}`.padStart(6)} ${pct(r.flagged, r.negatives)}`,
      );
    }
    const t = total;
    lines.push(
      `${'ALL'.padEnd(17)} ${`${t.secretsFound}/${t.secrets}`.padStart(7)} ${pct(t.secretsFound, t.secrets)}  ${pct(t.named, t.secretsFound)}  ${pct(t.keysFound, t.keys)}    ${pct(t.passphrasesFound, t.passphrases)}     ${pct(t.bareFound, t.bare)}       ${`${t.flagged}/${t.negatives}`.padStart(6)} ${pct(t.flagged, t.negatives)}`,
    );
    console.log(lines.join('\n'));
    expect(t.secretsFound / t.secrets).toBeGreaterThanOrEqual(0.98);
    expect(t.bareFound / t.bare).toBeGreaterThanOrEqual(0.9);
    expect(t.flagged / t.negatives).toBeLessThanOrEqual(0.01);
    expect(t.named / t.secretsFound).toBeGreaterThanOrEqual(0.95);
  });
});
