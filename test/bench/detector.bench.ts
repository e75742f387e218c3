/**
 * Detector throughput on 1 MB and 10 MB of mixed text (the labelled corpus's credentials, negatives and prose,
 * shuffled), against a naive baseline that runs public scanners' exchange rules as independent global regexes on the
 * same text; the time to check 1 MB against 1,000 stored fingerprints; and the size of the content script the
 * detector ships in. Times are medians of repeated runs after a warm-up, taken with performance.now().
 *
 * Run: npx tsx test/bench/detector.bench.ts
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { detect } from '../../src/detector/index';
import {
  findKnownValues,
  hashKnownForm,
  knownValueForms,
  type KnownHash,
} from '../../src/detector/known-values';
import { DETECTOR_RULES } from '../../src/detector/rules.generated';
import { generateCorpus, prng } from '../corpus/corpus';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function time(runs: number, body: () => unknown): number {
  body();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * gitleaks/trufflehog-style rules for the six venues they cover (Coinbase, Kraken, KuCoin, Bitfinex, BitMEX,
 * Gemini) plus a generic PEM rule; each venue rule needs the venue's name within 40 characters before the value,
 * as trufflehog's PrefixRegex does. Shapes follow those projects' detectors (see /work/shared/notes/exchanges.md §2b).
 */
const near = (name: string, value: string) =>
  new RegExp(`(?:${name})(?:.|[\\n\\r]){0,40}?\\b(${value})\\b`, 'gi');
const BASELINE: readonly RegExp[] = [
  near('coinbase', '[a-z0-9_-]{64}'),
  near(
    'coinbase',
    '-----BEGIN EC PRIVATE KEY-----[A-Za-z0-9+/=\\s\\\\]{64,300}?-----END EC PRIVATE KEY-----',
  ),
  near('kraken', '[0-9A-Za-z\\/\\+=]{56}'),
  near('kraken', '[0-9A-Za-z\\/\\+=]{86,88}'),
  near('kucoin', '[0-9a-f]{24}'),
  near('kucoin', '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
  near('bitfinex', '[A-Za-z0-9_-]{43}'),
  near('bitmex', '[0-9a-zA-Z_-]{24}'),
  near('bitmex', '[0-9a-zA-Z_-]{48}'),
  near('gemini', '(?:master-|account-)[0-9A-Za-z]{20}'),
  near('gemini', '[A-Za-z0-9]{27,28}'),
  /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S-]{64,}?KEY(?: BLOCK)?-----/g,
];

function baseline(text: string): number {
  let found = 0;
  for (const regex of BASELINE) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) found++;
  }
  return found;
}

const FILLER = [
  'The quick review of the trading bot found no issue with the order sizing logic.\n',
  'function rebalance(portfolio) {\n  return portfolio.map((p) => ({ ...p, weight: p.value / total }));\n}\n',
  '2024-06-01T10:00:00Z INFO fetched 500 klines for BTC/USDT in 212 ms\n',
  '| pair | side | price | qty |\n|---|---|---|---|\n| ETH/USDT | buy | 3512.10 | 0.25 |\n',
];

function mixedText(bytes: number, seed: number, share = 0.5): string {
  const samples = generateCorpus(seed);
  const rnd = prng(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const piece =
      rnd() < share
        ? (samples[Math.floor(rnd() * samples.length)]?.text ?? '')
        : (FILLER[Math.floor(rnd() * FILLER.length)] ?? '');
    parts.push(piece, '\n');
    size += piece.length + 1;
  }
  return parts.join('').slice(0, bytes);
}

const MB = 1 << 20;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const rnd = prng(99);
const randomValue = () =>
  Array.from({ length: 64 }, () => ALNUM.charAt(Math.floor(rnd() * ALNUM.length))).join('');

const mbps = (bytes: number, ms: number) => ((bytes / MB) * 1000) / ms;

console.log(
  `Detector benchmark, node ${process.version}: median of N runs after one warm-up, timed with performance.now();` +
    ' the baseline runs on the same text.',
);
for (const size of [1, 10]) {
  const text = mixedText(size * MB, 1000 + size);
  const runs = size === 1 ? 21 : 7;
  const tDetect = time(runs, () => detect(text, DETECTOR_RULES));
  const tBase = time(runs, () => baseline(text));
  const findings = detect(text, DETECTOR_RULES).filter((f) => f.confidence !== 'low').length;
  console.log(
    `${String(size).padStart(2)} MB dense (N=${runs}): detector ${tDetect.toFixed(1)} ms = ` +
      `${mbps(text.length, tDetect).toFixed(1)} MB/s (18 venues, ${findings} medium/high findings); ` +
      `baseline ${tBase.toFixed(1)} ms = ${mbps(text.length, tBase).toFixed(1)} MB/s (6 venues + PEM, ` +
      `${baseline(text)} matches); detector/baseline time ratio ${(tDetect / tBase).toFixed(2)}`,
  );
}

{
  // A sparser text, closer to a pasted log or source file: 2% corpus samples, the rest prose, code and logs.
  const text = mixedText(MB, 77, 0.02);
  const tDetect = time(21, () => detect(text, DETECTOR_RULES));
  const tBase = time(21, () => baseline(text));
  console.log(
    ` 1 MB sparse, 2% samples (N=21): detector ${tDetect.toFixed(1)} ms = ${mbps(text.length, tDetect).toFixed(1)} MB/s; ` +
      `baseline ${tBase.toFixed(1)} ms = ${mbps(text.length, tBase).toFixed(1)} MB/s; ratio ${(tDetect / tBase).toFixed(2)}`,
  );
}

const seed = 'bench-seed';
const stored = Array.from({ length: 1000 }, randomValue);
const entries = new Map<KnownHash, string>();
stored.forEach((v, i) => {
  for (const form of knownValueForms(v)) entries.set(hashKnownForm(seed, form), `cred${i}:secret`);
});
const index = { seed, entries };
const text = mixedText(MB, 7);
const planted = `${text.slice(0, MB / 2)} ${stored[500] ?? ''} ${text.slice(MB / 2)}`;
// A fresh index object per run, so the one-off preparation of the index is part of the figure.
const tKnown = time(21, () => findKnownValues(planted, { seed, entries }));
const tBoth = time(21, () => detect(planted, DETECTOR_RULES, { known: index }));
console.log(
  `1 MB vs 1,000 stored fingerprints (N=21): findKnownValues ${tKnown.toFixed(1)} ms ` +
    `(${findKnownValues(planted, index).length} match); detect with known values ${tBoth.toFixed(1)} ms`,
);

{
  // What every frame loads: the content script as the extension bundles it (esbuild, minified, IIFE).
  const result = await build({
    entryPoints: [new URL('../../src/content/index.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'iife',
    metafile: true,
    write: false,
    target: 'chrome121',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const detector = Object.entries(inputs)
    .filter(([path]) => path.includes('src/detector/'))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  const rules = Object.entries(inputs).find(([path]) => path.endsWith('rules.generated.ts'))?.[1]
    .bytesInOutput;
  console.log(
    `content script (esbuild --bundle --minify, iife, chrome121; gzip level 9 via node:zlib): ` +
      `${code.length} B minified, ${gzipSync(code, { level: 9 }).length} B gzipped; ` +
      `src/detector/ ${detector} B of it (rule table ${rules ?? 0} B)`,
  );
}
