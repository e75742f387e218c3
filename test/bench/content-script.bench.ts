/**
 * The content script's costs, in one run: its size (minified and gzipped, from the built extension/content.js),
 * its start-up cost per frame (measured in real Chromium: evaluating the script in fresh iframes), and the time to
 * judge a 10 KB and a 1 MB paste including the known-key check against 1,000 stored values (in Node, the same code
 * the content script runs). Medians after a warm-up.
 *
 * Run: npm run bench -- content-script (builds first if extension/ is missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { hashKnownForm, knownValueForms } from '../../src/detector/known-values';
import { DETECTOR_RULES } from '../../src/detector/rules.generated';
import { EXCHANGE_SITES } from '../../src/guard/exchange-sites.generated';
import { judgePaste } from '../../src/guard/judge';
import type { GuardIndex } from '../../src/guard/types';
import { chromiumPath } from '../harness/browsers';
import { generateCorpus, prng } from '../corpus/corpus';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

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

if (!existsSync('extension/content.js')) spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
const source = readFileSync('extension/content.js', 'utf8');
console.log('Content script (extension/content.js)');
console.log(
  `  size: ${(source.length / 1024).toFixed(1)} KB minified, ${(gzipSync(source).length / 1024).toFixed(1)} KB gzipped`,
);

// Start-up per frame, in Chromium: evaluate the script in 200 fresh iframes and time each evaluation.
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
await page.setContent('<!doctype html><title>bench</title>');
const startup = await page.evaluate((script) => {
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const win = frame.contentWindow as Window & { eval(code: string): unknown };
    const start = performance.now();
    win.eval(script);
    samples.push(performance.now() - start);
    frame.remove();
  }
  samples.sort((a, b) => a - b);
  return { median: samples[100], p95: samples[190] };
}, source);
await browser.close();
console.log(
  `  start-up per frame (Chromium, 200 fresh iframes): median ${startup.median?.toFixed(3)} ms, p95 ${startup.p95?.toFixed(3)} ms`,
);

// Judging pastes: mostly benign text (the corpus's negatives and prose), as a real paste is.
const samples = generateCorpus(7).filter((s) => s.set === 'negative');
const rnd = prng(11);
function benignText(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const text = samples[Math.floor(rnd() * samples.length)]?.text ?? '';
    parts.push(text);
    size += text.length + 1;
  }
  return parts.join('\n').slice(0, bytes);
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomValue = () =>
  Array.from({ length: 64 }, () => ALNUM.charAt(Math.floor(rnd() * ALNUM.length))).join('');
const seed = '00112233445566778899aabbccddeeff';
const stored = Array.from({ length: 1_000 }, randomValue);
const index: GuardIndex = {
  version: 1,
  seed,
  entries: stored.flatMap((value, i) =>
    knownValueForms(value).map((form) => [hashKnownForm(seed, form), `c${i}:secret`] as const),
  ),
  refs: Object.fromEntries(
    stored.map((_, i) => [
      `c${i}:secret`,
      { credentialId: `c${i}`, exchange: 'binance', field: 'secret', allowedHosts: [] },
    ]),
  ),
  disabledHosts: [],
};
const context = { rules: DETECTOR_RULES, sites: EXCHANGE_SITES, index };
for (const [label, bytes, runs] of [
  ['10 KB', 10 * 1024, 200],
  ['1 MB', 1 << 20, 15],
] as const) {
  const text = benignText(bytes);
  const withStored = `${text.slice(0, bytes / 2)} ${stored[500]} ${text.slice(bytes / 2)}`;
  const clean = time(runs, () => judgePaste(text, 'chat.example', context));
  const held = time(runs, () => judgePaste(withStored, 'chat.example', context));
  console.log(
    `  judge a ${label} paste with 1,000 stored values: ${clean.toFixed(2)} ms benign, ${held.toFixed(2)} ms with a stored secret inside (median of ${runs})`,
  );
}
